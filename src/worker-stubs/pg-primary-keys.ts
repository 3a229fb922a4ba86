// Worker bundle only (wrangler.toml [alias]): drizzle's legacy relations module imports Postgres's
// PrimaryKeyBuilder just to recognise it in a `schema` passed to drizzle(), and with it every Postgres
// column type. This API passes `relations`, never `schema`, and uses SQLite; the stand-in keeps the
// shape and the entity kind, so drizzle's `is()` would still tell such a builder apart.
import { entityKind } from 'drizzle-orm';

export class PrimaryKeyBuilder {
  static readonly [entityKind] = 'PgPrimaryKeyBuilder';
  constructor(
    readonly columns: unknown[],
    readonly name?: string,
  ) {}
}
