// An article's captured text with every entity mention linked to its page, the page chrome (menus,
// footer) folded away and dimmed, and the facts read out of it (quotes, roles, dates, claims, reports):
// selecting one puts its span in the URL (`?mark=start-end`), scrolls to it and marks it.
import { useQuery } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { formatDate, t, useLang } from '../i18n';
import { ApiError, entityHref, Loading, NotFound, Section, spanHref, ViOnly } from '../ui/common';

export const ArticleQuery = graphql(`
  query ExplorerArticle($slug: String!, $lang: Language!, $after: String) {
    article(slug: $slug) {
      id
      slug
      title(lang: $lang)
      titleEn
      publishedDate
      publishedLocal
      languages
      text
      content {
        start
        end
        lang
      }
      publisher {
        id
        slug
        name(lang: $lang)
      }
      relatedArticles(first: 5) {
        edges {
          node {
            sharedCount
            article {
              id
              slug
              title(lang: $lang)
            }
          }
        }
      }
      mentions(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            kind
            start
            end
            subject {
              __typename
              ... on Person {
                id
                slug
                name
              }
              ... on Organization {
                id
                slug
              }
              ... on Place {
                id
                slug
              }
              ... on Document {
                id
                slug
              }
              ... on Project {
                id
                slug
              }
              ... on Event {
                id
                slug
              }
            }
          }
        }
      }
    }
  }
`);

const FACT_KINDS = new Set(['QUOTE', 'ROLE', 'DATE', 'CLAIM', 'REPORT']);

interface Span {
  start: number;
  end: number;
}

function parseMark(mark: string | null | undefined, length: number): Span | null {
  const m = /^(\d+)-(\d+)$/.exec(mark ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : null;
}

export function ArticlePage({ slug, mark }: { slug: string; mark: string | null }) {
  const lang = useLang();
  const [after, setAfter] = useState<string | null>(null);
  const [res] = useQuery({ query: ArticleQuery, variables: { slug, lang, after } });
  const a = res.data?.article;
  const page = a?.mentions.pageInfo;
  // Mentions come 100 a page: fetch the rest (the cache appends them) before highlighting is complete.
  useEffect(() => {
    if (page?.hasNextPage && page.endCursor && page.endCursor !== after) setAfter(page.endCursor);
  }, [page?.hasNextPage, page?.endCursor, after]);
  const marked = a ? parseMark(mark, a.text.length) : null;
  const complete = a !== undefined && a !== null && !page?.hasNextPage;
  // Scrolled to as soon as the text is there, and again once every mention is in (links shift lines).
  const shown = a !== undefined && a !== null;
  useEffect(() => {
    if (!shown || !marked) return;
    const el = document.getElementById('marked');
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [shown, complete, marked?.start, marked?.end]);

  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  if (!a) return <NotFound what={`article/${slug}`} />;

  const mentions = a.mentions.edges.map((e) => e.node);
  const facts = mentions.filter((m) => FACT_KINDS.has(m.kind)).sort((x, y) => x.start - y.start);
  return (
    <div class="article-layout">
      <article class="entity article">
        <p class="kind">
          Article · <time>{formatDate(a.publishedDate)}</time>
          {a.publisher && (
            <>
              {' · '}
              <a href={entityHref('Organization', a.publisher.slug)}>{a.publisher.name}</a>
            </>
          )}
        </p>
        <h1>
          {a.title}
          <ViOnly english={a.titleEn} />
        </h1>
        {res.error && <ApiError error={res.error} />}
        <ArticleText text={a.text} content={a.content} mentions={mentions} marked={marked} />
      </article>
      <aside class="facts-panel">
        <Section title={t(lang, 'facts')} count={facts.length}>
          <ol class="fact-list">
            {facts.map((f) => {
              const on = marked?.start === f.start && marked.end === f.end;
              return (
                <li key={`${f.kind}:${f.start}:${f.end}`}>
                  <a href={spanHref(a.slug, f.start, f.end)} aria-current={on ? 'location' : undefined}>
                    <span class="badge">{f.kind}</span> {excerpt(a.text.slice(f.start, f.end))}
                  </a>
                </li>
              );
            })}
          </ol>
        </Section>
        <Section title={t(lang, 'related')}>
          <ul>
            {a.relatedArticles.edges.map(({ node: r }) => (
              <li key={r.article.slug}>
                <a href={entityHref('Article', r.article.slug)}>{r.article.title}</a>{' '}
                <span class="muted">({r.sharedCount})</span>
              </li>
            ))}
          </ul>
        </Section>
      </aside>
    </div>
  );
}

const excerpt = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}…` : s);

type Mention = {
  kind: string;
  start: number;
  end: number;
  subject: { __typename: string; slug?: string } | null;
};

function ArticleText({
  text,
  content,
  mentions,
  marked,
}: {
  text: string;
  content: readonly { start: number; end: number }[];
  mentions: readonly Mention[];
  marked: Span | null;
}) {
  const lang = useLang();
  // Entity mentions, without overlaps (a link cannot hold a link): the longer one wins where two start together.
  const entities: (Mention & { href: string })[] = [];
  let reach = 0;
  for (const m of [...mentions].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (m.kind !== 'ENTITY' || !m.subject?.slug || m.start < reach) continue;
    entities.push({ ...m, href: entityHref(m.subject.__typename, m.subject.slug) });
    reach = m.end;
  }
  // Regions: article content, and the chrome around and between it.
  const regions: { start: number; end: number; content: boolean }[] = [];
  let at = 0;
  for (const c of [...content].sort((x, y) => x.start - y.start)) {
    if (c.start > at) regions.push({ start: at, end: c.start, content: false });
    regions.push({ start: c.start, end: c.end, content: true });
    at = c.end;
  }
  if (at < text.length) regions.push({ start: at, end: text.length, content: false });

  const cuts = new Set<number>([0, text.length]);
  for (const r of regions) cuts.add(r.start).add(r.end);
  for (const e of entities) cuts.add(e.start).add(e.end);
  if (marked) cuts.add(marked.start).add(marked.end);
  const points = [...cuts].sort((x, y) => x - y);

  let ei = 0;
  let markId = false;
  const render = (region: { start: number; end: number }) => {
    const out: ComponentChildren[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const s = points[i] as number;
      const e = points[i + 1] as number;
      if (s < region.start || e > region.end) continue;
      while (ei < entities.length && (entities[ei] as Mention).end <= s) ei++;
      const ent = entities[ei] && (entities[ei] as Mention).start <= s ? entities[ei] : undefined;
      let node: ComponentChildren = text.slice(s, e);
      if (ent) {
        node = (
          <a class={`m t-${ent.subject?.__typename.toLowerCase()}`} href={ent.href}>
            {node}
          </a>
        );
      }
      if (marked && s >= marked.start && e <= marked.end) {
        const first = !markId;
        markId = true;
        node = (
          <mark class="fact" id={first ? 'marked' : undefined} tabIndex={first ? -1 : undefined}>
            {node}
          </mark>
        );
      }
      out.push(<span key={s}>{node}</span>);
    }
    return out;
  };
  return (
    <div class="text">
      {regions.map((r) =>
        r.content ? (
          <div key={r.start} class="content">
            {render(r)}
          </div>
        ) : (
          <details key={r.start} class="chrome" open={marked ? marked.start < r.end && marked.end > r.start : false}>
            <summary>{t(lang, 'chrome')}</summary>
            <div>{render(r)}</div>
          </details>
        ),
      )}
    </div>
  );
}
