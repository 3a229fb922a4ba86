// A small least-recently-used map with expiring entries: the response cache's memory tier, and, in the
// Worker bundle only, what Yoga's parse and validation caches get for `lru-cache` (wrangler.toml [alias]):
// they use `new LRUCache({ max, ttl })`, `get` and `set`, which is all this offers besides `delete`,
// `clear` and `size`. An expired entry is never returned; reading an entry does not extend its life.

export interface LruOptions {
  max: number;
  /** Default lifetime of an entry in milliseconds (none: entries live until evicted). */
  ttl?: number;
  now?: () => number;
}

export class LRUCache<K, V> {
  readonly #entries = new Map<K, { value: V; expires: number }>();
  readonly #max: number;
  readonly #ttl: number;
  readonly #now: () => number;

  constructor({ max, ttl, now = Date.now }: LruOptions) {
    this.#max = Math.max(1, max);
    this.#ttl = ttl && ttl > 0 ? ttl : Number.POSITIVE_INFINITY;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expires <= this.#now()) return undefined;
    this.#entries.set(key, entry); // a Map iterates in insertion order: the last entry is the most recent
    return entry.value;
  }

  set(key: K, value: V, options?: { ttl?: number }): this {
    const ttl = options?.ttl && options.ttl > 0 ? options.ttl : this.#ttl;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#now() + ttl });
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
