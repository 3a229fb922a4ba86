// Hash routing: every page is a shareable URL (`#/person/luu-duc-minh?lang=en`), the back button works,
// and both servers only ever serve one index.html at `/`.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** Path segments after `#/`, decoded. */
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string = location.hash): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const on = () => setRoute(parseHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** A link to a page, keeping the current language. */
export function href(path: string, params: Record<string, string | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const lang = parseHash().params.get('lang');
  if (lang && !q.has('lang')) q.set('lang', lang);
  const qs = q.toString();
  return `#/${path.split('/').map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
}

/** Updates the current URL's parameters without a new history entry (typing in a search box). */
export function replaceParams(params: Record<string, string | undefined | null>): void {
  const { parts, params: current } = parseHash();
  for (const [k, v] of Object.entries(params)) {
    if (v) current.set(k, v);
    else current.delete(k);
  }
  const qs = current.toString();
  const next = `#/${parts.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
  if (next !== location.hash) {
    history.replaceState(history.state, '', next);
    dispatchEvent(new HashChangeEvent('hashchange'));
  }
}
