// Per-client leaky buckets of cost points (Shopify's model): a bucket holds up to `capacity` points,
// an operation takes its requested cost out, and points flow back at `restoreRate` per second. One store
// per app instance (Node process, Worker isolate). Memory is bounded: a bucket that has refilled is the
// same as no bucket and is dropped first, then the least recently used ones (lru-cache).
import { LRUCache } from 'lru-cache';

export interface BucketOptions {
  capacity: number;
  restoreRate: number;
  /** Milliseconds; injectable so tests can move time. */
  now?: () => number;
  /** Most clients remembered at once. */
  maxClients?: number;
}

export interface BucketStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type TakeResult =
  | ({ ok: true } & BucketStatus)
  | ({ ok: false /** Whole seconds until the cost fits. */; retryAfter: number } & BucketStatus);

interface Bucket {
  level: number;
  at: number;
}

export class CostBuckets {
  readonly capacity: number;
  readonly restoreRate: number;
  private readonly now: () => number;
  private readonly buckets: LRUCache<string, Bucket>;

  constructor(opts: BucketOptions) {
    this.capacity = opts.capacity;
    this.restoreRate = opts.restoreRate;
    this.now = opts.now ?? Date.now;
    this.buckets = new LRUCache({ max: opts.maxClients ?? 10_000 });
  }

  /** How many clients have a bucket that is not full. */
  get size(): number {
    return this.buckets.size;
  }

  private level(b: Bucket | undefined, now: number): number {
    if (!b) return this.capacity;
    return Math.min(this.capacity, b.level + (Math.max(0, now - b.at) / 1000) * this.restoreRate);
  }

  private status(level: number): BucketStatus {
    return {
      maximumAvailable: this.capacity,
      currentlyAvailable: Math.floor(level),
      restoreRate: this.restoreRate,
    };
  }

  /** The client's budget now, without taking anything. */
  peek(key: string): BucketStatus {
    return this.status(this.level(this.buckets.peek(key), this.now()));
  }

  /** Takes `cost` points if the bucket holds them; otherwise says how long to wait. */
  take(key: string, cost: number): TakeResult {
    const now = this.now();
    const level = this.level(this.buckets.get(key), now);
    if (cost > level) {
      const retryAfter = Math.max(1, Math.ceil((cost - level) / this.restoreRate));
      return { ok: false, retryAfter, ...this.status(level) };
    }
    const left = level - cost;
    if (left >= this.capacity) {
      this.buckets.delete(key); // a full bucket is the same as none
    } else {
      if (!this.buckets.has(key) && this.buckets.size >= this.buckets.max) this.evict(now);
      this.buckets.set(key, { level: left, at: now });
    }
    return { ok: true, ...this.status(left) };
  }

  /** Drops refilled buckets, then the least recently used, down to 90% of the limit (amortised). */
  private evict(now: number): void {
    const refilled = [...this.buckets.entries()].filter(([, b]) => this.level(b, now) >= this.capacity);
    for (const [key] of refilled) this.buckets.delete(key);
    const target = Math.floor(this.buckets.max * 0.9);
    while (this.buckets.size > target) this.buckets.pop();
  }
}
