/**
 * How `http.request` fails: every failure is an ApplicationFailure typed with a shared code
 * (`ERROR_TYPES`), retryable or not, with a message that says what happened and what to do.
 *
 * | what happened                         | type                 | retried                       |
 * | ------------------------------------- | -------------------- | ----------------------------- |
 * | destination not public                | `BlockedDestination` | no                            |
 * | 429                                   | `RateLimited`        | yes, after its `Retry-After`  |
 * | 5xx                                   | `HttpServerError`    | yes, with the node's backoff  |
 * | other 4xx                             | `HttpClientError`    | no                            |
 * | attempt timed out                     | `Timeout`            | yes                           |
 * | DNS failure, refused or reset         | `ConnectionError`    | yes                           |
 * | answer over the size cap              | `ResponseTooLarge`   | no                            |
 * | too many redirects, non-http redirect | `InvalidRequest`     | no                            |
 */
import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { BlockedDestinationError } from './guard.js';

/** A failure found while sending (not an HTTP status): too large, too many redirects. */
export class RequestProblem extends Error {
  constructor(
    readonly type: 'ResponseTooLarge' | 'InvalidRequest',
    message: string,
  ) {
    super(message);
    this.name = 'RequestProblem';
  }
}

/** The URL as messages show it: no user info, no query (either may hold a secret). */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Longest piece of an error answer's body quoted in the failure message. */
const QUOTED_BODY_CHARS = 300;

/**
 * The failure for an answer of 400 or more.
 *
 * @example
 * answerFailure(503, {}, 'GET https://api.example.com/x', 'busy').nonRetryable; // false
 */
export function answerFailure(
  status: number,
  headers: Record<string, string>,
  request: string,
  body: string,
  now: number = Date.now(),
): ApplicationFailure {
  const quoted = body.trim().slice(0, QUOTED_BODY_CHARS);
  const said = `${request} answered ${status}${quoted ? `: ${quoted}` : ''}`;
  if (status === 429) {
    const delay = retryAfterMs(headers['retry-after'], now);
    return ApplicationFailure.create({
      type: ERROR_TYPES.rateLimited,
      message: `${said} (rate limited; retried${delay === undefined ? '' : ` after ${Math.ceil(delay / 1000)}s, as the server asked`}).`,
      nonRetryable: false,
      ...(delay === undefined ? {} : { nextRetryDelay: delay }),
    });
  }
  if (status >= 500) {
    return ApplicationFailure.create({
      type: ERROR_TYPES.httpServerError,
      message: `${said} (a server error; retried).`,
      nonRetryable: false,
    });
  }
  return ApplicationFailure.create({
    type: ERROR_TYPES.httpClientError,
    message: `${said}. Check the URL, method, headers and credential of the request; it is not retried.`,
    nonRetryable: true,
  });
}

/** Longest wait a `Retry-After` may ask for (Temporal then waits that long between attempts). */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Milliseconds a `Retry-After` header asks to wait (seconds or an HTTP date), capped at 10
 * minutes; undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs('2'); // 2000
 */
export function retryAfterMs(
  header: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The failure for an error thrown while sending: a refused destination, a timeout, a broken
 * connection, or a {@link RequestProblem}.
 */
export function sendFailure(
  error: unknown,
  request: string,
  timedOutAfterMs?: number,
): ApplicationFailure {
  if (error instanceof BlockedDestinationError) {
    return ApplicationFailure.create({
      type: ERROR_TYPES.blockedDestination,
      message: `${request} refused: ${error.message}. Only public addresses can be called; a self-hosted install can allow an internal host with GUILDFLOW_HTTP_ALLOW (see docs/http.md).`,
      nonRetryable: true,
    });
  }
  if (error instanceof RequestProblem) {
    return ApplicationFailure.create({
      type: error.type,
      message: error.message,
      nonRetryable: true,
    });
  }
  if (timedOutAfterMs !== undefined) {
    return ApplicationFailure.create({
      type: ERROR_TYPES.timeout,
      message: `${request} did not answer within ${timedOutAfterMs} ms (retried; raise \`timeout\` if the server is slow).`,
      nonRetryable: false,
    });
  }
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  return ApplicationFailure.create({
    type: ERROR_TYPES.connectionError,
    message: `${request} could not connect${typeof code === 'string' ? ` (${code})` : ''}: ${detail} (retried).`,
    nonRetryable: false,
  });
}
