// Arguments that name an entity accept its global ID or its slug, so both frontends (IDs) and people in
// GraphiQL (slugs) can use them. An ID of the wrong type is a clear error, not an empty result.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { SLUG_PATTERN as SLUG } from '../domain/entities';
import { badInput } from './errors';

/** Slugs are lower-case ASCII: anything else names nothing, and is not worth a database round trip. */
export function isSlug(value: string): boolean {
  return value.length <= 200 && SLUG.test(value);
}

/** Returns the slug an argument names, checking a global ID's type against `allowed`. */
export function slugFromArg(
  value: string,
  allowed: readonly string[],
  argument: string,
): { type: string | null; slug: string } {
  if (SLUG.test(value)) return { type: null, slug: value };
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(value);
  } catch {
    decoded = null;
  }
  if (!decoded?.typename || !SLUG.test(decoded.id)) {
    throw badInput(`\`${argument}\` must be a global ID or a slug; got ${JSON.stringify(value.slice(0, 80))}.`, {
      argument,
    });
  }
  if (!allowed.includes(decoded.typename)) {
    const article = (t: string) => (/^[AEIOU]/.test(t) ? 'an' : 'a');
    const wanted = allowed.join(' or ');
    throw badInput(
      `\`${argument}\` must identify ${article(wanted)} ${wanted}; got ${article(decoded.typename)} ${decoded.typename} ID.`,
      { argument },
    );
  }
  return { type: decoded.typename, slug: decoded.id };
}
