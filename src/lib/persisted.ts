// Persisted operations: the committed manifest (persisted-operations.json, built by `npm run persisted`
// from operations/*.graphql) maps the SHA-256 of each document to the document. Clients send the hash in
// `extensions.persistedQuery.sha256Hash` (the APQ shape), which makes short, cacheable GET URLs.
import manifest from '../../persisted-operations.json';

export const PERSISTED_OPERATIONS: Readonly<Record<string, string>> = manifest;

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (Web Crypto: the same on Node and Workers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest for a set of documents: hash → document, sorted by operation file order. */
export async function manifestOf(documents: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const doc of documents) out[await sha256Hex(doc)] = doc;
  return out;
}
