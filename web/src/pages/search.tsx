// Search as you type (debounced; diacritics optional), filtered by type, with the matched words marked in
// each snippet and "load more" pages merged by the cache. The query lives in the URL, so results are shareable.
import { useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { t, useLang } from '../i18n';
import { replaceParams } from '../router';
import { ApiError, entityHref, Highlighted, Loading, spanHref } from '../ui/common';

const SEARCH_TYPES = ['PERSON', 'EVENT', 'ARTICLE', 'QUOTE', 'ORGANIZATION', 'PLACE', 'DOCUMENT', 'PROJECT'] as const;
type SearchType = (typeof SEARCH_TYPES)[number];
const PAGE = 10;

export const SearchQuery = graphql(`
  query ExplorerSearch($query: String!, $first: Int!, $after: String, $types: [SearchType!], $lang: Language!) {
    search(query: $query, first: $first, after: $after, types: $types) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        type
        field
        snippet
        highlights {
          start
          end
        }
        node {
          __typename
          ... on Person {
            id
            slug
            name
          }
          ... on Organization {
            id
            slug
            orgName: name(lang: $lang)
          }
          ... on Place {
            id
            slug
            placeName: name(lang: $lang)
          }
          ... on Document {
            id
            slug
            docTitle: title(lang: $lang)
            code
          }
          ... on Project {
            id
            slug
            projectName: name(lang: $lang)
          }
          ... on Event {
            id
            slug
            eventTitle: title(lang: $lang)
          }
          ... on Article {
            id
            slug
            articleTitle: title(lang: $lang)
          }
          ... on Quote {
            id
            slug
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
    }
  }
`);

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const lang = useLang();
  const [text, setText] = useState(params.get('q') ?? '');
  const type = (SEARCH_TYPES as readonly string[]).includes(params.get('type') ?? '')
    ? (params.get('type') as SearchType)
    : null;
  const query = useDebounced(text.trim(), 250);
  useEffect(() => replaceParams({ q: query || null }), [query]);
  // The URL changed under us (back button, a link to another search): show that search.
  const fromUrl = params.get('q') ?? '';
  useEffect(() => {
    if (fromUrl !== query) setText(fromUrl);
  }, [fromUrl]);
  return (
    <section class="search">
      <h1>{t(lang, 'search')}</h1>
      <search>
        <form onSubmit={(e) => e.preventDefault()}>
          <label for="q">{t(lang, 'searchLabel')}</label>
          <input
            id="q"
            type="search"
            autoComplete="off"
            spellcheck={false}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            // biome-ignore lint/a11y/noAutofocus: the search box is the whole page
            autoFocus
          />
          <fieldset class="types">
            <legend class="sr-only">Type</legend>
            {[null, ...SEARCH_TYPES].map((ty) => (
              <label key={ty ?? 'all'} class={ty === type ? 'chip on' : 'chip'}>
                <input type="radio" name="type" checked={ty === type} onChange={() => replaceParams({ type: ty })} />
                {ty ?? t(lang, 'allTypes')}
              </label>
            ))}
          </fieldset>
        </form>
      </search>
      {query && <Results key={`${query}|${type}`} query={query} type={type} />}
    </section>
  );
}

function Results({ query, type }: { query: string; type: SearchType | null }) {
  const lang = useLang();
  const [after, setAfter] = useState<string | null>(null);
  const [res] = useQuery({
    query: SearchQuery,
    variables: { query, first: PAGE, after, types: type ? [type] : null, lang },
  });
  const search = res.data?.search;
  if (res.error && !search) return <ApiError error={res.error} />;
  if (!search) return <Loading />;
  if (search.totalCount === 0)
    return (
      <p class="empty">
        {t(lang, 'noResults')} “<span class="typed">{query}</span>”
      </p>
    );
  return (
    <>
      <p class="muted" aria-live="polite">
        {search.totalCount} {t(lang, 'resultsFor')} “<span class="typed">{query}</span>”
      </p>
      <ol class="results">
        {search.edges.map((edge) => {
          const n = edge.node;
          let title = '';
          let link = '#/';
          switch (n.__typename) {
            case 'Person':
              title = n.name;
              link = entityHref('Person', n.slug);
              break;
            case 'Organization':
              title = n.orgName;
              link = entityHref('Organization', n.slug);
              break;
            case 'Place':
              title = n.placeName;
              link = entityHref('Place', n.slug);
              break;
            case 'Document':
              title = n.docTitle ?? n.code ?? n.slug;
              link = entityHref('Document', n.slug);
              break;
            case 'Project':
              title = n.projectName;
              link = entityHref('Project', n.slug);
              break;
            case 'Event':
              title = n.eventTitle;
              link = entityHref('Event', n.slug);
              break;
            case 'Article':
              title = n.articleTitle;
              link = entityHref('Article', n.slug);
              break;
            case 'Quote':
              title = n.speaker.name;
              link = spanHref(n.mention.article.slug, n.mention.start, n.mention.end);
              break;
          }
          return (
            <li key={edge.cursor}>
              <span class={`badge t-${edge.type.toLowerCase()}`}>{edge.type}</span> <a href={link}>{title}</a>{' '}
              <span class="muted field">{edge.field}</span>
              <p class="snippet">
                <Highlighted text={edge.snippet} ranges={edge.highlights} />
              </p>
            </li>
          );
        })}
      </ol>
      {res.error && <ApiError error={res.error} />}
      {search.pageInfo.hasNextPage && (
        <button type="button" disabled={res.fetching} onClick={() => setAfter(search.pageInfo.endCursor ?? null)}>
          {t(lang, 'loadMore')}
        </button>
      )}
    </>
  );
}
