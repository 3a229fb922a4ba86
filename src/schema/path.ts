import { decodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { Context } from '../context';
import { KIND_OF_LINK_KEY, KINDS, LINK_KINDS, type LinkKey, type LinkKind, SLUG_PATTERN } from '../domain/entities';
import {
  type EntityKey,
  type Hop,
  hopEvidence,
  MAX_HOPS,
  MAX_STEP_LINKS,
  PATH_MAX_LINKS,
  shortestPath,
} from '../graph/path';
import { badInput } from '../lib/errors';
import { ArticleRef } from './article';
import { EntityRef } from './entity';
import { EventRef } from './event';
import { loadNodes } from './load-nodes';
import { MentionRef } from './mention';

/** "a person, organization, place, document, project or event" */
const ENDS_TEXT = `a ${LINK_KINDS.slice(0, -1)
  .map((k) => k.toLowerCase())
  .join(', ')} or ${LINK_KINDS.at(-1)?.toLowerCase()}`;

const PathViaEnum = builder.enumType('PathVia', {
  description: 'What links the two ends of a hop.',
  values: {
    EVENT: { description: 'Both took part in (or are part of) the same event.' },
    ARTICLE: { description: 'Both are named in the same article.' },
  } as const,
});

interface HopShape {
  from: typeof EntityRef.$inferType;
  to: typeof EntityRef.$inferType;
  via: 'EVENT' | 'ARTICLE';
  event: typeof EventRef.$inferType | null;
  article: typeof ArticleRef.$inferType | null;
  evidence: Array<typeof MentionRef.$inferType>;
}
interface PathShape {
  found: boolean;
  hops: HopShape[];
}

const PathHopRef = builder.objectRef<HopShape>('PathHop').implement({
  description: 'One step of a path: two entities and the event or article they share, with the spans that show it.',
  fields: (t) => ({
    from: t.field({ type: EntityRef, description: 'Where the step starts.', resolve: (h) => h.from }),
    to: t.field({ type: EntityRef, description: 'Where the step ends.', resolve: (h) => h.to }),
    via: t.field({ type: PathViaEnum, description: 'Event or article.', resolve: (h) => h.via }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The shared event (EVENT steps).',
      resolve: (h) => h.event,
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The shared article (ARTICLE steps).',
      resolve: (h) => h.article,
    }),
    evidence: t.field({
      type: [MentionRef],
      description: 'Spans that place each end on the shared event or in the shared article.',
      resolve: (h) => h.evidence,
    }),
  }),
});

const PathRef = builder.objectRef<PathShape>('Path').implement({
  description: 'The shortest chain linking two entities through shared events or articles.',
  fields: (t) => ({
    found: t.exposeBoolean('found', {
      description: 'False when either end is unknown or no chain exists within `maxHops`.',
    }),
    length: t.int({
      description: 'Number of steps (0 when not found, or when both ends are the same).',
      resolve: (p) => p.hops.length,
    }),
    hops: t.field({
      type: [PathHopRef],
      description:
        'The steps in order, from `from` to `to`: a path is a sequence, so it is a list rather than a paged connection.',
      resolve: (p) => p.hops,
    }),
  }),
});

/** The entity key of an argument: a global ID of an entity type, or a slug looked up across entity tables. */
async function keyOf(ctx: Context, value: string, argument: string): Promise<EntityKey | null> {
  let kind: LinkKind | null = null;
  let slug = value;
  if (!SLUG_PATTERN.test(value)) {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalID(value);
    } catch {
      throw badInput(`\`${argument}\` must be a global ID or a slug.`, { argument });
    }
    if (!(LINK_KINDS as readonly string[]).includes(decoded.typename)) {
      throw badInput(`\`${argument}\` must identify ${ENDS_TEXT}.`, { argument });
    }
    kind = decoded.typename as LinkKind;
    slug = decoded.id;
  }
  const candidates = kind ? [kind] : LINK_KINDS;
  const rows = await ctx.db.all<{ k: string }>(
    sql.join(
      candidates.map(
        (k) =>
          sql`SELECT ${KINDS[k].linkKey} || ':' || id AS k FROM ${sql.identifier(KINDS[k].table)} WHERE slug = ${slug}`,
      ),
      sql` UNION ALL `,
    ),
  );
  return rows[0]?.k ?? null;
}

builder.queryField('path', (t) =>
  t.field({
    type: PathRef,
    description: `The shortest chain linking two entities (people, organizations, places, documents, projects, events) through shared events or articles, each step with its evidence. Unknown or unreachable ends give \`found: false\` and no steps, not an error.

A chain never steps through a country or a hub, an entity linked to more than ${PATH_MAX_LINKS} events and articles (a ministry, a capital): through one, everything is two steps from everything. Either may still be \`from\` or \`to\`. Among equally short chains the answer is fixed for given data: the search runs from both ends and prefers events to articles, then lower ids. Where the entities around both ends are so densely linked that one step would expand more than ${MAX_STEP_LINKS.toLocaleString('en-US')} links, that step is cut (in key order) and a longer chain, or none, may be returned.`,
    args: {
      from: t.arg.id({ required: true, description: 'Global ID or slug of the start.' }),
      to: t.arg.id({ required: true, description: 'Global ID or slug of the end.' }),
      maxHops: t.arg.int({ defaultValue: 4, description: `Longest chain to look for (1 to ${MAX_HOPS}).` }),
    },
    resolve: async (_root, args, ctx, info) => {
      const maxHops = args.maxHops ?? 4;
      if (maxHops < 1 || maxHops > MAX_HOPS)
        throw badInput(`\`maxHops\` must be between 1 and ${MAX_HOPS}.`, { argument: 'maxHops' });
      const [from, to] = await Promise.all([keyOf(ctx, String(args.from), 'from'), keyOf(ctx, String(args.to), 'to')]);
      if (!from || !to) return { found: false, hops: [] };
      const hops = await shortestPath(ctx.db, from, to, maxHops);
      if (!hops) return { found: false, hops: [] };
      return { found: true, hops: await materialize(ctx, info, hops) };
    },
  }),
);

async function materialize(ctx: Context, info: Parameters<typeof loadNodes>[1], hops: Hop[]): Promise<HopShape[]> {
  const evidence = await hopEvidence(ctx.db, hops);
  const split = (k: EntityKey) => ({ typename: KIND_OF_LINK_KEY[k.slice(0, 1) as LinkKey], id: Number(k.slice(2)) });
  const ends = hops.flatMap((h) => [split(h.from), split(h.to)]);
  const mentionIds = [...evidence.values()].flat();
  const [entities, events, articles, mentions] = await Promise.all([
    loadNodes<HopShape['from']>(
      ctx,
      info,
      [
        ['hops', 'from'],
        ['hops', 'to'],
      ],
      ends,
    ),
    loadNodes<NonNullable<HopShape['event']>>(
      ctx,
      info,
      ['hops', 'event'],
      hops.filter((h) => h.via === 'EVENT').map((h) => ({ typename: 'Event', id: h.connector })),
    ),
    loadNodes<NonNullable<HopShape['article']>>(
      ctx,
      info,
      ['hops', 'article'],
      hops.filter((h) => h.via === 'ARTICLE').map((h) => ({ typename: 'Article', id: h.connector })),
    ),
    loadNodes<HopShape['evidence'][number]>(
      ctx,
      info,
      ['hops', 'evidence'],
      mentionIds.map((id) => ({ typename: 'Mention', id })),
    ),
  ]);
  const entity = (k: EntityKey) => {
    const { typename, id } = split(k);
    const found = entities.get(`${typename}:${id}`);
    // The walk only steps onto entities that exist, and they were just loaded.
    if (!found) throw new Error(`Path entity ${k} was not loaded`);
    return found;
  };
  const spans = (h: Hop, k: EntityKey) =>
    (evidence.get(`${k}|${h.via}|${h.connector}`) ?? [])
      .map((id) => mentions.get(`Mention:${id}`))
      .filter((m) => m !== undefined);
  return hops.map((h) => ({
    from: entity(h.from),
    to: entity(h.to),
    via: h.via,
    event: h.via === 'EVENT' ? (events.get(`Event:${h.connector}`) ?? null) : null,
    article: h.via === 'ARTICLE' ? (articles.get(`Article:${h.connector}`) ?? null) : null,
    evidence: [...new Set([...spans(h, h.from), ...spans(h, h.to)])],
  }));
}
