// A person: names, roles over time (each with its organization and the sentence stating it), quotes
// grouped by the event they were said at (each linked to its span in the article), the people met at
// events, and the articles naming them.
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { formatDate, t, useLang } from '../i18n';
import { href } from '../router';
import { ApiError, Empty, EventLinks, entityHref, Loading, NotFound, Section, spanHref, ViOnly } from '../ui/common';

export const PersonQuery = graphql(`
  query ExplorerPerson($slug: String!, $lang: Language!, $quotesAfter: String) {
    person(slug: $slug) {
      id
      slug
      name
      aliases
      honorifics
      country
      roles(first: 50) {
        edges {
          node {
            title(lang: $lang)
            titleVi: title(lang: VI)
            organization {
              id
              slug
              name(lang: $lang)
              nameEn
            }
            article {
              id
              slug
              title(lang: $lang)
              publishedDate
            }
            mention {
              start
              end
              text
            }
          }
        }
      }
      quotes(first: 20, after: $quotesAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            slug
            kind
            text
            event {
              id
              slug
              title(lang: $lang)
              titleEn
              date
              datePrecision
            }
            mention {
              start
              end
              article {
                id
                slug
              }
            }
          }
        }
      }
      coParticipants(first: 50) {
        edges {
          node {
            sharedCount
            person {
              id
              slug
              name
            }
            sharedEvents(first: 10) {
              edges {
                node {
                  id
                  slug
                  title(lang: $lang)
                }
              }
            }
          }
        }
      }
      articles(first: 50) {
        totalCount
        edges {
          node {
            id
            slug
            title(lang: $lang)
            titleEn
            publishedDate
          }
        }
      }
    }
  }
`);

export function PersonPage({ slug }: { slug: string }) {
  const lang = useLang();
  const [quotesAfter, setQuotesAfter] = useState<string | null>(null);
  const [res] = useQuery({ query: PersonQuery, variables: { slug, lang, quotesAfter } });
  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  const p = res.data.person;
  if (!p) return <NotFound what={`person/${slug}`} />;

  const roles = p.roles.edges
    .map((e) => e.node)
    .sort((a, b) => (a.article.publishedDate ?? '').localeCompare(b.article.publishedDate ?? ''));
  // Quotes grouped by the event they were said at, in the order first met.
  const groups = new Map<
    string,
    { event: (typeof p.quotes.edges)[number]['node']['event']; quotes: typeof p.quotes.edges }
  >();
  for (const edge of p.quotes.edges) {
    const key = edge.node.event?.slug ?? '';
    const g = groups.get(key) ?? { event: edge.node.event, quotes: [] };
    g.quotes.push(edge);
    groups.set(key, g);
  }

  return (
    <article class="entity person">
      <p class="kind">Person{p.country ? ` · ${p.country}` : ''}</p>
      <h1>{p.name}</h1>
      {p.aliases.length > 0 && (
        <p>
          <span class="muted">{t(lang, 'aliases')}:</span> {p.aliases.join(', ')}
        </p>
      )}
      <p class="actions">
        <a href={href('timeline', { subject: p.slug })}>{t(lang, 'showTimeline')}</a>
        <a href={href('connections', { from: p.slug })}>{t(lang, 'showConnections')}</a>
      </p>

      <Section title={t(lang, 'roles')} count={roles.length}>
        {roles.length === 0 ? (
          <Empty />
        ) : (
          <ol class="roles">
            {roles.map((r) => (
              <li key={`${r.article.slug}:${r.mention.start}:${r.titleVi}`}>
                <time class="muted">{formatDate(r.article.publishedDate)}</time> <strong>{r.title}</strong>
                {lang === 'EN' && r.title === r.titleVi && <ViOnly english={null} />}
                {r.organization && (
                  <>
                    {' — '}
                    <a href={entityHref('Organization', r.organization.slug)}>{r.organization.name}</a>
                    <ViOnly english={r.organization.nameEn} />
                  </>
                )}
                <blockquote class="source">
                  “{r.mention.text}”{' '}
                  <a href={spanHref(r.article.slug, r.mention.start, r.mention.end)}>
                    {t(lang, 'source')}: {r.article.title}
                  </a>
                </blockquote>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t(lang, 'quotes')} count={p.quotes.totalCount}>
        {groups.size === 0 && <Empty />}
        {[...groups.values()].map((g) => (
          <div class="quote-group" key={g.event?.slug ?? 'none'}>
            <h3>
              {g.event ? (
                <>
                  <a href={entityHref('Event', g.event.slug)}>{g.event.title}</a>
                  <ViOnly english={g.event.titleEn} />{' '}
                  <time class="muted">{formatDate(g.event.date, g.event.datePrecision)}</time>
                </>
              ) : (
                '—'
              )}
            </h3>
            {g.quotes.map(({ node: q }) => (
              <blockquote key={q.slug} class="quote">
                <p>“{q.text}”</p>
                <a href={spanHref(q.mention.article.slug, q.mention.start, q.mention.end)}>
                  {t(lang, 'openInArticle')}
                </a>
              </blockquote>
            ))}
          </div>
        ))}
        {res.error && <ApiError error={res.error} />}
        {p.quotes.pageInfo.hasNextPage && (
          <button type="button" onClick={() => setQuotesAfter(p.quotes.pageInfo.endCursor ?? null)}>
            {t(lang, 'loadMore')}
          </button>
        )}
      </Section>

      <Section title={t(lang, 'peopleMet')} count={p.coParticipants.edges.length}>
        {p.coParticipants.edges.length === 0 ? (
          <Empty />
        ) : (
          <ul class="met">
            {p.coParticipants.edges.map(({ node: c }) => (
              <li key={c.person.slug}>
                <a href={entityHref('Person', c.person.slug)}>{c.person.name}</a>{' '}
                <span class="muted">
                  {t(lang, 'via')} <EventLinks events={c.sharedEvents.edges} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t(lang, 'articles')} count={p.articles.totalCount}>
        <ArticleList articles={p.articles.edges.map((e) => e.node)} />
      </Section>
    </article>
  );
}

export function ArticleList({
  articles,
}: {
  articles: readonly { slug: string; title: string; titleEn: string | null; publishedDate: string | null }[];
}) {
  if (articles.length === 0) return <Empty />;
  return (
    <ul class="articles">
      {articles.map((a) => (
        <li key={a.slug}>
          <time class="muted">{formatDate(a.publishedDate)}</time> <a href={entityHref('Article', a.slug)}>{a.title}</a>
          <ViOnly english={a.titleEn} />
        </li>
      ))}
    </ul>
  );
}
