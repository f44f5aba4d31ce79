import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.js';

describe('token buckets', () => {
  it('allows a burst, then refills at the configured rate, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => buckets.take('a').ok)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('b').ok).toBe(true);
    now += 500; // one token back
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('a').ok).toBe(false);
    now += 60_000; // never more than the burst
    expect([1, 2, 3, 4].map(() => buckets.take('a').ok)).toEqual([true, true, true, false]);
    expect(() => new TokenBuckets({ perSecond: 0, burst: 1 })).toThrow(/perSecond > 0/);
  });

  it('keeps at most `capacity` buckets', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, () => 0, 2);
    buckets.take('a');
    buckets.take('b');
    buckets.take('c'); // drops a, the least recently used
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('c').ok).toBe(false);
  });
});
