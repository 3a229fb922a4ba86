// Where the sources disagree: each conflict with its claims side by side, each claim with the article
// and the exact span it rests on. Nothing is picked; both stay.
import { useQuery } from '@urql/preact';
import { graphql } from '../graphql';
import { t, useLang } from '../i18n';
import { ApiError, Empty, entityHref, Loading, spanHref } from '../ui/common';

export const ConflictsQuery = graphql(`
  query ExplorerConflicts($lang: Language!) {
    conflicts(first: 50) {
      totalCount
      edges {
        node {
          id
          slug
          field
          description
          subject {
            __typename
            ... on Document { id slug docTitle: title(lang: $lang) code }
            ... on Project { id slug projectName: name(lang: $lang) }
            ... on Person { id slug name }
            ... on Organization { id slug orgName: name(lang: $lang) }
            ... on Event { id slug eventTitle: title(lang: $lang) }
            ... on Place { id slug placeName: name(lang: $lang) }
          }
          claims(first: 10) {
            edges {
              node {
                value
                article { id slug title(lang: $lang) publishedDate }
                mention { start end text }
              }
            }
          }
        }
      }
    }
  }
`);

export function ConflictsPage() {
  const lang = useLang();
  const [res] = useQuery({ query: ConflictsQuery, variables: { lang } });
  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  const list = res.data.conflicts.edges.map((e) => e.node);
  return (
    <section class="conflicts">
      <h1>
        {t(lang, 'conflicts')} <span class="count">({res.data.conflicts.totalCount})</span>
      </h1>
      {list.length === 0 && <Empty />}
      {list.map((c) => {
        const s = c.subject;
        const subjectName = s
          ? ('docTitle' in s && (s.docTitle ?? s.code)) ||
            ('projectName' in s && s.projectName) ||
            ('name' in s && s.name) ||
            ('orgName' in s && s.orgName) ||
            ('eventTitle' in s && s.eventTitle) ||
            ('placeName' in s && s.placeName) ||
            ''
          : '';
        return (
          <article key={c.slug} class="conflict" id={`conflict-${c.slug}`}>
            <h2>
              <code>{c.field}</code>
              {s && 'slug' in s && s.slug && (
                <>
                  {' · '}
                  <a href={entityHref(s.__typename, s.slug)}>{subjectName || s.slug}</a>
                </>
              )}
            </h2>
            <p class="muted" lang="en">
              {c.description}
            </p>
            <div class="claims">
              {c.claims.edges.map(({ node: cl }) => (
                <div class="claim" key={`${cl.article.slug}:${cl.mention.start}`}>
                  <p class="value">{cl.value}</p>
                  <blockquote class="source">
                    “<mark>{cl.mention.text}</mark>”
                  </blockquote>
                  <p>
                    <a href={spanHref(cl.article.slug, cl.mention.start, cl.mention.end)}>{cl.article.title}</a>
                  </p>
                </div>
              ))}
            </div>
          </article>
        );
      })}
    </section>
  );
}
