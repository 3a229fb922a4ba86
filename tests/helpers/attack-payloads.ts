// Attack material shared by the Node and the Worker attack suites: the documented error codes, injection
// strings, hostile documents and raw HTTP requests, and the check that an answer is a well-formed
// GraphQL-over-HTTP response. Pure TypeScript (no Node or Workers APIs), so both runtimes import it.

/** `errors[].extensions.code` values the API documents (docs/limits-and-caching.md "Error codes"). */
export const CONTRACT_ERROR_CODES = [
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'TIMEOUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
] as const;

/**
 * Codes Yoga itself gives to requests it refuses before GraphQL runs (invalid JSON, batching, a wrong
 * method, a missing `query`). docs/limits-and-caching.md documents BAD_REQUEST for those, so an HTTP-level refusal may carry
 * one of these; a GraphQL operation's errors never may.
 */
export const HTTP_REFUSAL_CODES = ['BAD_REQUEST'] as const;

/** Strings every string/ID argument is tried with: SQL and FTS5 metacharacters, odd characters, size. */
export const INJECTION_PAYLOADS: ReadonlyArray<{ name: string; value: string }> = [
  { name: 'sql-tautology', value: "' OR 1=1 --" },
  { name: 'sql-drop', value: '"; DROP TABLE people; --' },
  { name: 'sql-stacked', value: "x'); DELETE FROM articles; --" },
  { name: 'sql-union', value: "' UNION SELECT name FROM sqlite_master --" },
  { name: 'like-percent', value: '%' },
  { name: 'like-underscore', value: '_' },
  { name: 'like-mixed', value: 'a%b_c' },
  { name: 'backslash', value: '\\' },
  { name: 'fts-star', value: '*' },
  { name: 'fts-near', value: 'NEAR(a b)' },
  { name: 'fts-and', value: 'AND' },
  { name: 'fts-or-not', value: 'OR NOT' },
  { name: 'fts-unterminated', value: '"unterminated' },
  { name: 'fts-caret', value: '^' },
  { name: 'fts-colon', value: ':' },
  { name: 'fts-open-paren', value: '(' },
  { name: 'fts-close-paren', value: ')' },
  { name: 'fts-column-filter', value: 'col:val' },
  { name: 'fts-column-set', value: '{text body}: vkc' },
  { name: 'fts-prefix-quote', value: '"vkc"*' },
  { name: 'nul', value: '\u0000' },
  { name: 'nul-inside', value: 'vkc\u0000x' },
  { name: 'control', value: '\u0001\u001f\u007f' },
  { name: 'lone-surrogate', value: '\ud800' },
  { name: 'emoji', value: '🇻🇳🤝🇰🇷' },
  { name: 'rtl-zero-width', value: '\u202ehan\u200bquoc' },
  { name: 'whitespace-only', value: ' \t\n ' },
  { name: 'empty', value: '' },
  { name: 'base64-garbage', value: 'UGVyc29uOicgT1IgMT0xIC0t' },
  { name: 'long-10000', value: 'a'.repeat(10_000) },
];

/** What the answer to one raw request looked like, runtime-independent. */
export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

// biome-ignore lint/suspicious/noExplicitAny: answers are untrusted JSON, checked field by field
export type Body = any;

/** Parses a JSON answer body; undefined when it is not JSON. */
export function jsonOf(text: string): Body | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isJsonContentType(ct: string | null): boolean {
  return ct !== null && /^application\/(graphql-response\+)?json\b/i.test(ct);
}

export interface CheckOptions {
  /** Codes allowed besides the documented GraphQL ones (e.g. HTTP_REFUSAL_CODES for requests refused before GraphQL). */
  extraCodes?: readonly string[];
  /** An error entry must carry `extensions.code` (default true). */
  requireCode?: boolean;
  /** INTERNAL_SERVER_ERROR (an unexpected, masked failure) is a finding (default true). */
  forbidInternal?: boolean;
}

/**
 * Everything wrong with an answer, as readable strings (empty: the answer is well-formed). A well-formed
 * answer has a 2xx/3xx/4xx status (never 5xx); a JSON content type means a JSON body that is a GraphQL
 * response (`data` and/or a non-empty `errors` list of entries with a string `message`); error codes are
 * the documented ones; no stack, SQL or file path leaks.
 */
export function problemsOf(a: Answer, opts: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const { extraCodes = [], requireCode = true, forbidInternal = true } = opts;
  if (a.status >= 500 || a.status < 200) problems.push(`status ${a.status}`);
  if (a.status === 304 || a.status === 204 || a.status === 405 || a.status === 415 || a.status === 406) {
    // No GraphQL body is required (not modified, preflight, refused method/media type).
    if (isJsonContentType(a.contentType) && a.text !== '') problems.push(...graphqlBodyProblems(a.text));
  } else if (isJsonContentType(a.contentType)) {
    problems.push(...graphqlBodyProblems(a.text));
  } else if (a.status === 200 && !/^text\/html/i.test(a.contentType ?? '')) {
    problems.push(`200 with content type ${a.contentType}`);
  }
  const body = isJsonContentType(a.contentType) ? jsonOf(a.text) : undefined;
  const allowed = new Set<string>([...CONTRACT_ERROR_CODES, ...extraCodes]);
  for (const e of Array.isArray(body?.errors) ? body.errors : []) {
    const code = e?.extensions?.code;
    if (code === undefined) {
      if (requireCode) problems.push(`error without extensions.code: ${JSON.stringify(e).slice(0, 200)}`);
    } else if (!allowed.has(code)) problems.push(`error code ${JSON.stringify(code)} is not a documented code`);
    if (forbidInternal && code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${e.message}`);
  }
  problems.push(...leaks(a.text));
  return problems;
}

function graphqlBodyProblems(text: string): string[] {
  const body = jsonOf(text);
  if (body === undefined) return [`JSON content type but the body is not JSON: ${text.slice(0, 120)}`];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ['body is not a JSON object'];
  const hasData = 'data' in body;
  const hasErrors = 'errors' in body;
  if (!hasData && !hasErrors) return [`neither data nor errors: ${text.slice(0, 120)}`];
  if (hasErrors) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) return ['errors is not a non-empty list'];
    if (body.errors.some((e: Body) => typeof e?.message !== 'string')) return ['an error has no message'];
  }
  if (hasData && body.data !== null && typeof body.data !== 'object') return ['data is neither null nor an object'];
  return [];
}

/** Server internals that must never reach a client. */
export function leaks(text: string): string[] {
  const found: string[] = [];
  if (/\n\s+at .+\(.*:\d+:\d+\)/.test(text) || /"stack"\s*:/.test(text)) found.push('a stack trace leaked');
  // (Case-sensitive: an error may echo a user's `sqlite_master` back, which is no leak.)
  if (/SQLITE_[A-Z]+|LibsqlError|no such (table|column)|syntax error near|fts5: /.test(text))
    found.push('SQL error leaked');
  if (/\/work\/|node_modules|file:\/\//.test(text)) found.push('a file path leaked');
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Hostile documents.

/** `{ a0: __typename a1: __typename … }`: n aliases. */
export function aliasFlood(n: number, field = '__typename'): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/** A real relation cycle nested `levels` times: person → quotes → speaker → quotes → … */
export function deepRelationQuery(levels: number): string {
  let inner = 'slug';
  for (let i = 0; i < levels; i++) inner = `quotes(first: 1) { edges { node { speaker { ${inner} } } } }`;
  return `{ person(slug: "luu-duc-minh") { ${inner} } }`;
}

/** Introspection nested `levels` deep (the classic depth attack through `ofType`/`fields`). */
export function deepIntrospection(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = i % 2 ? `fields { type { ${inner} } }` : `ofType { ${inner} }`;
  return `{ __schema { types { ${inner} } } }`;
}

/** The same depth hidden behind fragments (graphql-armor < 2.4.2 did not count these). */
export function deepViaFragments(levels: number): string {
  const frags: string[] = [];
  for (let i = 0; i < levels; i++) {
    const next = i + 1 < levels ? `...F${i + 1}` : 'name';
    frags.push(`fragment F${i} on __Type { ofType { ${next} } }`);
  }
  return `{ __schema { types { ...F0 } } } ${frags.join(' ')}`;
}

/** `{ __typename @include(if: true) @include(if: true) … }`: n directives on one field. */
export function directiveFlood(n: number): string {
  return `{ __typename ${'@include(if: true) '.repeat(n)}}`;
}

/** Many tokens in a short document (each `a` is one token; well under MAX_QUERY_LENGTH). */
export function tokenFlood(n: number): string {
  return `{ ${'a '.repeat(n)}}`;
}

/**
 * Depth hidden in a fragment *named* `__schema`: graphql-armor's max-depth before 2.4.2 skipped any node
 * so named when ignoring introspection, fragments included (GHSA fix in 2.4.2).
 */
export function depthInSchemaNamedFragment(levels: number): string {
  let inner = 'slug';
  for (let i = 0; i < levels; i++) inner = `quotes(first: 1) { edges { node { speaker { ${inner} } } } }`;
  return `query { ...__schema } fragment __schema on Query { person(slug: "luu-duc-minh") { ${inner} } }`;
}

/** A connection nested in a connection at the maximum page size: far beyond MAX_QUERY_COST. */
export const EXPENSIVE_QUERY =
  '{ people(first: 100) { edges { node { quotes(first: 100) { edges { node { event { participants(first: 100) { totalCount } } } } } } } } }';

/** Cyclic fragments: invalid, and a classic way to send a naive depth counter into infinite recursion. */
export const FRAGMENT_CYCLE = 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }';

// ---------------------------------------------------------------------------------------------------------
// Raw HTTP attacks, runtime-independent: a request is method, query string, headers and body.

export interface RawRequest {
  name: string;
  method: string;
  /** Appended to the endpoint (e.g. `?query=…`). */
  search?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /**
   * What the README says the answer is, where it says: the status is one of `status`, and one of the
   * errors has one of `codes` (others may follow, e.g. validation errors).
   */
  expect?: { status?: number[]; codes?: string[] };
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const post = (
  name: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = JSON_HEADERS,
) => ({
  name,
  method: 'POST',
  headers,
  body,
});
const postQuery = (name: string, query: string, variables?: unknown, expect?: RawRequest['expect']): RawRequest => ({
  ...post(name, JSON.stringify(variables === undefined ? { query } : { query, variables })),
  expect,
});
const refused = (code: string, status = [400]) => ({ status, codes: [code] });
const bytes = (...parts: Array<string | number[]>): Uint8Array<ArrayBuffer> => {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') for (const c of p) out.push(c.charCodeAt(0) & 0xff);
    else out.push(...p);
  }
  return new Uint8Array(out);
};
const qs = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** A fixed catalogue of malformed requests, one of each kind the fuzzer generates in bulk. */
export const RAW_ATTACKS: readonly RawRequest[] = [
  post('empty body', ''),
  post('whitespace body', '   \n'),
  post('truncated JSON', '{"query":"{ __typename'),
  post('JSON null', 'null'),
  post('JSON number', '42'),
  post('JSON string', '"{ __typename }"'),
  post('JSON array (batch)', '[{"query":"{ __typename }"}]'),
  post('empty array', '[]'),
  post('query is a number', '{"query":1}'),
  post('query is an object', '{"query":{"a":1}}'),
  post('variables is a string', '{"query":"{ __typename }","variables":"x"}'),
  post('extensions is a list', '{"query":"{ __typename }","extensions":[1]}'),
  post('operationName is a number', '{"query":"{ __typename }","operationName":7}'),
  post('deeply nested JSON', `{"query":"{ __typename }","variables":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`),
  post('trailing garbage', '{"query":"{ __typename }"} xyz'),
  post(
    'invalid UTF-8 in JSON string',
    bytes('{"query":"{ search(query: \\"', [0xff, 0xfe, 0xc3], '\\") { totalCount } }"}'),
  ),
  post('overlong UTF-8', bytes('{"query":"{ __typename }', [0xc0, 0xaf], '"}')),
  post('lone continuation bytes', bytes([0x80, 0x81, 0x82])),
  post('UTF-16 BOM', bytes([0xff, 0xfe], '{"query":"{ __typename }"}')),
  post('NUL bytes', bytes('{"query":"{ __typename }"', [0, 0, 0], '}')),
  post('text/plain', '{"query":"{ __typename }"}', { 'content-type': 'text/plain' }),
  post('no content type', '{"query":"{ __typename }"}', {}),
  post('application/xml', '<query>{ __typename }</query>', { 'content-type': 'application/xml' }),
  post('form-urlencoded', 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
  post('multipart garbage', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{oops\r\n--x--', {
    'content-type': 'multipart/form-data; boundary=x',
  }),
  post('charset utf-16', '{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=utf-16' }),
  post('content type garbage', '{"query":"{ __typename }"}', { 'content-type': ';;;===' }),
  post('accept garbage', '{"query":"{ __typename }"}', { 'content-type': 'application/json', accept: 'x/y' }),
  postQuery('truncated document', '{ articles(first: 2) { edges { node { slug'),
  postQuery('wrong argument type', '{ person(slug: 123) { name } }'),
  postQuery('string for Int', '{ articles(first: "ten") { totalCount } }'),
  postQuery('float for Int', '{ articles(first: 1.5) { totalCount } }'),
  postQuery('2^53', '{ articles(first: 9007199254740992) { totalCount } }'),
  postQuery('1e308', '{ articles(first: 1e308) { totalCount } }'),
  postQuery('negative zero', '{ articles(first: -0) { totalCount } }'),
  postQuery('negative page', '{ articles(first: -1) { totalCount } }'),
  postQuery('2^31 variable', 'query($n: Int) { articles(first: $n) { totalCount } }', { n: 2147483648 }),
  postQuery('1e308 variable', 'query($n: Int) { articles(first: $n) { totalCount } }', { n: 1e308 }),
  postQuery('huge maxHops', '{ path(from: "luu-duc-minh", to: "oh-se-hoon", maxHops: 2147483647) { found } }'),
  postQuery('string enum', '{ articles(order: "DESC") { totalCount } }'),
  postQuery('unknown enum', '{ articles(order: SIDEWAYS) { totalCount } }'),
  postQuery('bad date', '{ events(filter: { from: "2024-13-45" }) { totalCount } }'),
  postQuery('bad cursor', '{ articles(first: 1, after: "not a cursor") { totalCount } }'),
  postQuery('bad global id', '{ node(id: "%%%") { id } }'),
  postQuery('unknown field', '{ nope }'),
  postQuery('mutation', 'mutation { __typename }'),
  postQuery('subscription', 'subscription { __typename }'),
  postQuery('two anonymous operations', '{ __typename } { __typename }'),
  postQuery('unknown operationName', 'query A { __typename }'),
  postQuery('fragment cycle', FRAGMENT_CYCLE),
  postQuery('deep relations', deepRelationQuery(20), undefined, refused('DEPTH_LIMIT_EXCEEDED')),
  postQuery('deep introspection', deepIntrospection(40), undefined, refused('DEPTH_LIMIT_EXCEEDED')),
  postQuery('deep fragments', deepViaFragments(40), undefined, refused('DEPTH_LIMIT_EXCEEDED')),
  postQuery(
    'depth in a fragment named __schema',
    depthInSchemaNamedFragment(5),
    undefined,
    refused('DEPTH_LIMIT_EXCEEDED'),
  ),
  postQuery(
    'depth in an operation named __schema',
    `query __schema ${deepRelationQuery(5)}`,
    undefined,
    refused('DEPTH_LIMIT_EXCEEDED'),
  ),
  postQuery('alias flood', aliasFlood(200), undefined, refused('ALIAS_LIMIT_EXCEEDED')),
  postQuery('alias flood on a list', aliasFlood(50, 'articles(first: 100) { totalCount }'), undefined, {
    status: [400],
    codes: ['ALIAS_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED'],
  }),
  postQuery('directive flood', directiveFlood(60), undefined, refused('DIRECTIVE_LIMIT_EXCEEDED')),
  postQuery('token flood', tokenFlood(5000), undefined, refused('TOKEN_LIMIT_EXCEEDED')),
  postQuery('expensive nesting', EXPENSIVE_QUERY, undefined, refused('COST_LIMIT_EXCEEDED')),
  postQuery('100 KB string argument', `{ search(query: "${'x'.repeat(100_000)}") { totalCount } }`, undefined, {
    status: [413],
  }),
  postQuery('query over MAX_QUERY_LENGTH', `{ search(query: "${'x'.repeat(25_000)}") { totalCount } }`, undefined, {
    status: [400],
  }),
  postQuery('40 KB string variable', 'query($q: String!) { search(query: $q) { totalCount } }', {
    q: 'vkc '.repeat(10_000),
  }),
  postQuery('60 KB name filter', 'query($q: String!) { people(filter: { name: $q }) { totalCount } }', {
    q: 'x'.repeat(60_000),
  }),
  postQuery(
    '30 KB of backslashes in a name filter',
    'query($q: String!) { projects(filter: { name: $q }) { totalCount } }',
    {
      q: '\\'.repeat(30_000),
    },
  ),
  {
    ...post(
      'body over the size limit',
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200_000) } }),
    ),
    expect: { status: [413] },
  },
  {
    ...post(
      'unknown persisted query',
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    ),
    expect: { codes: ['PERSISTED_QUERY_NOT_FOUND'] },
  },
  {
    ...post(
      'persisted query with a bad hash',
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "' OR 1=1 --" } } }),
    ),
    expect: { codes: ['PERSISTED_QUERY_NOT_FOUND'] },
  },
  { name: 'GET without params', method: 'GET', headers: { accept: 'application/json' } },
  {
    name: 'GET broken percent-encoding',
    method: 'GET',
    search: '?query=%ZZ%',
    headers: { accept: 'application/json' },
  },
  { name: 'GET variables not JSON', method: 'GET', search: '?query=%7B__typename%7D&variables=%7Bbad' },
  { name: 'GET variables a list', method: 'GET', search: `${qs({ query: '{__typename}', variables: '[1,2]' })}` },
  { name: 'GET extensions not JSON', method: 'GET', search: '?query=%7B__typename%7D&extensions=%7B' },
  { name: 'GET repeated query', method: 'GET', search: '?query=%7B__typename%7D&query=%7Bnope%7D' },
  { name: 'GET mutation', method: 'GET', search: qs({ query: 'mutation { __typename }' }) },
  { name: 'GET empty query', method: 'GET', search: '?query=', headers: { accept: 'application/json' } },
  { name: 'GET bracket params', method: 'GET', search: '?query[]=x&operationName[a]=b' },
  { name: 'GET 20 KB garbage', method: 'GET', search: `?query=${'%7B'.repeat(7000)}` },
  {
    name: 'GET garbage If-None-Match',
    method: 'GET',
    search: qs({ query: '{__typename}' }),
    headers: { 'if-none-match': 'W/"\' OR 1=1 --' },
  },
  {
    name: 'GET with a cookie and no CSRF header',
    method: 'GET',
    search: qs({ query: '{__typename}' }),
    headers: { cookie: 'session=1', accept: 'application/json' },
  },
  { name: 'PUT', method: 'PUT', headers: JSON_HEADERS, body: '{"query":"{ __typename }"}' },
  { name: 'DELETE', method: 'DELETE' },
  { name: 'PATCH', method: 'PATCH', headers: JSON_HEADERS, body: '{}' },
  {
    name: 'OPTIONS preflight',
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  },
];
