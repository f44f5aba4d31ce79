import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import type { Caller } from '../auth/caller.js';
import { ApiError } from '../errors.js';

/** One limit: at most `limit` requests (or failures) per `windowMs`, per client. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/**
 * The service's request limits (`ServiceDeps.rateLimits`). Counters live in this process's
 * memory unless `store` makes a shared store for each limit (any express-rate-limit store).
 */
export interface RateLimitSettings {
  /** 401 answers of `/api` per client IP; past it every `/api` request from that IP is refused. */
  failedAuth: RateWindow;
  /** Requests to `/auth/discord` and its callback, per client IP. */
  signIn: RateWindow;
  /** Deliveries to `/stripe/webhook`, per client IP. */
  stripeWebhook: RateWindow;
  /** Authenticated `/api` requests per caller (the admin token, or one signed-in user). */
  api: RateWindow;
  /** A store for the counters of one limit; in-memory (this process) when unset. */
  store?: ((name: RateLimitName) => Store) | undefined;
}

/** The names of the limits (the `RateLimit` headers spell them in kebab-case, e.g. `failed-auth`). */
export type RateLimitName = 'failedAuth' | 'signIn' | 'stripeWebhook' | 'api';

/**
 * The limits when nothing else is configured. The API limit leaves the builder room to poll runs
 * and save drafts every second or two; the failure limit makes guessing tokens pointless.
 *
 * @example
 * DEFAULT_RATE_LIMITS.api; // { limit: 600, windowMs: 60_000 }
 */
export const DEFAULT_RATE_LIMITS: Readonly<Omit<RateLimitSettings, 'store'>> = {
  failedAuth: { limit: 20, windowMs: 10 * 60_000 },
  signIn: { limit: 30, windowMs: 10 * 60_000 },
  stripeWebhook: { limit: 600, windowMs: 60_000 },
  api: { limit: 600, windowMs: 60_000 },
};

/** The middleware of each limit (each passes everything on when limits are off). */
export type RateLimiters = Record<RateLimitName, RequestHandler>;

const passOn: RequestHandler = (_req, _res, next) => next();

/**
 * Builds the limiters of one app (each with its own counters) from the settings, over the
 * defaults; `false` turns every limit off. Over a limit the answer is 429 `rate_limited` with
 * `Retry-After` and the IETF `RateLimit`/`RateLimit-Policy` headers, and nothing else runs.
 *
 * @example
 * const limits = rateLimiters(deps.rateLimits);
 * app.use('/stripe/webhook', limits.stripeWebhook);
 */
export function rateLimiters(
  settings: Partial<RateLimitSettings> | false | undefined,
): RateLimiters {
  if (settings === false)
    return { failedAuth: passOn, signIn: passOn, stripeWebhook: passOn, api: passOn };
  const config = { ...DEFAULT_RATE_LIMITS, ...settings };
  const limiter = (
    name: RateLimitName,
    message: (window: RateWindow) => string,
    extra: Parameters<typeof rateLimit>[0] = {},
  ): RequestHandler => {
    const window = config[name];
    return rateLimit({
      windowMs: window.windowMs,
      limit: window.limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
      ...(config.store ? { store: config.store(name) } : {}),
      handler: (req, _res, next) =>
        next(new ApiError(429, 'rate_limited', message(window).replace('{s}', retryAfter(req)))),
      ...extra,
    });
  };
  return {
    // Only answers that are 401 count; any other answer is taken back when it is sent. A client
    // over the limit is refused before its token is looked at, so a right guess is refused too.
    failedAuth: limiter(
      'failedAuth',
      ({ limit, windowMs }) =>
        `More than ${limit} requests with a missing, wrong or expired token came from your address in ${duration(windowMs)}: wait {s} s (Retry-After), then send a valid token — the admin token \`npm start\` printed, or sign in again.`,
      {
        skipSuccessfulRequests: true,
        requestWasSuccessful: (_req: Request, res: Response) => res.statusCode !== 401,
      },
    ),
    signIn: limiter(
      'signIn',
      ({ limit, windowMs }) =>
        `More than ${limit} sign-in requests came from your address in ${duration(windowMs)}: wait {s} s (Retry-After), then sign in again.`,
    ),
    stripeWebhook: limiter(
      'stripeWebhook',
      ({ limit, windowMs }) =>
        `More than ${limit} webhook deliveries came from this address in ${duration(windowMs)}: nothing was processed; Stripe delivers the event again later (retry after {s} s).`,
    ),
    api: limiter(
      'api',
      ({ limit, windowMs }) =>
        `You sent more than ${limit} API requests in ${duration(windowMs)} (the limit per admin token or signed-in user): wait {s} s (Retry-After), then poll less often.`,
      // Behind authenticate: one counter per caller, wherever their requests come from.
      { keyGenerator: (_req: Request, res: Response) => callerKey(res.locals.caller as Caller) },
    ),
  };
}

function callerKey(caller: Caller): string {
  return caller.kind === 'admin' ? 'admin' : `user:${caller.userId}`;
}

function retryAfter(req: Request): string {
  const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return String(resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 1);
}

function duration(windowMs: number): string {
  if (windowMs < 60_000) return `${Math.round(windowMs / 1000)} s`;
  const m = Math.round(windowMs / 60_000);
  return m === 1 ? 'a minute' : `${m} minutes`;
}
