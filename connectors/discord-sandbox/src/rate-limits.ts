import { createHash } from 'node:crypto';
import { stripApiPrefix } from './route-pattern.js';

/** Per-route limits: at most `limit` requests per `windowMs` for each bucket and major parameter. */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

/** The outcome for one request: headers to send, and whether it is over the limit. */
export interface RateLimitDecision {
  headers: Record<string, string>;
  bucket: string;
  retryAfter: number | null;
}

/**
 * Discord-style route buckets: requests are counted per route template (ids replaced) and major
 * parameter (channel, guild, or webhook), and every response carries `X-RateLimit-Limit`,
 * `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`, which discord.js uses to pace itself.
 * Going over the limit answers a real 429.
 *
 * @example
 * const limiter = new RateLimiter({ limit: 50, windowMs: 1000 });
 * const { headers, retryAfter } = limiter.take('POST', '/channels/1/messages');
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly options: RateLimitOptions | false) {}

  take(method: string, path: string, now = Date.now()): RateLimitDecision {
    const { template, major } = routeKey(path);
    const bucket = createHash('sha1')
      .update(`${method.toUpperCase()} ${template}`)
      .digest('hex')
      .slice(0, 32);
    if (!this.options) return { headers: {}, bucket, retryAfter: null };
    const key = `${bucket}:${major}`;
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetAfter = (window.resetAt - now) / 1000;
    const headers = {
      'X-RateLimit-Limit': String(this.options.limit),
      'X-RateLimit-Remaining': String(Math.max(0, this.options.limit - window.count)),
      'X-RateLimit-Reset': (window.resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': resetAfter.toFixed(3),
      'X-RateLimit-Bucket': bucket,
    };
    return {
      headers,
      bucket,
      retryAfter: window.count > this.options.limit ? Math.max(0.001, resetAfter) : null,
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

/**
 * The route template and major parameter of a path, like Discord's bucketing.
 *
 * @example
 * routeKey('/channels/1/messages/2'); // { template: '/channels/:major/messages/:id', major: '1' }
 */
export function routeKey(path: string): { template: string; major: string } {
  const segs = stripApiPrefix(path).split('/').filter(Boolean);
  let major = 'global';
  const template = segs.map((seg, i) => {
    const prev = segs[i - 1];
    if (i === 1 && (prev === 'channels' || prev === 'guilds' || prev === 'webhooks')) {
      major = prev === 'webhooks' ? `${seg}/${segs[2] ?? ''}` : seg;
      return ':major';
    }
    if (prev === 'reactions') return ':emoji';
    if ((segs[0] === 'webhooks' && i === 2) || (segs[0] === 'interactions' && i === 2))
      return ':token';
    return /^\d+$/.test(seg) ? ':id' : seg;
  });
  return { template: `/${template.join('/')}`, major };
}
