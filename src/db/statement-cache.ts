// Reads on an embedded database with their prepared statements kept. @libsql/client prepares every
// statement anew on each call; the API's nested pages compile to one statement of several kilobytes, and
// SQLite parsing and planning it again was a fifth of a small page's time (BENCHMARKS.md). This wraps a
// read-only @libsql/client handle: `execute` of a statement that returns rows runs on a second connection
// (also query-only) that keeps the most recently used statements by SQL text; everything else, and any
// statement that fails there, goes to the wrapped client, so results and errors keep its exact shape.
import type { Client, InArgs, InStatement, InValue, ResultSet, Row } from '@libsql/client';
import Database from 'libsql';
import { LRUCache } from 'lru-cache';

type Statement = Database.Statement;

interface Prepared {
  statement: Statement;
  columns: string[];
  columnTypes: string[];
}

/** Statements kept per connection: the API's distinct statement shapes, with room to spare. */
export const STATEMENT_CACHE_SIZE = 500;

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The path of a plain local `file:` URL; null for anything the wrapper should leave alone. */
export function localFilePath(url: string): string | null {
  if (!url.startsWith('file:') || url.includes('?') || /^file::memory:/.test(url)) return null;
  if (url.startsWith('file://')) return decodeURIComponent(new URL(url).pathname);
  return url.slice('file:'.length);
}

// Argument and value conversions as @libsql/client does them for its SQLite driver (intMode "number").
function toSql(value: InValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('non-finite number');
  if (value === undefined) throw new TypeError('undefined argument');
  return value;
}

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('integer out of the safe range');
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer;
  return value;
}

/** A row shaped as @libsql/client's: indexed values (not enumerable) plus one enumerable key per column. */
function toRow(values: unknown[], columns: string[]): Row {
  const row = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i]);
    Object.defineProperty(row, i, { value });
    const column = columns[i] as string;
    if (!Object.hasOwn(row, column)) {
      Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  return row as Row;
}

function bindings(args: InArgs | undefined): unknown {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) named[name.replace(/^[@$:]/, '')] = toSql(value);
  return named;
}

export function withStatementCache(inner: Client, path: string, size = STATEMENT_CACHE_SIZE): Client {
  const db = new Database(path);
  // Same guarantee as the wrapped handle: SQLite itself refuses writes on this connection.
  db.exec('PRAGMA query_only = ON');
  // `false`: a statement that returns no rows (raw() refuses it); the wrapped client runs those.
  const cache = new LRUCache<string, Prepared | false>({ max: size });

  /** The kept statement for `sql`, prepared on first use. */
  const prepared = (sql: string): Prepared | false => {
    let entry = cache.get(sql);
    if (entry !== undefined) return entry;
    const statement = db.prepare(sql);
    try {
      statement.safeIntegers(true).raw(true);
      const columns = statement.columns();
      entry = { statement, columns: columns.map((c) => c.name), columnTypes: columns.map((c) => c.type ?? '') };
    } catch {
      entry = false;
    }
    cache.set(sql, entry);
    return entry;
  };

  const fast = (sql: string, args: InArgs | undefined): ResultSet | null => {
    const p = prepared(sql);
    if (!p) return null;
    const { columns, columnTypes } = p;
    const rows = (p.statement.all(bindings(args) as never) as unknown[][]).map((values) => toRow(values, columns));
    return {
      columns,
      columnTypes,
      rows,
      rowsAffected: 0,
      lastInsertRowid: undefined,
      toJSON: () => ({
        columns,
        columnTypes,
        rows: rows.map((r) => Array.from(r)),
        rowsAffected: 0,
        lastInsertRowid: null,
      }),
    };
  };

  const execute = async (stmt: InStatement | string, maybeArgs?: InArgs): Promise<ResultSet> => {
    const [sql, args] = typeof stmt === 'string' ? [stmt, maybeArgs] : [stmt.sql, stmt.args];
    try {
      const result = fast(sql, args);
      if (result) return result;
    } catch {
      // Whatever failed here fails the same way in the wrapped client, with its error type and message.
    }
    return typeof stmt === 'string' ? inner.execute(stmt, maybeArgs) : inner.execute(stmt);
  };

  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'execute') return execute;
      if (prop === 'close')
        return () => {
          cache.clear();
          db.close();
          target.close();
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
