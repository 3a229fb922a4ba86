// How people are linked: the shortest path between two (each edge with the event or article that links
// them and the spans that show it) and a person's neighbourhood (who they met at which events). Both are
// drawn in plain SVG: a path is a chain and a neighbourhood a star, so a fixed layout says it all and
// stays the same on every visit (a force simulation would move, cost a library and say nothing more).
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { t, useLang } from '../i18n';
import { href } from '../router';
import { ApiError, Empty, EventLinks, entityHref, Loading, Section, spanHref } from '../ui/common';

const PeopleQuery = graphql(`
  query ExplorerPeople {
    people(first: 100) {
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`);

export const PathQuery = graphql(`
  query ExplorerPath($from: ID!, $to: ID!, $lang: Language!) {
    path(from: $from, to: $to, maxHops: 6) {
      found
      length
      hops {
        via
        from {
          __typename
          ... on Person { id slug name }
          ... on Organization { id slug orgName: name(lang: $lang) }
          ... on Place { id slug placeName: name(lang: $lang) }
          ... on Project { id slug projectName: name(lang: $lang) }
          ... on Document { id slug docTitle: title(lang: $lang) }
          ... on Event { id slug eventTitle: title(lang: $lang) }
        }
        to {
          __typename
          ... on Person { id slug name }
          ... on Organization { id slug orgName: name(lang: $lang) }
          ... on Place { id slug placeName: name(lang: $lang) }
          ... on Project { id slug projectName: name(lang: $lang) }
          ... on Document { id slug docTitle: title(lang: $lang) }
          ... on Event { id slug eventTitle: title(lang: $lang) }
        }
        event { id slug title(lang: $lang) }
        article { id slug title(lang: $lang) }
        evidence {
          start
          end
          text
          article { id slug }
        }
      }
    }
  }
`);

export const NeighbourhoodQuery = graphql(`
  query ExplorerNeighbourhood($slug: String!, $lang: Language!) {
    person(slug: $slug) {
      id
      slug
      name
      coParticipants(first: 24) {
        edges {
          node {
            sharedCount
            person { id slug name }
            sharedEvents(first: 5) {
              edges { node { id slug title(lang: $lang) } }
            }
          }
        }
      }
    }
  }
`);

type End = {
  __typename: string;
  slug?: string;
  name?: string;
  orgName?: string;
  placeName?: string;
  projectName?: string;
  docTitle?: string | null;
  eventTitle?: string;
};
const endName = (e: End) =>
  e.name ?? e.orgName ?? e.placeName ?? e.projectName ?? e.docTitle ?? e.eventTitle ?? e.slug ?? '?';

export function ConnectionsPage({ params }: { params: URLSearchParams }) {
  const lang = useLang();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const [people] = useQuery({ query: PeopleQuery });
  return (
    <section class="connections">
      <h1>{t(lang, 'connections')}</h1>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = href('connections', { from: a.trim() || null, to: b.trim() || null });
        }}
      >
        <label for="from">{t(lang, 'from')}</label>
        <input id="from" list="people" value={a} onInput={(e) => setA(e.currentTarget.value)} />
        <label for="to">{t(lang, 'to')}</label>
        <input id="to" list="people" value={b} onInput={(e) => setB(e.currentTarget.value)} />
        <button type="submit">{t(lang, 'findPath')}</button>
        <datalist id="people">
          {people.data?.people.edges.map(({ node }) => (
            <option key={node.slug} value={node.slug}>
              {node.name}
            </option>
          ))}
        </datalist>
      </form>
      {from && to && <PathView key={`${from}>${to}`} from={from} to={to} />}
      {from && <Neighbourhood key={from} slug={from} />}
      {!from && <Empty />}
    </section>
  );
}

function PathView({ from, to }: { from: string; to: string }) {
  const lang = useLang();
  const [res] = useQuery({ query: PathQuery, variables: { from, to, lang } });
  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  const path = res.data.path;
  if (!path.found) return <p class="empty">{t(lang, 'noPath')}</p>;
  const nodes: End[] = [path.hops[0]?.from as End, ...path.hops.map((h) => h.to as End)];
  const W = 220;
  const width = W * nodes.length;
  return (
    <Section title={`${endName(nodes[0] as End)} → ${endName(nodes[nodes.length - 1] as End)} (${path.length})`}>
      <figure class="chart graph">
        <svg viewBox={`0 0 ${width} 120`} aria-label="Path graph" style={{ maxWidth: `${width}px` }}>
          {path.hops.map((h, i) => {
            const via = h.event?.title ?? h.article?.title ?? '';
            return (
              <g key={i}>
                <line class="edge" x1={W * i + W / 2} x2={W * (i + 1) + W / 2} y1={66} y2={66} />
                <text class="edge-label" x={W * i + W} y={30} text-anchor="middle">
                  {h.via}
                </text>
                <text class="edge-label" x={W * i + W} y={50} text-anchor="middle">
                  {via.length > 24 ? `${via.slice(0, 23)}…` : via}
                </text>
              </g>
            );
          })}
          {nodes.map((n, i) => (
            <a key={`${n.__typename}:${n.slug}`} href={n.slug ? entityHref(n.__typename, n.slug) : undefined}>
              <circle class={`node t-${n.__typename.toLowerCase()}`} cx={W * i + W / 2} cy={66} r={12} />
              <text class="node-label" x={W * i + W / 2} y={100} text-anchor="middle">
                {endName(n).length > 26 ? `${endName(n).slice(0, 25)}…` : endName(n)}
              </text>
            </a>
          ))}
        </svg>
      </figure>
      <ol class="hops">
        {path.hops.map((h, i) => (
          <li key={i}>
            <strong>{endName(h.from as End)}</strong> → <strong>{endName(h.to as End)}</strong>{' '}
            <span class="muted">
              {t(lang, 'via')} {h.via}:
            </span>{' '}
            {h.event && <a href={entityHref('Event', h.event.slug)}>{h.event.title}</a>}
            {h.article && <a href={entityHref('Article', h.article.slug)}>{h.article.title}</a>}
            <ul class="evidence">
              {h.evidence.map((ev) => (
                <li key={`${ev.article.slug}:${ev.start}`}>
                  <a href={spanHref(ev.article.slug, ev.start, ev.end)}>“{ev.text}”</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function Neighbourhood({ slug }: { slug: string }) {
  const lang = useLang();
  const [res] = useQuery({ query: NeighbourhoodQuery, variables: { slug, lang } });
  if (res.error && !res.data) return <ApiError error={res.error} />;
  if (!res.data) return <Loading />;
  const p = res.data.person;
  if (!p) return null;
  const around = p.coParticipants.edges.map((e) => e.node);
  const R = 150;
  const C = 200;
  return (
    <Section title={`${t(lang, 'neighbourhood')}: ${p.name}`} count={around.length}>
      {around.length === 0 ? (
        <Empty />
      ) : (
        <figure class="chart graph">
          <svg viewBox={`0 0 ${C * 2} ${C * 2}`} aria-label={`${t(lang, 'neighbourhood')}: ${p.name}`} class="star">
            {around.map((c, i) => {
              const angle = (2 * Math.PI * i) / around.length - Math.PI / 2;
              const x = C + R * Math.cos(angle);
              const y = C + R * Math.sin(angle);
              const via = c.sharedEvents.edges.map((e) => e.node.title).join('; ');
              return (
                <a key={c.person.slug} href={href('connections', { from: c.person.slug })}>
                  <title>{`${c.person.name}: ${via}`}</title>
                  <line class="edge" x1={C} y1={C} x2={x} y2={y} stroke-width={Math.min(6, c.sharedCount * 1.5)} />
                  <circle class="node t-person" cx={x} cy={y} r={9} />
                  <text class="node-label" x={x} y={y + (y > C ? 24 : -14)} text-anchor="middle">
                    {c.person.name}
                  </text>
                </a>
              );
            })}
            <circle class="node center" cx={C} cy={C} r={16} />
            <text class="node-label strong" x={C} y={C + 34} text-anchor="middle">
              {p.name}
            </text>
          </svg>
        </figure>
      )}
      <ul class="met">
        {around.map((c) => (
          <li key={c.person.slug}>
            <a href={entityHref('Person', c.person.slug)}>{c.person.name}</a>{' '}
            <span class="muted">
              ({c.sharedCount}) {t(lang, 'via')} <EventLinks events={c.sharedEvents.edges} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
