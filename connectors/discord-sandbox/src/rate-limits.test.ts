import { describe, expect, it } from 'vitest';
import { RateLimiter, routeKey } from './rate-limits.js';

describe('rate limits', () => {
  it('buckets by route template and major parameter, like Discord', () => {
    expect(routeKey('/channels/1/messages/2')).toEqual({
      template: '/channels/:major/messages/:id',
      major: '1',
    });
    expect(routeKey('/webhooks/9/tok/messages/@original')).toEqual({
      template: '/webhooks/:major/:token/messages/@original',
      major: '9/tok',
    });
    expect(routeKey('/channels/1/messages/2/reactions/🎉/@me').template).toBe(
      '/channels/:major/messages/:id/reactions/:emoji/@me',
    );
  });

  it('counts per window and answers retryAfter past the limit', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 });
    const now = 1_000_000;
    expect(limiter.take('POST', '/channels/1/messages', now)).toMatchObject({
      retryAfter: null,
      headers: { 'X-RateLimit-Remaining': '1' },
    });
    expect(limiter.take('POST', '/channels/1/messages', now + 1)).toMatchObject({
      retryAfter: null,
      headers: { 'X-RateLimit-Remaining': '0' },
    });
    expect(limiter.take('POST', '/channels/1/messages', now + 500).retryAfter).toBeCloseTo(0.5, 2);
    // Another channel is another bucket instance; the window resets after windowMs.
    expect(limiter.take('POST', '/channels/2/messages', now + 500).retryAfter).toBeNull();
    expect(limiter.take('POST', '/channels/1/messages', now + 1000).retryAfter).toBeNull();
  });

  it('sends no headers when turned off', () => {
    expect(new RateLimiter(false).take('GET', '/users/@me')).toMatchObject({
      headers: {},
      retryAfter: null,
    });
  });
});
