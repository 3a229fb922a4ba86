// Shared pieces: loading and error states (every API error with its code and request id), highlighted
// text, links to any entity, and the "Vietnamese only" marker.
import type { CombinedError } from '@urql/core';
import type { ComponentChildren } from 'preact';
import { t, useLang } from '../i18n';
import { href } from '../router';

export function Loading() {
  const lang = useLang();
  return (
    <p class="muted" role="status">
      {t(lang, 'loading')}
    </p>
  );
}

interface ErrorLine {
  message: string;
  code?: string;
  requestId?: string;
}

/** Every message the API (or the network) gave, readable, with its code and request id. */
export function ApiError({ error }: { error: CombinedError }) {
  const lang = useLang();
  const headerId = error.response?.headers?.get?.('x-request-id') ?? undefined;
  const lines: ErrorLine[] = error.graphQLErrors.map((e) => ({
    message: e.message,
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
    requestId: typeof e.extensions?.requestId === 'string' ? e.extensions.requestId : headerId,
  }));
  if (error.networkError) {
    const status = error.response?.status;
    lines.push({
      message: error.networkError.message,
      code: status ? `HTTP ${status}` : 'NETWORK_ERROR',
      requestId: headerId,
    });
  }
  return (
    <div class="error" role="alert">
      <strong>{t(lang, 'error')}</strong>
      <ul>
        {lines.map((l, i) => (
          <li key={i}>
            {l.message}
            {l.code && (
              <>
                {' '}
                <code class="code">{l.code}</code>
              </>
            )}
            {l.requestId && (
              <span class="muted">
                {' '}
                ({t(lang, 'requestId')} <code>{l.requestId}</code>)
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NotFound({ what }: { what: string }) {
  const lang = useLang();
  return (
    <section class="notfound">
      <h1>{t(lang, 'notFound')}</h1>
      <p>
        <code>{what}</code>
      </p>
      <p>
        <a href={href('')}>{t(lang, 'search')}</a>
      </p>
    </section>
  );
}

export function Empty() {
  const lang = useLang();
  return <p class="muted">{t(lang, 'nothing')}</p>;
}

/** `text` with the given ranges (UTF-16 offsets) wrapped in <mark>; rendered as text, never as HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly { start: number; end: number }[] }) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={start}>{text.slice(start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}

/** Marks a name or title the API has only in Vietnamese while the page is in English. */
export function ViOnly({ english }: { english: string | null | undefined }) {
  const lang = useLang();
  if (lang !== 'EN' || english) return null;
  return (
    <span class="vi-only" title={t(lang, 'viOnly')}>
      {' '}
      ({t(lang, 'viOnly')})
    </span>
  );
}

const PAGE_OF: Record<string, string> = {
  Person: 'person',
  Event: 'event',
  Article: 'article',
  Organization: 'organization',
  Place: 'place',
  Document: 'document',
  Project: 'project',
};

/** The explorer page of an entity, by GraphQL type name. */
export function entityHref(typename: string, slug: string): string {
  return href(`${PAGE_OF[typename] ?? 'unknown'}/${slug}`);
}

/** A link to the exact span of an article that states a fact. */
export function spanHref(article: string, start: number, end: number): string {
  return href(`article/${article}`, { mark: `${start}-${end}` });
}

export function Section({ title, count, children }: { title: string; count?: number; children: ComponentChildren }) {
  return (
    <section>
      <h2>
        {title}
        {count !== undefined && <span class="count"> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}

/** Events as a comma-separated list of links (the events two people shared). */
export function EventLinks({ events }: { events: readonly { node: { slug: string; title: string } }[] }) {
  return (
    <>
      {events.map(({ node: e }, i) => (
        <span key={e.slug}>
          {i > 0 && ', '}
          <a href={entityHref('Event', e.slug)}>{e.title}</a>
        </span>
      ))}
    </>
  );
}
