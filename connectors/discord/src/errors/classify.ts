import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import {
  UNKNOWN_RESOURCES,
  invalidMessage,
  permissionMessage,
  unknownMessage,
  type CallSite,
} from './describe.js';

/**
 * The `type` of the failure for Discord 5xx answers, network errors and timeouts (retried).
 * The catalog has no Discord-specific type for them yet; `HttpServerError` is the retryable one.
 *
 * @example
 * failure.type === DISCORD_UNAVAILABLE; // Discord answered 5xx or could not be reached
 */
export const DISCORD_UNAVAILABLE = ERROR_TYPES.httpServerError;

/** Network error codes (Node, undici) that mean "Discord could not be reached": retried. */
const NETWORK_CODES =
  /^(E(CONNRESET|CONNREFUSED|CONNABORTED|TIMEDOUT|NOTFOUND|AI_AGAIN|PIPE|HOSTUNREACH|NETUNREACH)|UND_ERR_.*)$/;

/**
 * The Discord JSON error code of an error thrown by discord.js's REST client, if it is one.
 *
 * @example
 * if (discordCode(error) === 10008) return {}; // the message is already gone
 */
export function discordCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number'
    ? error.code
    : undefined;
}

/**
 * A `.catch` handler that turns the given Discord error codes into `undefined` (e.g. "already
 * gone" on delete) and rethrows everything else.
 */
export function ignoreCodes(...codes: number[]): (error: unknown) => undefined {
  return (error) => {
    const code = discordCode(error);
    if (code !== undefined && codes.includes(code)) return undefined;
    throw error;
  };
}

/**
 * Classifies an error from a Discord REST call into the Temporal failure the interpreter acts on
 * (docs/discord.md, Errors):
 *
 * | Discord answer | failure `type` | retried? |
 * |---|---|---|
 * | 429 (answered, or our local bucket/global limiter) | `RateLimited` | yes, after exactly `retry_after` (`nextRetryDelay`) |
 * | 403 50013 / 50001 / 50007, other 403 | `MissingPermissions` | no |
 * | 404 (10003 channel, 10007 member, 10008 message, 10011 role, 10062 interaction, …), 400 10014 emoji, 401 50027 | `UnknownResource` | no |
 * | 400 50035 invalid form body and other 4xx | `InvalidRequest` | no |
 * | 401 (token refused) | `NotConfigured` | no |
 * | 5xx, network errors, timeouts | `HttpServerError` | yes, Temporal's backoff |
 *
 * Anything else (an `ApplicationFailure` already, a bug) is returned unchanged.
 *
 * @example
 * try { await rest.post(route, { body }); } catch (error) { throw classifyDiscordError(error, site); }
 */
export function classifyDiscordError(error: unknown, site?: CallSite): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof RateLimitError)
    return rateLimited(error.retryAfter, error.scope, error, site);
  if (error instanceof DiscordAPIError) return fromApiError(error, site);
  if (error instanceof HTTPError) {
    return ApplicationFailure.create({
      type: DISCORD_UNAVAILABLE,
      message: `Discord answered ${error.status} while Guildflow tried to ${site?.doing ?? 'call it'}; retrying.`,
      nonRetryable: false,
      details: [{ status: error.status, method: error.method, url: redact(error.url) }],
      cause: error,
    });
  }
  if (isNetworkError(error)) {
    const reason = networkReason(error);
    return ApplicationFailure.create({
      type: DISCORD_UNAVAILABLE,
      message: `Discord could not be reached while Guildflow tried to ${site?.doing ?? 'call it'} (${reason}); retrying.`,
      nonRetryable: false,
      details: [{ network: reason }],
      cause: error as Error,
    });
  }
  return error;
}

/**
 * Runs one Discord REST call and throws its failure classified (see {@link classifyDiscordError}).
 */
export async function discordCall<T>(site: CallSite, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw classifyDiscordError(error, site);
  }
}

function fromApiError(error: DiscordAPIError, site: CallSite | undefined): ApplicationFailure {
  const code = typeof error.code === 'number' ? error.code : 0;
  const details = [{ status: error.status, code, method: error.method, url: redact(error.url) }];
  const fail = (type: string, message: string) =>
    ApplicationFailure.create({ type, message, nonRetryable: true, details, cause: error });
  if (error.status === 429) {
    const raw = error.rawError as { retry_after?: unknown };
    const seconds = typeof raw.retry_after === 'number' ? raw.retry_after : 1;
    return rateLimited(seconds * 1000, 'user', error, site);
  }
  if (error.status >= 500) {
    return ApplicationFailure.create({
      type: DISCORD_UNAVAILABLE,
      message: `Discord answered ${error.status} while Guildflow tried to ${site?.doing ?? 'call it'}; retrying.`,
      nonRetryable: false,
      details,
      cause: error,
    });
  }
  if (code in UNKNOWN_RESOURCES || error.status === 404) {
    return fail(ERROR_TYPES.unknownResource, unknownMessage(site, code, error.message));
  }
  if (error.status === 401) {
    return fail(
      ERROR_TYPES.notConfigured,
      "Discord refused Guildflow's bot token (401 Unauthorized): check DISCORD_TOKEN.",
    );
  }
  if (error.status === 403 && code !== 50005) {
    return fail(ERROR_TYPES.missingPermissions, permissionMessage(site, code));
  }
  return fail(ERROR_TYPES.invalidRequest, invalidMessage(site, code, error.message));
}

function rateLimited(
  retryAfterMs: number,
  scope: string,
  cause: Error,
  site: CallSite | undefined,
): ApplicationFailure {
  const delay = Math.max(1, Math.ceil(retryAfterMs));
  return ApplicationFailure.create({
    type: ERROR_TYPES.rateLimited,
    message: `Discord rate limit (${scope}) while Guildflow tried to ${site?.doing ?? 'call it'}: retrying in ${formatMs(delay)}.`,
    nonRetryable: false,
    nextRetryDelay: delay,
    details: [{ retryAfterMs: delay, scope }],
    cause,
  });
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.test(code)) return true;
  if (error.message === 'fetch failed' || /ECONNRESET|socket hang up/.test(error.message))
    return true;
  return error.cause !== undefined && isNetworkError(error.cause);
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timed out';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return error.cause instanceof Error ? networkReason(error.cause) : error.message;
}

/** Interaction webhook URLs carry the interaction token: keep it out of failures and logs. */
function redact(url: string): string {
  return url
    .replace(/(\/webhooks\/\d+\/)[^/?]+/, '$1…')
    .replace(/(\/interactions\/\d+\/)[^/?]+/, '$1…');
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`;
}
