// Organizations, places, documents and projects: names (and codes or acronyms), the events and articles
// they appear in, and where their sources disagree.
import { useQuery } from '@urql/preact';
import { graphql } from '../graphql';
import { formatDate, t, useLang } from '../i18n';
import { href } from '../router';
import { ApiError, Empty, entityHref, Loading, NotFound, Section, ViOnly } from '../ui/common';
import { ArticleList } from './person';

export type EntityKind = 'organization' | 'place' | 'document' | 'project';

const EventFields = graphql(`
  fragment ExplorerEventItem on Event @_unmask {
    id
    slug
    title(lang: $lang)
    titleEn
    date
    datePrecision
  }
`);
const ArticleFields = graphql(`
  fragment ExplorerArticleItem on Article @_unmask {
    id
    slug
    title(lang: $lang)
    titleEn
    publishedDate
  }
`);

const QUERIES = {
  organization: graphql(
    `
    query ExplorerOrganization($slug: String!, $lang: Language!) {
      entity: organization(slug: $slug) {
        id slug kind country acronyms aliases nameEn
        title: name(lang: $lang)
        events(first: 50) { totalCount edges { node { ...ExplorerEventItem } } }
        articles(first: 50) { totalCount edges { node { ...ExplorerArticleItem } } }
      }
    }
  `,
    [EventFields, ArticleFields],
  ),
  place: graphql(
    `
    query ExplorerPlace($slug: String!, $lang: Language!) {
      entity: place(slug: $slug) {
        id slug kind country aliases nameEn
        title: name(lang: $lang)
        events(first: 50) { totalCount edges { node { ...ExplorerEventItem } } }
        articles(first: 50) { totalCount edges { node { ...ExplorerArticleItem } } }
      }
    }
  `,
    [EventFields, ArticleFields],
  ),
  document: graphql(
    `
    query ExplorerDocument($slug: String!, $lang: Language!) {
      entity: document(slug: $slug) {
        id slug kind code aliases date datePrecision
        title(lang: $lang)
        conflicts(first: 10) { totalCount }
        events(first: 50) { totalCount edges { node { ...ExplorerEventItem } } }
        articles(first: 50) { totalCount edges { node { ...ExplorerArticleItem } } }
      }
    }
  `,
    [EventFields, ArticleFields],
  ),
  project: graphql(
    `
    query ExplorerProject($slug: String!, $lang: Language!) {
      entity: project(slug: $slug) {
        id slug acronyms aliases nameEn periodStart periodEnd funding
        title: name(lang: $lang)
        conflicts(first: 10) { totalCount }
        events(first: 50) { totalCount edges { node { ...ExplorerEventItem } } }
        articles(first: 50) { totalCount edges { node { ...ExplorerArticleItem } } }
      }
    }
  `,
    [EventFields, ArticleFields],
  ),
};

type Item = { slug: string; title: string; titleEn: string | null };
interface Common {
  slug: string;
  title: string | null;
  aliases: readonly string[];
  acronyms?: readonly string[];
  kind?: string;
  country?: string | null;
  code?: string | null;
  date?: string | null;
  datePrecision?: string | null;
  nameEn?: string | null;
  conflicts?: { totalCount: number };
  events: {
    totalCount: number;
    edges: readonly { node: Item & { date: string | null; datePrecision: string | null } }[];
  };
  articles: { totalCount: number; edges: readonly { node: Item & { publishedDate: string | null } }[] };
}

export function EntityPage({ kind, slug }: { kind: EntityKind; slug: string }) {
  const lang = useLang();
  const [res] = useQuery({ query: QUERIES[kind], variables: { slug, lang } });
  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  // The four answers share their shape but for a few fields each kind lacks.
  const e = res.data.entity as Common | null;
  if (!e) return <NotFound what={`${kind}/${slug}`} />;
  const extra = [e.kind, e.country, e.code, e.date && formatDate(e.date, e.datePrecision)].filter(Boolean);
  const names = [...(e.acronyms ?? []), ...e.aliases];
  const conflicts = e.conflicts?.totalCount ?? 0;
  return (
    <article class={`entity ${kind}`}>
      <p class="kind">
        {kind}
        {extra.length > 0 && ` · ${extra.join(' · ')}`}
      </p>
      <h1>
        {e.title ?? e.slug}
        {e.nameEn !== undefined && <ViOnly english={e.nameEn} />}
      </h1>
      {names.length > 0 && (
        <p>
          <span class="muted">{t(lang, 'aliases')}:</span> {names.join(', ')}
        </p>
      )}
      <p class="actions">
        <a href={href('timeline', { subject: e.slug })}>{t(lang, 'showTimeline')}</a>
        {conflicts > 0 && (
          <a href={href('conflicts')}>
            {t(lang, 'conflicts')} ({conflicts})
          </a>
        )}
      </p>
      <Section title={t(lang, 'events')} count={e.events.totalCount}>
        {e.events.edges.length === 0 ? (
          <Empty />
        ) : (
          <ul>
            {e.events.edges.map(({ node: ev }) => (
              <li key={ev.slug}>
                <time class="muted">{formatDate(ev.date, ev.datePrecision)}</time>{' '}
                <a href={entityHref('Event', ev.slug)}>{ev.title}</a>
                <ViOnly english={ev.titleEn} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t(lang, 'articles')} count={e.articles.totalCount}>
        <ArticleList articles={e.articles.edges.map((a) => a.node)} />
      </Section>
    </article>
  );
}
