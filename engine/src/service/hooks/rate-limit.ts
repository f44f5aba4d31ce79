/** A token bucket's settings: `perSecond` refill, at most `burst` tokens. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * The default per-hook limit of inbound webhook runs (`ServiceDeps.webhookRateLimit` overrides it).
 *
 * @example
 * new TokenBuckets(deps.webhookRateLimit || DEFAULT_WEBHOOK_RATE_LIMIT);
 */
export const DEFAULT_WEBHOOK_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 100 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * In-memory token buckets by key (one per hook). `take` spends a token or says how many whole
 * seconds until one is back. Memory stays bounded: past `capacity` keys the least recently used
 * bucket is dropped.
 *
 * @example
 * const limits = new TokenBuckets({ perSecond: 20, burst: 100 });
 * const taken = limits.take(hookId);
 * if (!taken.ok) res.set('Retry-After', String(taken.retryAfterSeconds));
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly capacity = 10_000,
  ) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1))
      throw new Error(
        `A rate limit needs perSecond > 0 and burst >= 1 (got ${limit.perSecond}/s, burst ${limit.burst}).`,
      );
  }

  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const tokens = this.level(this.buckets.get(key), now);
    this.buckets.delete(key); // re-inserted below: Map order is then least recently used first
    const ok = tokens >= 1;
    this.buckets.set(key, { tokens: ok ? tokens - 1 : tokens, at: now });
    this.trim();
    if (ok) return { ok: true };
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.limit.perSecond)),
    };
  }

  private level(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.limit.burst;
    const refill = (Math.max(0, now - bucket.at) / 1000) * this.limit.perSecond;
    return Math.min(this.limit.burst, bucket.tokens + refill);
  }

  private trim(): void {
    // The least recently used bucket goes first; a hook idle that long has mostly refilled.
    const oldest = this.buckets.size > this.capacity ? this.buckets.keys().next().value : undefined;
    if (oldest !== undefined) this.buckets.delete(oldest);
  }
}
