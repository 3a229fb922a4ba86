// Limits, budgets and caching: one typed object with the documented defaults (docs/limits-and-caching.md),
// read from the environment (Node: process.env; Worker: env). A bad value is a startup error
// that names the variable, never a silently ignored setting.

export interface Limits {
  /** Nesting of fields (fragments flattened; introspection not counted): src/plugins/query-limits.ts. */
  maxDepth: number;
  /** The same max-depth rule counting introspection too (GraphiQL's introspection query is 14-15 deep). */
  maxIntrospectionDepth: number;
  /** Aliases per operation, `__typename` ones included. */
  maxAliases: number;
  /** Lexical tokens per document, counted while parsing. */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Highest cost (src/lib/cost.ts) one operation may have. */
  maxQueryCost: number;
  /** Capacity of a client's leaky bucket, in cost points. */
  costBudget: number;
  /** Points a bucket gets back per second. */
  costRestoreRate: number;
  /** Request body limit in bytes (Yoga's maxRequestBodySize): 413 above it. */
  maxBodyBytes: number;
  /** Characters of the query document: 400 above it. */
  maxQueryLength: number;
  /** Server-side execution timeout (ms): TIMEOUT error (503) after it. */
  executionTimeoutMs: number;
  /** Cache-Control max-age (seconds) of cacheable GET responses. */
  cacheMaxAge: number;
  /** Cache-Control stale-while-revalidate (seconds). */
  cacheStaleWhileRevalidate: number;
  /** Allowed CORS origins; `['*']` is any origin. */
  corsOrigins: string[];
  /** When true, only operations from persisted-operations.json run. */
  persistedOperationsOnly: boolean;
  /** Server-side response cache lifetime (ms) for GET operations; 0 turns it off. */
  responseCacheTtlMs: number;
  /** How long (ms) an app instance trusts the dataset version it read; 0 reads it on every GET. */
  datasetVersionTtlMs: number;
  /** Consult the per-request limiter on every request (Worker: the rate-limiting binding, when bound). */
  rateLimitBinding: boolean;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 12,
  maxIntrospectionDepth: 20,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 10,
  maxQueryCost: 5000,
  costBudget: 20000,
  costRestoreRate: 1000,
  maxBodyBytes: 65536,
  maxQueryLength: 20000,
  executionTimeoutMs: 5000,
  cacheMaxAge: 60,
  cacheStaleWhileRevalidate: 600,
  corsOrigins: ['*'],
  persistedOperationsOnly: false,
  responseCacheTtlMs: 60000,
  datasetVersionTtlMs: 5000,
  rateLimitBinding: true,
});

type Kind = 'positive' | 'nonNegative' | 'origins' | 'boolean';

/** Each setting: its environment variable and what values it accepts. */
export const LIMIT_VARS: Readonly<Record<keyof Limits, { env: string; kind: Kind }>> = {
  maxDepth: { env: 'MAX_DEPTH', kind: 'positive' },
  maxIntrospectionDepth: { env: 'MAX_INTROSPECTION_DEPTH', kind: 'positive' },
  maxAliases: { env: 'MAX_ALIASES', kind: 'nonNegative' },
  maxTokens: { env: 'MAX_TOKENS', kind: 'positive' },
  maxDirectives: { env: 'MAX_DIRECTIVES', kind: 'nonNegative' },
  maxQueryCost: { env: 'MAX_QUERY_COST', kind: 'positive' },
  costBudget: { env: 'COST_BUDGET', kind: 'positive' },
  costRestoreRate: { env: 'COST_RESTORE_RATE', kind: 'positive' },
  maxBodyBytes: { env: 'MAX_BODY_BYTES', kind: 'positive' },
  maxQueryLength: { env: 'MAX_QUERY_LENGTH', kind: 'positive' },
  executionTimeoutMs: { env: 'EXECUTION_TIMEOUT_MS', kind: 'positive' },
  cacheMaxAge: { env: 'CACHE_MAX_AGE', kind: 'nonNegative' },
  cacheStaleWhileRevalidate: { env: 'CACHE_STALE_WHILE_REVALIDATE', kind: 'nonNegative' },
  corsOrigins: { env: 'CORS_ORIGINS', kind: 'origins' },
  persistedOperationsOnly: { env: 'PERSISTED_OPERATIONS_ONLY', kind: 'boolean' },
  responseCacheTtlMs: { env: 'RESPONSE_CACHE_TTL_MS', kind: 'nonNegative' },
  datasetVersionTtlMs: { env: 'DATASET_VERSION_TTL_MS', kind: 'nonNegative' },
  rateLimitBinding: { env: 'RATE_LIMIT_BINDING', kind: 'boolean' },
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseValue(env: string, kind: Kind, raw: string): Limits[keyof Limits] {
  const value = raw.trim();
  switch (kind) {
    case 'positive':
    case 'nonNegative': {
      const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      const min = kind === 'positive' ? 1 : 0;
      if (!Number.isSafeInteger(n) || n < min) {
        throw new ConfigError(`${env} must be an integer >= ${min}, got '${raw}'`);
      }
      return n;
    }
    case 'boolean': {
      const v = value.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(v)) return true;
      if (['false', '0', 'no', 'off'].includes(v)) return false;
      throw new ConfigError(`${env} must be true or false, got '${raw}'`);
    }
    case 'origins': {
      const origins = value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      if (origins.length === 0) throw new ConfigError(`${env} must list at least one origin (or *), got '${raw}'`);
      for (const o of origins) {
        if (o === '*') continue;
        let url: URL;
        try {
          url = new URL(o);
        } catch {
          throw new ConfigError(`${env}: '${o}' is not an origin such as https://example.org`);
        }
        if (url.origin !== o) throw new ConfigError(`${env}: '${o}' is not an origin (did you mean '${url.origin}'?)`);
      }
      return origins;
    }
  }
}

/** Checks a whole settings object: every value of the right kind. */
export function validateLimits(limits: Limits): Limits {
  for (const [key, { env, kind }] of Object.entries(LIMIT_VARS) as Array<
    [keyof Limits, (typeof LIMIT_VARS)[keyof Limits]]
  >) {
    const v = limits[key];
    const raw = Array.isArray(v) ? v.join(',') : String(v);
    parseValue(env, kind, raw);
  }
  return limits;
}

/**
 * The settings from an environment (Node's process.env or a Worker's env): unset or empty variables keep
 * their defaults; `overrides` (code, tests) win over both.
 */
export function readLimits(env: Record<string, unknown> = {}, overrides: Partial<Limits> = {}): Limits {
  const out: Record<string, unknown> = { ...DEFAULT_LIMITS, corsOrigins: [...DEFAULT_LIMITS.corsOrigins] };
  for (const [key, { env: name, kind }] of Object.entries(LIMIT_VARS)) {
    const raw = env[name];
    if (raw === undefined || raw === null || raw === '') continue;
    if (typeof raw !== 'string') throw new ConfigError(`${name} must be a string, got ${typeof raw}`);
    out[key] = parseValue(name, kind, raw);
  }
  return validateLimits({ ...(out as unknown as Limits), ...overrides });
}
