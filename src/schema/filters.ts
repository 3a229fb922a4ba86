// Pieces shared by list fields: SQL for filters (used both in the page query and in totalCount, so the
// two always agree).
import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { fold } from '../lib/text';

/** Combines optional conditions; undefined when there are none. */
export function allOf(conditions: Array<SQL | undefined>): SQL | undefined {
  const list = conditions.filter((c): c is SQL => c !== undefined);
  return list.length === 0 ? undefined : and(...list);
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Diacritic-insensitive (đ folded to d) substring match over the folded names/aliases column. */
export function namesContain(namesFolded: SQLiteColumn, text: string): SQL {
  return sql`${namesFolded} LIKE ${likeContains(fold(text.trim()))} ESCAPE '\\'`;
}
