// Events and publications in date order, for one subject or for everything: an SVG on a time axis (years,
// and months when the span is short) where a date known to the day is a dot and a date known only to the
// month or year is a bar over that whole month or year, never a point on 1 January; the list below says
// the same in text. Pages of 100 are merged by the cache ("load more").
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { formatDate, t, useLang } from '../i18n';
import { href } from '../router';
import { ApiError, Empty, entityHref, Loading, ViOnly } from '../ui/common';

export const TimelineQuery = graphql(`
  query ExplorerTimeline($subject: ID, $after: String, $lang: Language!) {
    timeline(subject: $subject, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          date
          datePrecision
          kind
          event {
            id
            slug
            title(lang: $lang)
            titleEn
          }
          article {
            id
            slug
            title(lang: $lang)
            titleEn
          }
        }
      }
    }
  }
`);

export function TimelinePage({ subject }: { subject: string }) {
  const lang = useLang();
  const [draft, setDraft] = useState(subject);
  return (
    <section class="timeline">
      <h1>
        {t(lang, 'timeline')}: {subject ? <code>{subject}</code> : t(lang, 'everything')}
      </h1>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = href('timeline', { subject: draft.trim() || null });
        }}
      >
        <label for="subject">{t(lang, 'subject')}</label>
        <input id="subject" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">OK</button>
        {subject && <a href={href('timeline')}>{t(lang, 'everything')}</a>}
      </form>
      <Entries key={subject} subject={subject || null} />
    </section>
  );
}

type Entry = {
  date: string;
  datePrecision: 'DAY' | 'MONTH' | 'YEAR';
  kind: 'EVENT' | 'PUBLICATION';
  event: { slug: string; title: string; titleEn: string | null } | null;
  article: { slug: string; title: string; titleEn: string | null } | null;
};

function Entries({ subject }: { subject: string | null }) {
  const lang = useLang();
  const [after, setAfter] = useState<string | null>(null);
  const [res] = useQuery({ query: TimelineQuery, variables: { subject, after, lang } });
  const tl = res.data?.timeline;
  if (res.error && !tl) return <ApiError error={res.error} />;
  if (!tl) return <Loading />;
  if (tl.edges.length === 0) return <Empty />;
  const entries = tl.edges.map((e) => e.node);
  return (
    <>
      <p class="muted">
        {entries.length} / {tl.totalCount}
      </p>
      <TimelineChart entries={entries} />
      <ol class="timeline-list">
        {tl.edges.map(({ cursor, node: e }) => {
          const target = e.event ?? e.article;
          return (
            <li key={cursor} class={`k-${e.kind.toLowerCase()}`}>
              <time dateTime={e.date}>{formatDate(e.date, e.datePrecision)}</time> <span class="badge">{e.kind}</span>{' '}
              {target && (
                <>
                  <a href={entityHref(e.event ? 'Event' : 'Article', target.slug)}>{target.title}</a>
                  <ViOnly english={target.titleEn} />
                </>
              )}
            </li>
          );
        })}
      </ol>
      {res.error && <ApiError error={res.error} />}
      {tl.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(tl.pageInfo.endCursor ?? null)}>
          {t(lang, 'loadMore')}
        </button>
      )}
    </>
  );
}

const DAY = 86_400_000;
const utc = (y: number, m = 0, d = 1) => Date.UTC(y, m, d);

/** The stretch of time a date stands for, as precisely as it is known. */
function extent(date: string, precision: string): [number, number] {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  if (precision === 'YEAR') return [utc(y), utc(y + 1)];
  if (precision === 'MONTH') return [utc(y, m - 1), utc(y, m)];
  return [utc(y, m - 1, d), utc(y, m - 1, d) + DAY];
}

function TimelineChart({ entries }: { entries: readonly Entry[] }) {
  const W = 960;
  const LEFT = 90;
  const RIGHT = 20;
  const ROW = 14;
  const spans = entries.map((e) => extent(e.date, e.datePrecision));
  const firstYear = new Date(Math.min(...spans.map((s) => s[0]))).getUTCFullYear();
  const lastYear = new Date(Math.max(...spans.map((s) => s[1]))).getUTCFullYear();
  const t0 = utc(firstYear);
  const t1 = utc(lastYear + 1);
  const x = (ms: number) => LEFT + ((ms - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const monthly = lastYear - firstYear < 3;

  // Two lanes; within a lane, entries that would overlap go on the next row down.
  const lanes = { EVENT: [] as number[], PUBLICATION: [] as number[] };
  const placed = entries.map((e, i) => {
    const [s, end] = spans[i] as [number, number];
    const x0 = x(s);
    const x1 = Math.max(x(end), x0 + 8);
    const rows = lanes[e.kind];
    let row = rows.findIndex((r) => r + 4 < x0);
    if (row < 0) row = rows.push(x1) - 1;
    else rows[row] = x1;
    return { e, x0, x1, row };
  });
  const laneTop = { EVENT: 40, PUBLICATION: 40 + Math.max(1, lanes.EVENT.length) * ROW + 30 };
  const H = laneTop.PUBLICATION + Math.max(1, lanes.PUBLICATION.length) * ROW + 20;
  const years = Array.from({ length: lastYear - firstYear + 2 }, (_, i) => firstYear + i);

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} aria-label="Timeline chart">
        {monthly &&
          years
            .slice(0, -1)
            .flatMap((y) =>
              Array.from({ length: 11 }, (_, m) => (
                <line
                  key={`${y}-${m}`}
                  class="tick-m"
                  x1={x(utc(y, m + 1))}
                  x2={x(utc(y, m + 1))}
                  y1={24}
                  y2={H - 10}
                />
              )),
            )}
        {years.map((y) => (
          <g key={y}>
            <line class="tick" x1={x(utc(y))} x2={x(utc(y))} y1={20} y2={H - 10} />
            {y <= lastYear && (
              <text class="year" x={x(utc(y)) + 4} y={16}>
                {y}
              </text>
            )}
          </g>
        ))}
        <text class="lane" x={4} y={laneTop.EVENT + 10}>
          EVENT
        </text>
        <text class="lane" x={4} y={laneTop.PUBLICATION + 10}>
          PUBLICATION
        </text>
        {placed.map(({ e, x0, x1, row }) => {
          const target = e.event ?? e.article;
          const y = laneTop[e.kind] + row * ROW;
          const label = `${formatDate(e.date, e.datePrecision)} ${target?.title ?? ''}`;
          const shape =
            e.datePrecision === 'DAY' ? (
              <circle class={`dot k-${e.kind.toLowerCase()}`} cx={x0} cy={y + 5} r={5} />
            ) : (
              <rect
                class={`bar k-${e.kind.toLowerCase()} p-${e.datePrecision.toLowerCase()}`}
                x={x0}
                y={y}
                width={x1 - x0}
                height={10}
                rx={3}
              />
            );
          return target ? (
            <a
              key={`${e.kind}:${target.slug}`}
              href={entityHref(e.event ? 'Event' : 'Article', target.slug)}
              aria-label={label}
            >
              <title>{label}</title>
              {shape}
            </a>
          ) : null;
        })}
      </svg>
    </figure>
  );
}
