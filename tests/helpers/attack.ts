// Node-side helpers of the attack suites: a harness built with chosen limits, raw requests with a
// deadline, a digest of every table (search index included), the entities of the seed, and a walk of the
// live schema that finds every string/ID argument and input field and a way to reach it.
import { createHash } from 'node:crypto';
import type { Client } from '@libsql/client';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { Limits } from '../../src/lib/limits';
import { NODE_TABLES } from '../../src/lib/node-lookup';
import type { Answer, RawRequest } from './attack-payloads';
import { createHarness, type Harness } from './harness';

export const ENDPOINT = 'http://localhost/graphql';

/**
 * A harness like createHarness (in-memory database from the real migrations and seed, the real app, SQL
 * counted), with the app built with `limits` over the documented defaults.
 */
export function createAttackHarness(limits: Partial<Limits> = {}): Promise<Harness> {
  // Masked errors are expected by the thousand here: keep the server log quiet.
  return createHarness({ limits, log: () => {} });
}

/** Limits lifted so a long run of requests from one client is never rate limited. */
export const NO_RATE_LIMIT: Partial<Limits> = { costBudget: 1_000_000_000, costRestoreRate: 1_000_000_000 };

export type FetchFn = (input: Request) => Promise<Response> | Response;

/** Sends one raw request; rejects when no complete answer (status and whole body) arrives within `ms`. */
export async function sendRaw(
  fetchFn: FetchFn,
  req: RawRequest,
  ms = 10_000,
  endpoint = ENDPOINT,
): Promise<Answer & { ms: number }> {
  const started = performance.now();
  const request = new Request(endpoint + (req.search ?? ''), {
    method: req.method,
    headers: req.headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${describe(req)}`)), ms);
  });
  try {
    const answer = (async () => {
      const res = await fetchFn(request);
      return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
    })();
    const a = await Promise.race([answer, deadline]);
    return { ...a, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** A short printable description of a raw request, for assertion messages. */
export function describe(req: RawRequest): string {
  const body =
    req.body === undefined
      ? ''
      : typeof req.body === 'string'
        ? req.body
        : `bytes[${Array.from(req.body.slice(0, 80)).join(',')}]`;
  return `${req.name}: ${req.method} ${req.search ?? ''} ${JSON.stringify(req.headers ?? {})} ${body.slice(0, 400)}${body.length > 400 ? `… (${body.length} chars)` : ''}`;
}

/**
 * A digest of every table in the database, the derived link tables and the FTS5 index's shadow tables
 * included (`databaseDigest` of seed-copy.ts covers the knowledge-base tables only).
 */
export async function fullDatabaseDigest(client: Client): Promise<string> {
  const h = createHash('sha256');
  const tables = await client.execute(
    "SELECT name, sql FROM sqlite_schema WHERE type IN ('table', 'index', 'view', 'trigger') ORDER BY type, name",
  );
  for (const t of tables.rows) {
    h.update(`${String(t.name)}:${String(t.sql)}\n`);
  }
  for (const t of tables.rows) {
    const name = String(t.name);
    const sql = String(t.sql ?? '');
    // Virtual tables are read through their shadow tables (which are ordinary tables listed here).
    if (!/^CREATE TABLE/i.test(sql) || name.startsWith('sqlite_')) continue;
    const rs = await client.execute(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    const rows = rs.rows.map((r) =>
      JSON.stringify(Object.values(r), (_, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v)),
    );
    rows.sort();
    h.update(`${name}:${rows.length}:${rows.join('\n')}\n`);
  }
  return h.digest('hex');
}

/** The Relay global ID of a node: base64 of `Type:slug`. */
export function globalId(type: string, slug: string): string {
  return Buffer.from(`${type}:${slug}`, 'utf8').toString('base64');
}

/** Slugs of the seed's entities by GraphQL type (every type of NODE_TABLES), in id order. */
export async function seedSlugs(client: Client): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [type, table] of Object.entries(NODE_TABLES)) {
    const rs = await client.execute(`SELECT slug FROM ${table} ORDER BY id`);
    out[type] = rs.rows.map((r) => String(r.slug));
  }
  return out;
}

/** The entity of each type that the most mentions point at (so its relations are not empty). */
export async function richestSlugs(client: Client): Promise<Record<string, string>> {
  const slugs = await seedSlugs(client);
  const preferred: Record<string, string> = {
    Person: 'luu-duc-minh',
    Event: 'hoi-nghi-trien-khai-vkc-2024',
    Article: 'vkc-hoi-nghi-trien-khai-2024',
    Project: 'du-an-vkc',
    Document: 'quyet-dinh-phe-duyet-vkc',
  };
  const out: Record<string, string> = {};
  for (const [type, list] of Object.entries(slugs)) {
    const want = preferred[type];
    const pick = want && list.includes(want) ? want : list[0];
    if (pick) out[type] = pick;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Schema walking.

/** One string/ID argument or input field, somewhere in the schema. */
export interface ArgumentSite {
  /** `Type.field(arg)` or `Type.field(arg.inputField)`. */
  coordinate: string;
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
  /** Input fields from the argument down to the string/ID leaf (empty for a direct argument). */
  inputPath: string[];
  /** `String` or `ID`. */
  leaf: string;
  /** The leaf sits in a list (`ids: [ID!]!`): the payload is passed as a one-item list. */
  inList: boolean;
}

function isStringLike(t: GraphQLNamedType): boolean {
  return isScalarType(t) && (t.name === 'String' || t.name === 'ID');
}

/** Every string/ID argument and input field of every field of every object type, in schema order. */
export function argumentSites(schema: GraphQLSchema): ArgumentSite[] {
  const sites: ArgumentSite[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        const walk = (t: GraphQLInputType, path: string[], inList: boolean, seen: Set<string>) => {
          const nullable = getNullableType(t);
          if (isListType(nullable)) return walk(nullable.ofType, path, true, seen);
          const named = getNamedType(t);
          if (isStringLike(named)) {
            const where = path.length ? `${arg.name}.${path.join('.')}` : arg.name;
            sites.push({
              coordinate: `${type.name}.${field.name}(${where})`,
              parent: type,
              field,
              arg,
              inputPath: path,
              leaf: named.name,
              inList,
            });
          } else if (isInputObjectType(named) && !seen.has(named.name)) {
            for (const f of Object.values(named.getFields())) {
              walk(f.type, [...path, f.name], inList, new Set([...seen, named.name]));
            }
          }
        };
        walk(arg.type, [], false, new Set());
      }
    }
  }
  return sites;
}

/** Known-good values for arguments that must be filled in to reach or call a field. */
export interface Known {
  /** A slug per node type that has relations. */
  slug: Record<string, string>;
}

/** A GraphQL literal for a good value of a required argument (or undefined when it can be left out). */
export function goodArgument(
  field: GraphQLField<unknown, unknown>,
  arg: GraphQLArgument,
  known: Known,
): string | undefined {
  if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) return undefined;
  const returns = getNamedType(field.type).name;
  const named = getNamedType(arg.type);
  const list = isListType(getNullableType(arg.type));
  let value: string;
  if (named.name === 'String' || named.name === 'ID') {
    if (arg.name === 'query') value = '"vkc"';
    else if (arg.name === 'slug') value = JSON.stringify(known.slug[returns] ?? 'luu-duc-minh');
    else if (arg.name === 'id' || arg.name === 'ids')
      value = JSON.stringify(globalId('Person', known.slug.Person ?? 'luu-duc-minh'));
    else if (arg.name === 'to') value = '"oh-se-hoon"';
    else value = JSON.stringify(known.slug.Person ?? 'luu-duc-minh');
  } else if (named.name === 'Int' || named.name === 'Float') value = '1';
  else if (named.name === 'Boolean') value = 'true';
  else if (named.name === 'Date') value = '"2024-01-01"';
  else if (isEnumType(named)) value = named.getValues()[0]?.name ?? '';
  else if (isInputObjectType(named)) value = '{}';
  else value = '""';
  return list ? `[${value}]` : value;
}

/** `(a: 1, b: "x")` from a list of `name: literal` parts; empty when none. */
export function argList(parts: string[]): string {
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** The minimal selection that says what a field returned (scalars need none). */
export function probeSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named) && !isAbstractType(named)) return '';
  if (isObjectType(named)) {
    const fields = named.getFields();
    // The page itself, not only its size: a cursor is only decoded when a page is read.
    if (fields.totalCount && fields.edges) return '{ __typename totalCount edges { cursor } }';
    if (fields.totalCount) return '{ __typename totalCount }';
    if (fields.found) return '{ __typename found }';
  }
  return '{ __typename }';
}

/**
 * How to reach an object of `target` from the root, as a wrapper `prefix … suffix` around a selection on
 * it: a node with relations through `node(id:)` when `target` is a node type, else the shortest chain of
 * fields (required arguments filled with known-good values) from Query.
 */
export function reach(
  schema: GraphQLSchema,
  target: GraphQLObjectType,
  known: Known,
): { prefix: string; suffix: string } | undefined {
  const query = schema.getQueryType();
  if (!query) return undefined;
  if (target === query) return { prefix: '', suffix: '' };
  const slug = known.slug[target.name];
  if (slug && target.getInterfaces().some((i) => i.name === 'Node')) {
    return {
      prefix: `node(id: ${JSON.stringify(globalId(target.name, slug))}) { ... on ${target.name} { `,
      suffix: ' } }',
    };
  }
  // Breadth-first over object fields; abstract types continue through each possible type.
  interface Step {
    type: GraphQLObjectType;
    prefix: string;
    suffix: string;
  }
  const seen = new Set<string>([query.name]);
  let frontier: Step[] = [{ type: query, prefix: '', suffix: '' }];
  while (frontier.length > 0) {
    const next: Step[] = [];
    for (const step of frontier) {
      for (const f of Object.values(step.type.getFields())) {
        const named = getNamedType(f.type);
        if (!isObjectType(named) && !isAbstractType(named)) continue;
        const args = f.args
          .map((a) => {
            const v = goodArgument(f, a, known);
            if (v !== undefined) return `${a.name}: ${v}`;
            if (a.name === 'first') return 'first: 2';
            return undefined;
          })
          .filter((x): x is string => x !== undefined);
        const open = `${f.name}${argList(args)} { `;
        const candidates = isObjectType(named)
          ? [{ type: named, open, close: ' }' }]
          : schema.getPossibleTypes(named).map((t) => ({ type: t, open: `${open}... on ${t.name} { `, close: ' } }' }));
        for (const c of candidates) {
          if (seen.has(c.type.name)) continue;
          seen.add(c.type.name);
          const s = { type: c.type, prefix: step.prefix + c.open, suffix: c.close + step.suffix };
          if (c.type === target) return { prefix: s.prefix, suffix: s.suffix };
          next.push(s);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Finds, anywhere in a response's data, the values under a response key (one per list item). */
export function valuesAt(data: unknown, key: string): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === key) out.push(x);
        else visit(x);
      }
    }
  };
  visit(data);
  return out;
}
