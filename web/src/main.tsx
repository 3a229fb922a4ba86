// The explorer: a header (search, timeline, connections, conflicts, language) and one page per route.
import { Provider } from '@urql/preact';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { client } from './client';
import { type Lang, LangContext, t } from './i18n';
import { ArticlePage } from './pages/article';
import { ConflictsPage } from './pages/conflicts';
import { ConnectionsPage } from './pages/connections';
import { type EntityKind, EntityPage } from './pages/entity';
import { EventPage } from './pages/event';
import { PersonPage } from './pages/person';
import { SearchPage } from './pages/search';
import { TimelinePage } from './pages/timeline';
import { href, type Route, replaceParams, useRoute } from './router';
import { NotFound } from './ui/common';
import './style.css';

const ENTITY_KINDS = new Set<string>(['organization', 'place', 'document', 'project']);

function Page({ route }: { route: Route }) {
  const [page = '', slug = '', ...rest] = route.parts;
  if (rest.length > 0) return <NotFound what={route.parts.join('/')} />;
  if (page === '' || page === 'search') return <SearchPage params={route.params} />;
  if (page === 'timeline') return <TimelinePage subject={route.params.get('subject') ?? ''} />;
  if (page === 'connections') return <ConnectionsPage params={route.params} />;
  if (page === 'conflicts') return <ConflictsPage />;
  if (!slug) return <NotFound what={page} />;
  if (page === 'person') return <PersonPage slug={slug} />;
  if (page === 'event') return <EventPage slug={slug} />;
  if (page === 'article') return <ArticlePage slug={slug} mark={route.params.get('mark')} />;
  if (ENTITY_KINDS.has(page)) return <EntityPage kind={page as EntityKind} slug={slug} />;
  return <NotFound what={route.parts.join('/')} />;
}

function App() {
  const route = useRoute();
  const lang: Lang = route.params.get('lang') === 'en' ? 'EN' : 'VI';
  const key = `${route.parts.join('/')}`;
  useEffect(() => {
    document.documentElement.lang = lang === 'EN' ? 'en' : 'vi';
  }, [lang]);
  // A new page starts at the top (an article with a marked span scrolls itself).
  useEffect(() => {
    if (!route.params.get('mark')) scrollTo(0, 0);
  }, [key]);
  const nav: [string, 'search' | 'timeline' | 'connections' | 'conflicts'][] = [
    ['', 'search'],
    ['timeline', 'timeline'],
    ['connections', 'connections'],
    ['conflicts', 'conflicts'],
  ];
  const current = route.parts[0] ?? '';
  return (
    <LangContext.Provider value={lang}>
      {/* A button, not a link: with hash routing, `#main` would be a route. */}
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <a class="brand" href={href('')}>
          VN–KR smart city
        </a>
        <nav aria-label="Main">
          {nav.map(([path, label]) => (
            <a
              key={label}
              href={href(path)}
              aria-current={current === path || (path === '' && current === 'search') ? 'page' : undefined}
            >
              {t(lang, label)}
            </a>
          ))}
        </nav>
        <button
          type="button"
          class="lang"
          lang={lang === 'EN' ? 'vi' : 'en'}
          onClick={() => replaceParams({ lang: lang === 'EN' ? null : 'en' })}
        >
          {t(lang, 'language')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page key={key} route={route} />
      </main>
      <footer class="muted">
        Data: five Vietnamese news articles, curated. API: <a href="/graphql">/graphql</a>
      </footer>
    </LangContext.Provider>
  );
}

const root = document.getElementById('app');
if (root) {
  render(
    <Provider value={client}>
      <App />
    </Provider>,
    root,
  );
}
