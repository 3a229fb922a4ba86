// fast-check generators for the fuzz suite, driven by the live schema: valid operations (random field
// selections within the depth limit, real slugs and IDs from the seed, random arguments, aliases,
// inline and named fragments, variables, directives) and malformed HTTP requests built from them.
import fc, { type GeneratorValue } from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { globalId } from './attack';
import {
  aliasFlood,
  deepIntrospection,
  deepRelationQuery,
  deepViaFragments,
  RAW_ATTACKS,
  type RawRequest,
} from './attack-payloads';

export interface GenContext {
  schema: GraphQLSchema;
  /** Seed slugs by node type. */
  slugs: Record<string, string[]>;
  /** Folded words of the seed's names (search terms that find something). */
  words: string[];
  /** Seed names (name filters take substrings of them). */
  names: string[];
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

const DATE = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A GraphQL literal for a JS value of an input type (enum values are their names). */
function printLiteral(value: unknown, type: GraphQLInputType): string {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (isListType(nullable)) {
    return `[${(value as unknown[]).map((v) => printLiteral(v, nullable.ofType)).join(', ')}]`;
  }
  if (isEnumType(nullable)) return String(value);
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    const parts = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${k}: ${printLiteral(v, (fields[k] as { type: GraphQLInputType }).type)}`,
    );
    return `{ ${parts.join(', ')} }`;
  }
  return JSON.stringify(value);
}

const TYPENAME = '__typename:String!';

/** Aliases one generated operation may use: under MAX_ALIASES (15), so valid operations stay valid. */
const MAX_GENERATED_ALIASES = 12;

/** 0–99 without fast-check's bias toward the bounds, so a `chance(p)` really is p. */
const percent = () => fc.noBias(fc.integer({ min: 0, max: 99 }));

/** One of `items`, drawn as an index. */
function pickFrom<T>(g: GeneratorValue, items: readonly T[]): T {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[g(fc.nat, { max: items.length - 1 })] as T;
}

class OperationBuilder {
  private n = 0;
  private aliases = 0;
  readonly defs: string[] = [];
  readonly variables: Record<string, unknown> = {};
  readonly fragments: string[] = [];

  constructor(
    private readonly g: GeneratorValue,
    private readonly ctx: GenContext,
  ) {}

  private chance(p: number): boolean {
    return this.g(percent) < p * 100;
  }

  /** One of `items` (drawn as an index, so a counterexample prints small numbers, not schema objects). */
  private pick<T>(items: readonly T[]): T {
    return pickFrom(this.g, items);
  }

  private next(): number {
    this.n += 1;
    return this.n;
  }

  /** A random entity's slug or global ID. */
  private entityRef(types: string[] = Object.keys(this.ctx.slugs)): string {
    const type = this.pick(types.filter((t) => (this.ctx.slugs[t]?.length ?? 0) > 0));
    const slug = this.pick(this.ctx.slugs[type] as string[]);
    return this.chance(0.5) ? globalId(type, slug) : slug;
  }

  private randomText(): string {
    return this.g(fc.string, { unit: 'grapheme', maxLength: 16 });
  }

  /** A JS value for an argument or input field (undefined: leave it out). */
  private value(name: string, type: GraphQLInputType, returns: string, depth = 0): unknown {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const count = this.g(fc.integer, { min: isNonNullType(type) ? 1 : 0, max: 3 });
      const out: unknown[] = [];
      for (let i = 0; i < count; i++) out.push(this.value(name, nullable.ofType, returns, depth + 1));
      return out.filter((v) => v !== undefined);
    }
    const named = getNamedType(type);
    if (isEnumType(named)) return this.pick(named.getValues().map((v) => v.name));
    if (isInputObjectType(named)) {
      const obj: Record<string, unknown> = {};
      for (const f of Object.values(named.getFields())) {
        if (isNonNullType(f.type) || (depth < 3 && this.chance(0.4))) {
          const v = this.value(f.name, f.type, returns, depth + 1);
          if (v !== undefined) obj[f.name] = v;
        }
      }
      return obj;
    }
    switch (named.name) {
      case 'Int':
        if (name === 'first' || name === 'last') {
          return this.chance(0.8) ? this.g(fc.integer, { min: 0, max: 5 }) : this.g(fc.integer, { min: 0, max: 100 });
        }
        if (name === 'maxHops') return this.g(fc.integer, { min: 1, max: 6 });
        return this.g(fc.integer, { min: 0, max: 10 });
      case 'Float':
        return this.g(fc.double, { noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
      case 'Boolean':
        return this.g(fc.boolean);
      case 'Date':
        return this.g(() => DATE);
      case 'DateTime':
        return `${this.g(() => DATE)}T00:00:00Z`;
      default:
        return this.stringValue(name, named, returns);
    }
  }

  private stringValue(name: string, named: GraphQLNamedType, returns: string): string {
    if (this.chance(0.1)) return this.randomText();
    if (name === 'slug') return this.pick(this.ctx.slugs[returns] ?? ['luu-duc-minh']);
    if (name === 'query') {
      const count = this.g(fc.integer, { min: 1, max: 3 });
      const ws = Array.from({ length: count }, () => this.pick(this.ctx.words));
      if (this.chance(0.3)) ws[ws.length - 1] = (ws.at(-1) as string).slice(0, 2);
      return ws.join(' ');
    }
    if (name === 'name' || name === 'text') {
      const source = this.pick(this.ctx.names);
      const start = this.g(fc.integer, { min: 0, max: Math.max(0, source.length - 3) });
      return source.slice(start, start + this.g(fc.integer, { min: 3, max: 10 }));
    }
    if (name === 'country') return this.pick(['VN', 'KR', 'vn', 'kr', 'US', 'JP']);
    if (name === 'id' || name === 'ids') {
      const type = this.pick(Object.keys(this.ctx.slugs).filter((t) => (this.ctx.slugs[t]?.length ?? 0) > 0));
      return globalId(type, this.pick(this.ctx.slugs[type] as string[]));
    }
    if (named.name === 'ID') return this.entityRef();
    return this.randomText();
  }

  /** GraphQL source for an argument value: a literal, or a fresh variable holding it. */
  private literal(value: unknown, type: GraphQLInputType): string {
    if (this.chance(0.25)) {
      const v = `v${this.next()}`;
      this.defs.push(`$${v}: ${String(type)}`);
      this.variables[v] = value;
      return `$${v}`;
    }
    return printLiteral(value, type);
  }

  private args(field: GraphQLField<unknown, unknown>): string {
    const returns = getNamedType(field.type).name;
    const paging = field.args.some((a) => a.name === 'first')
      ? this.pick(['first', 'first', 'first', 'last', 'none'] as const)
      : 'none';
    const parts: string[] = [];
    for (const arg of field.args as GraphQLArgument[]) {
      if (arg.name === 'after' || arg.name === 'before') continue;
      if (arg.name === 'first' || arg.name === 'last') {
        if (paging !== arg.name) continue;
      } else if (!isNonNullType(arg.type) && !this.chance(0.4)) continue;
      const value = this.value(arg.name, arg.type, returns);
      if (value === undefined) continue;
      parts.push(`${arg.name}: ${this.literal(value, arg.type)}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private directive(): string {
    if (!this.chance(0.02)) return '';
    const which = this.pick(['include', 'skip'] as const);
    if (this.chance(0.5)) {
      const v = `b${this.next()}`;
      this.defs.push(`$${v}: Boolean!`);
      this.variables[v] = which === 'include';
      return ` @${which}(if: $${v})`;
    }
    return ` @${which}(if: ${which === 'include'})`;
  }

  /** A selection set on `type` (without braces), every response name unique within `scope`. */
  selection(type: GraphQLCompositeType, depthLeft: number, scope: Map<string, string>): string {
    const parts: string[] = [];
    if (isAbstractType(type)) {
      if (this.chance(0.5)) parts.push(this.responseField('__typename', scope, TYPENAME) as string);
      if (isInterfaceType(type) && this.chance(0.5)) {
        parts.push(...this.fields(Object.values(type.getFields()), depthLeft, scope, 1));
      }
      const possible = this.ctx.schema.getPossibleTypes(type);
      const count = this.g(fc.integer, { min: 1, max: Math.min(3, possible.length) });
      for (let i = 0; i < count; i++) {
        const t = this.pick(possible);
        parts.push(`... on ${t.name} { ${this.selection(t, depthLeft, scope)} }`);
      }
      return parts.join(' ') || '__typename';
    }
    const fields = Object.values(type.getFields());
    const count = this.g(fc.integer, { min: 1, max: 4 });
    parts.push(...this.fields(fields, depthLeft, scope, count));
    // Fragments do not add depth, but each takes one from the budget so that nesting them ends.
    if (depthLeft > 1 && this.chance(0.08)) {
      parts.push(`... on ${type.name} { ${this.selection(type, depthLeft - 1, scope)} }`);
    }
    if (depthLeft > 1 && this.chance(0.05)) parts.push(`...${this.namedFragment(type, depthLeft - 1, scope)}`);
    if (this.chance(0.1)) parts.push(this.responseField('__typename', scope, TYPENAME) as string);
    // Never an empty selection set (`__typename` may repeat: identical fields merge).
    return parts.join(' ') || '__typename';
  }

  private namedFragment(type: GraphQLCompositeType, depthLeft: number, scope: Map<string, string>): string {
    const name = `F${this.next()}`;
    // Fields in the fragment share the scope they are spread into.
    this.fragments.push(`fragment ${name} on ${type.name} { ${this.selection(type, depthLeft, scope)} }`);
    return name;
  }

  /**
   * The response name for a field: its own name, or an alias when the name is taken in `scope` (response
   * name → reuse key) or, now and then, anyway. Aliases stay within MAX_ALIASES; past that a taken name is
   * reused when it holds the same argument-less leaf (`reuseKey`: identical fields merge) and the field is
   * dropped (undefined) otherwise.
   */
  private responseField(name: string, scope: Map<string, string>, reuseKey?: string): string | undefined {
    const wantsAlias = scope.has(name) || this.chance(0.03);
    if (wantsAlias && this.aliases < MAX_GENERATED_ALIASES) {
      this.aliases++;
      const alias = `${name.replace(/^__/, '')}_${this.next()}`;
      scope.set(alias, '');
      return `${alias}: ${name}`;
    }
    if (!scope.has(name)) {
      scope.set(name, reuseKey ?? '');
      return name;
    }
    return reuseKey !== undefined && scope.get(name) === reuseKey ? name : undefined;
  }

  private fields(
    fields: Array<GraphQLField<unknown, unknown>>,
    depthLeft: number,
    scope: Map<string, string>,
    count: number,
  ): string[] {
    const out: string[] = [];
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const distinct = [...fields];
    for (let i = 0; i < count && distinct.length > 0; i++) {
      // Mostly distinct fields; sometimes the same one again (then under an alias).
      let field = this.chance(0.1)
        ? this.pick(fields)
        : (distinct.splice(this.g(fc.nat, { max: distinct.length - 1 }), 1)[0] as GraphQLField<unknown, unknown>);
      const named = getNamedType(field.type);
      if (isCompositeType(named) && depthLeft <= 1) {
        if (leaves.length === 0) {
          out.push(this.responseField('__typename', scope, TYPENAME) as string);
          continue;
        }
        field = this.pick(leaves);
      }
      // A leaf without arguments may appear twice under one name only with the very same type.
      const reuseKey =
        field.args.length === 0 && isLeafType(getNamedType(field.type))
          ? `${field.name}:${String(field.type)}`
          : undefined;
      const name = this.responseField(field.name, scope, reuseKey);
      if (name === undefined) continue;
      const head = `${name}${this.args(field)}${this.directive()}`;
      const fieldType = getNamedType(field.type);
      if (isCompositeType(fieldType)) {
        out.push(`${head} { ${this.selection(fieldType, depthLeft - 1, new Map())} }`);
      } else out.push(head);
    }
    return out;
  }
}

/** A valid operation on the schema's Query type, at most `maxDepth` fields deep. */
export function generateOperation(g: GeneratorValue, ctx: GenContext, maxDepth = 9): GeneratedOperation {
  const b = new OperationBuilder(g, ctx);
  const query = ctx.schema.getQueryType();
  if (!query) throw new Error('no Query type');
  const depth = g(fc.integer, { min: 1, max: maxDepth });
  let body = b.selection(query, depth, new Map());
  if (g(percent) < 3) body += ' __type(name: "Person") { name kind }';
  const name = g(fc.constantFrom, 'Fuzz', 'FuzzA', '');
  const defs = b.defs.length ? `(${b.defs.join(', ')})` : '';
  const head = name === '' && defs === '' ? '' : `query ${name}${defs} `;
  let doc = `${head}{ ${body} }`;
  if (b.fragments.length) doc += ` ${b.fragments.join(' ')}`;
  const op: GeneratedOperation = { query: doc, variables: b.variables };
  // Sometimes a second operation in the document, picked by operationName.
  if (name !== '' && g(fc.boolean) && g(fc.boolean)) {
    op.query += ' query Other { __typename }';
    op.operationName = name;
  }
  return op;
}

// ---------------------------------------------------------------------------------------------------------
// Malformed requests.

const JSON_CT = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const encoder = new TextEncoder();

const HEADER_TOKEN = fc.stringMatching(/^[a-z][a-z0-9.+-]{0,15}\/[a-z0-9.+*-]{1,20}(; ?[a-z]+=[a-z0-9-]{1,10})?$/);

function withQuery(name: string, query: string, variables?: unknown, extra: Record<string, unknown> = {}): RawRequest {
  return { name, method: 'POST', headers: JSON_CT, body: JSON.stringify({ query, variables, ...extra }) };
}

/** Inserts `insert` into `text` at `at`. */
function splice(text: string, at: number, insert: string, remove = 0): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** One malformed request of a random kind (the kind is the request's `name`). */
export function generateMalformed(g: GeneratorValue, ctx: GenContext): RawRequest {
  const kind = g(
    fc.constantFrom,
    'truncated document',
    'mutated document',
    'wrong argument type',
    'huge number',
    'deep nesting',
    'alias flood',
    'giant string',
    'invalid UTF-8',
    'broken JSON',
    'wrong content type',
    'GET garbage',
    'empty body',
    'odd method',
    'catalogue',
  );
  const base = () => generateOperation(g, ctx, 6);
  switch (kind) {
    case 'truncated document': {
      const op = base();
      const at = g(fc.integer, { min: 0, max: Math.max(0, op.query.length - 1) });
      return withQuery(kind, op.query.slice(0, at), op.variables);
    }
    case 'mutated document': {
      const op = base();
      let q = op.query;
      const edits = g(fc.integer, { min: 1, max: 5 });
      for (let i = 0; i < edits; i++) {
        const at = g(fc.integer, { min: 0, max: q.length });
        const insert = g(
          fc.constantFrom,
          '{',
          '}',
          '(',
          ')',
          '[',
          ']',
          ':',
          '$',
          '@',
          '!',
          '...',
          '"',
          '\\',
          '#',
          '',
          '\u0000',
          '𝒳',
        );
        q = splice(q, at, insert, g(fc.integer, { min: 0, max: 3 }));
      }
      return withQuery(kind, q, op.variables);
    }
    case 'wrong argument type': {
      const query = ctx.schema.getQueryType();
      const fields = Object.values(query?.getFields() ?? {}).filter((f) => f.args.length > 0);
      const field = pickFrom(g, fields);
      const arg = pickFrom(g, field.args);
      const wrong = g(
        fc.constantFrom,
        '123',
        '1.5',
        'true',
        'null',
        '"text"',
        '[1, 2]',
        '{ a: 1 }',
        'ASC',
        '$nope',
        '""',
      );
      const required = field.args
        .filter((a) => a !== arg && isNonNullType(a.type))
        .map((a) => `${a.name}: ${isListType(getNullableType(a.type)) ? '["x"]' : '"x"'}`);
      const named = getNamedType(field.type);
      const sel = isCompositeType(named) ? ' { __typename }' : '';
      return withQuery(kind, `{ ${field.name}(${[`${arg.name}: ${wrong}`, ...required].join(', ')})${sel} }`);
    }
    case 'huge number': {
      const literal = g(
        fc.constantFrom,
        '9007199254740992',
        '9007199254740993',
        '1e308',
        '1e400',
        '-0',
        '-1',
        '2147483648',
        '-2147483649',
        '4294967296',
        '0.0000001',
        '1E+2',
        '00012',
      );
      const where = g(fc.constantFrom, 'first', 'last', 'maxHops', 'variable');
      if (where === 'variable') {
        // Raw JSON numbers (1e400 is Infinity to JSON.parse, 2^53+1 loses precision).
        return {
          name: kind,
          method: 'POST',
          headers: JSON_CT,
          body: `{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":${literal}}}`,
        };
      }
      if (where === 'maxHops') {
        return withQuery(kind, `{ path(from: "luu-duc-minh", to: "oh-se-hoon", maxHops: ${literal}) { found } }`);
      }
      return withQuery(kind, `{ articles(${where}: ${literal}) { totalCount } }`);
    }
    case 'deep nesting': {
      const levels = g(fc.integer, { min: 10, max: 400 });
      const shape = g(fc.constantFrom, 'relations', 'introspection', 'fragments', 'unknown fields', 'list', 'input');
      if (shape === 'relations') return withQuery(kind, deepRelationQuery(Math.min(levels, 120)));
      if (shape === 'introspection') return withQuery(kind, deepIntrospection(levels));
      if (shape === 'fragments') return withQuery(kind, deepViaFragments(Math.min(levels, 150)));
      if (shape === 'unknown fields') return withQuery(kind, `${'{ a '.repeat(levels)}${'}'.repeat(levels)}`);
      if (shape === 'list') {
        return withQuery(kind, `{ nodes(ids: ${'['.repeat(levels)}"x"${']'.repeat(levels)}) { id } }`);
      }
      return withQuery(
        kind,
        `{ people(filter: ${'{ name: '.repeat(levels)}"x"${' }'.repeat(levels)}) { totalCount } }`,
      );
    }
    case 'alias flood': {
      const n = g(fc.integer, { min: 16, max: 1500 });
      const field = g(
        fc.constantFrom,
        '__typename',
        'articles(first: 1) { totalCount }',
        'search(query: "vkc") { totalCount }',
      );
      return withQuery(kind, aliasFlood(n, field));
    }
    case 'giant string': {
      const size = g(fc.constantFrom, 30_000, 60_000, 100_000, 300_000);
      const char = g(fc.constantFrom, 'x', 'ệ', '"', '\\', '𝒳');
      const big = char.repeat(Math.floor(size / char.length));
      if (g(fc.boolean)) {
        const literal = JSON.stringify(big);
        return withQuery(kind, `{ search(query: ${literal}) { totalCount } }`);
      }
      return withQuery(kind, 'query($q: String!) { people(filter: { name: $q }) { totalCount } }', { q: big });
    }
    case 'invalid UTF-8': {
      const op = base();
      const bytes = Array.from(encoder.encode(JSON.stringify(op)));
      const inserts = g(fc.integer, { min: 1, max: 5 });
      for (let i = 0; i < inserts; i++) {
        const at = g(fc.integer, { min: 0, max: bytes.length });
        const bad = g(
          fc.constantFrom,
          [0xff],
          [0xfe],
          [0xc0, 0xaf],
          [0xe0, 0x80],
          [0xed, 0xa0, 0x80],
          [0x80],
          [0xf8, 0x88],
        );
        bytes.splice(at, 0, ...bad);
      }
      return { name: kind, method: 'POST', headers: JSON_CT, body: new Uint8Array(bytes) };
    }
    case 'broken JSON': {
      const how = g(fc.constantFrom, 'cut', 'replace', 'random JSON', 'random text');
      if (how === 'random JSON')
        return { name: kind, method: 'POST', headers: JSON_CT, body: g(fc.json, { maxDepth: 4 }) };
      if (how === 'random text')
        return { name: kind, method: 'POST', headers: JSON_CT, body: g(fc.string, { unit: 'binary', maxLength: 200 }) };
      const json = JSON.stringify(base());
      const at = g(fc.integer, { min: 0, max: json.length - 1 });
      if (how === 'cut') return { name: kind, method: 'POST', headers: JSON_CT, body: json.slice(0, at) };
      const junk = g(fc.constantFrom, '{', '}', '"', ',', ':', '\\', 'NaN', 'undefined', "'");
      return { name: kind, method: 'POST', headers: JSON_CT, body: splice(json, at, junk, 1) };
    }
    case 'wrong content type': {
      const ct = g(() =>
        fc.oneof(
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'application/graphql',
            'application/json; charset=latin1',
            'application/json; charset=utf-16',
            'application/graphql-response+json',
            '*/*',
          ),
          HEADER_TOKEN,
        ),
      );
      const body = g(fc.boolean) ? JSON.stringify(base()) : base().query;
      return { name: kind, method: 'POST', headers: { 'content-type': ct }, body };
    }
    case 'GET garbage': {
      const params = g(
        fc.array,
        fc.tuple(
          fc.oneof(fc.constantFrom('query', 'variables', 'operationName', 'extensions'), fc.string({ maxLength: 8 })),
          fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.json({ maxDepth: 2 }), fc.constant(base().query)),
        ),
        { maxLength: 5 },
      );
      const raw = g(fc.boolean);
      const search = raw
        ? `?${g(fc.stringMatching, /^[%a-zA-Z0-9=&{}[\]"+.-]{0,80}$/)}`
        : `?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
      const accept = g(fc.constantFrom, 'application/json', 'application/graphql-response+json', '*/*', 'text/html');
      return { name: kind, method: 'GET', search, headers: { accept } };
    }
    case 'empty body': {
      const ct = g(fc.constantFrom, 'application/json', 'application/graphql', 'text/plain', '');
      return { name: kind, method: 'POST', headers: ct ? { 'content-type': ct } : {}, body: '' };
    }
    case 'odd method': {
      const method = g(fc.constantFrom, 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');
      return { name: kind, method, headers: JSON_CT, body: JSON.stringify(base()) };
    }
    default:
      return pickFrom(g, RAW_ATTACKS);
  }
}
