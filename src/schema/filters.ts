// Pieces shared by list fields: SQL for filters (used both in the page query and in totalCount, so the
// two always agree).
import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { badInput } from '../lib/errors';
import { slugFromArg } from '../lib/ids';
import { fold } from '../lib/text';

/** Longest text a name filter accepts: names are short, and SQLite refuses very long LIKE patterns. */
export const MAX_FILTER_TEXT = 200;

/** Combines optional conditions; undefined when there are none. */
export function allOf(conditions: Array<SQL | undefined>): SQL | undefined {
  const list = conditions.filter((c): c is SQL => c !== undefined);
  return list.length === 0 ? undefined : and(...list);
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * User text made safe to compare: well-formed UTF-16 (a lone surrogate becomes U+FFFD, which the libSQL
 * wire format would otherwise reject) and no control characters (no name contains one).
 */
export function cleanText(text: string, argument: string): string {
  if (text.length > MAX_FILTER_TEXT) {
    throw badInput(`\`${argument}\` is too long (${text.length} characters); use at most ${MAX_FILTER_TEXT}.`, {
      argument,
    });
  }
  return text.toWellFormed().normalize('NFC');
}

/**
 * Diacritic-insensitive (đ folded to d) substring match over the folded names/aliases column. Surrounding
 * whitespace (tabs and newlines too) is ignored, so text of whitespace alone constrains nothing; a control
 * character inside the text (NUL included) matches nothing, as no name contains one.
 */
export function namesContain(namesFolded: SQLiteColumn, text: string, argument = 'filter.name'): SQL {
  const clean = cleanText(text, argument).trim();
  if (/\p{Cc}/u.test(clean)) return sql`0`;
  return sql`${namesFolded} LIKE ${likeContains(fold(clean))} ESCAPE '\\'`;
}

/** The slug a filter argument names (global ID or slug), checked against `allowed`; undefined when not given. */
export function slugFilter(value: string | number | null | undefined, allowed: readonly string[], argument: string) {
  return value == null ? undefined : slugFromArg(String(value), allowed, argument);
}

/**
 * The conditions entity lists share: part of a name or alias (`name`), a kind, an ISO 3166-1 alpha-2
 * country code (any case).
 */
export function entityConditions(
  t: { namesFolded: SQLiteColumn; kind?: SQLiteColumn; country?: SQLiteColumn },
  filter: { name?: string | null; kind?: string | null; country?: string | null },
): Array<SQL | undefined> {
  return [
    filter.name ? namesContain(t.namesFolded, filter.name) : undefined,
    filter.kind && t.kind ? sql`${t.kind} = ${filter.kind}` : undefined,
    filter.country && t.country
      ? sql`${t.country} = ${cleanText(filter.country, 'filter.country').toUpperCase()}`
      : undefined,
  ];
}
