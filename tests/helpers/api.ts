// Small helpers for the API tests: global IDs, the raw seed files (the source of truth every expected
// value is checked against), and a query runner that fails loudly on any GraphQL error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { SEED_DIR } from '../../src/seed/load';
import type { GqlResult, Harness } from './harness';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL responses are walked field by field and checked by value
export type Json = any;

/** The Relay global ID of a node: base64 of `Type:slug`. */
export function gid(type: string, slug: string): string {
  return Buffer.from(`${type}:${slug}`, 'utf8').toString('base64');
}

/** Decodes a global ID back to its type and slug. */
export function fromGid(id: string): { type: string; slug: string } {
  const raw = Buffer.from(id, 'base64').toString('utf8');
  const i = raw.indexOf(':');
  return { type: raw.slice(0, i), slug: raw.slice(i + 1) };
}

/** Runs a query that must succeed: status 200, no errors. Returns `data`. */
export async function ok(h: Harness, query: string, variables?: Record<string, unknown>): Promise<Json> {
  const r = await h.gql<Json>(query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.data;
}

/** Runs a query that must fail with one error of the given code; returns that error. */
export async function fails(
  h: Harness,
  query: string,
  code: string,
  variables?: Record<string, unknown>,
): Promise<NonNullable<GqlResult['errors']>[number] & { response: GqlResult<Json> }> {
  const r = await h.gql<Json>(query, variables);
  expect(r.status).not.toBe(500);
  expect(r.errors, JSON.stringify(r.data)).toBeDefined();
  const errors = r.errors ?? [];
  expect(errors.map((e) => e.extensions?.code)).toEqual([code]);
  return { ...(errors[0] as NonNullable<GqlResult['errors']>[number]), response: r };
}

/** The node slugs of a connection, in order. */
export function slugs(connection: { edges: Array<{ node: { slug: string } }> }): string[] {
  return connection.edges.map((e) => e.node.slug);
}

/** The nodes of a connection, in order. */
export function nodes<T = Json>(connection: { edges: Array<{ node: T }> }): T[] {
  return connection.edges.map((e) => e.node);
}

/** The seed article files, by the three-digit prefix the brief and the curators use (000 … 004). */
export const SEED_FILES = {
  '000': '000_426948c4ed780aa9',
  '001': '001_bf81e270833bc859',
  '002': '002_4d44dfa6042bb869',
  '003': '003_cd0236a3106cbabb',
  '004': '004_a5cf3519c0343b51',
} as const;
export type SeedId = keyof typeof SEED_FILES;

/** The captured page of a seed article, exactly as stored (the files are NFC already). */
export function seedText(id: SeedId): string {
  return readFileSync(join(SEED_DIR, 'articles', `${SEED_FILES[id]}.txt`), 'utf8').normalize('NFC');
}

/** The curated YAML of a seed article, parsed. */
export function seedYaml(id: SeedId): Json {
  return parse(readFileSync(join(SEED_DIR, 'articles', `${SEED_FILES[id]}.yaml`), 'utf8'));
}

/** seed/conflicts.yaml, parsed. */
export function seedConflicts(): Json {
  return parse(readFileSync(join(SEED_DIR, 'conflicts.yaml'), 'utf8'));
}

/** The text a seed `span` stands for (a string, or `{ text, occurrence }`). */
export function spanText(span: string | { text: string }): string {
  return (typeof span === 'string' ? span : span.text).normalize('NFC');
}
