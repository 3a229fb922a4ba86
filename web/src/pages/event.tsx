// An event: when (as precisely as the sources say), where or online, who took part by role, what was
// said, the articles reporting it (each with its sentence) and the documents concerned.
import { useQuery } from '@urql/preact';
import { graphql } from '../graphql';
import { formatDate, t, useLang } from '../i18n';
import { href } from '../router';
import { ApiError, Empty, entityHref, Loading, NotFound, Section, spanHref, ViOnly } from '../ui/common';

export const EventQuery = graphql(`
  query ExplorerEvent($slug: String!, $lang: Language!) {
    event(slug: $slug) {
      id
      slug
      title(lang: $lang)
      titleEn
      kind
      date
      datePrecision
      dateInferred
      partOfDay
      online
      dateMention {
        start
        end
        text
        article {
          id
          slug
        }
      }
      place {
        id
        slug
        name(lang: $lang)
        nameEn
      }
      project {
        id
        slug
        name(lang: $lang)
      }
      parent {
        id
        slug
        title(lang: $lang)
      }
      participants(first: 100) {
        totalCount
        edges {
          node {
            role
            person {
              id
              slug
              name
            }
            organization {
              id
              slug
              name(lang: $lang)
              nameEn
            }
            evidence {
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
      quotes(first: 50) {
        totalCount
        edges {
          node {
            id
            slug
            text
            speaker {
              id
              slug
              name
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
      documents(first: 20) {
        edges {
          node {
            id
            slug
            title(lang: $lang)
            code
            kind
          }
        }
      }
      reportedIn(first: 20) {
        totalCount
        edges {
          node {
            article {
              id
              slug
              title(lang: $lang)
              titleEn
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
    }
  }
`);

export function EventPage({ slug }: { slug: string }) {
  const lang = useLang();
  const [res] = useQuery({ query: EventQuery, variables: { slug, lang } });
  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  const e = res.data.event;
  if (!e) return <NotFound what={`event/${slug}`} />;

  const byRole = new Map<string, typeof e.participants.edges>();
  for (const edge of e.participants.edges) {
    const list = byRole.get(edge.node.role) ?? [];
    list.push(edge);
    byRole.set(edge.node.role, list);
  }
  const precision = e.datePrecision ?? 'DAY';
  return (
    <article class="entity event">
      <p class="kind">Event · {e.kind}</p>
      <h1>
        {e.title}
        <ViOnly english={e.titleEn} />
      </h1>
      <dl class="facts">
        <dt>{t(lang, 'date')}</dt>
        <dd>
          <time dateTime={e.date ?? undefined}>{formatDate(e.date, e.datePrecision)}</time>{' '}
          <span class="muted">
            ({precision.toLowerCase()}
            {e.partOfDay ? `, ${e.partOfDay.toLowerCase()}` : ''}
            {e.dateInferred ? `; ${t(lang, 'inferredYear')}` : ''})
          </span>
          {e.dateMention && (
            <>
              {' '}
              <a href={spanHref(e.dateMention.article.slug, e.dateMention.start, e.dateMention.end)}>
                {t(lang, 'source')}
              </a>
            </>
          )}
        </dd>
        <dt>{t(lang, 'place')}</dt>
        <dd>
          {e.online && <span class="badge">{t(lang, 'online')}</span>}{' '}
          {e.place ? (
            <>
              <a href={entityHref('Place', e.place.slug)}>{e.place.name}</a>
              <ViOnly english={e.place.nameEn} />
            </>
          ) : (
            !e.online && '—'
          )}
        </dd>
        {e.project && (
          <>
            <dt>Project</dt>
            <dd>
              <a href={entityHref('Project', e.project.slug)}>{e.project.name}</a>
            </dd>
          </>
        )}
        {e.parent && (
          <>
            <dt>Part of</dt>
            <dd>
              <a href={entityHref('Event', e.parent.slug)}>{e.parent.title}</a>
            </dd>
          </>
        )}
      </dl>
      <p class="actions">
        <a href={href('timeline', { subject: e.slug })}>{t(lang, 'showTimeline')}</a>
      </p>

      <Section title={t(lang, 'participants')} count={e.participants.totalCount}>
        {byRole.size === 0 && <Empty />}
        {[...byRole.entries()].map(([role, list]) => (
          <div key={role} class="role-group">
            <h3>{role}</h3>
            <ul>
              {list.map(({ node: pa }, i) => {
                const ev = pa.evidence[0];
                return (
                  <li key={i}>
                    {pa.person && <a href={entityHref('Person', pa.person.slug)}>{pa.person.name}</a>}
                    {pa.person && pa.organization && ' — '}
                    {pa.organization && (
                      <>
                        <a href={entityHref('Organization', pa.organization.slug)}>{pa.organization.name}</a>
                        <ViOnly english={pa.organization.nameEn} />
                      </>
                    )}
                    {ev && (
                      <>
                        {' '}
                        <a class="muted" href={spanHref(ev.article.slug, ev.start, ev.end)}>
                          [{t(lang, 'source')}]
                        </a>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </Section>

      <Section title={t(lang, 'quotes')} count={e.quotes.totalCount}>
        {e.quotes.edges.length === 0 && <Empty />}
        {e.quotes.edges.map(({ node: q }) => (
          <blockquote key={q.slug} class="quote">
            <p>“{q.text}”</p>
            <footer>
              — <a href={entityHref('Person', q.speaker.slug)}>{q.speaker.name}</a> ·{' '}
              <a href={spanHref(q.mention.article.slug, q.mention.start, q.mention.end)}>{t(lang, 'openInArticle')}</a>
            </footer>
          </blockquote>
        ))}
      </Section>

      <Section title={t(lang, 'reportedIn')} count={e.reportedIn.totalCount}>
        {e.reportedIn.edges.length === 0 && <Empty />}
        <ul class="articles">
          {e.reportedIn.edges.map(({ node: r }) => (
            <li key={r.article.slug}>
              <time class="muted">{formatDate(r.article.publishedDate)}</time>{' '}
              <a href={entityHref('Article', r.article.slug)}>{r.article.title}</a>
              <ViOnly english={r.article.titleEn} />
              <blockquote class="source">
                “{r.mention.text}”{' '}
                <a href={spanHref(r.article.slug, r.mention.start, r.mention.end)}>{t(lang, 'openInArticle')}</a>
              </blockquote>
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t(lang, 'documents')} count={e.documents.edges.length}>
        {e.documents.edges.length === 0 ? (
          <Empty />
        ) : (
          <ul>
            {e.documents.edges.map(({ node: d }) => (
              <li key={d.slug}>
                <a href={entityHref('Document', d.slug)}>{d.title ?? d.slug}</a>{' '}
                <span class="muted">
                  {d.kind}
                  {d.code ? ` · ${d.code}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
