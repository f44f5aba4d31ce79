import { isGrpcServiceError } from '@temporalio/client';
import type { ServiceDeps } from '../deps.js';

/** The part of the service's dependencies a Temporal call needs (the gateway has only these). */
export type TemporalDeps = Pick<ServiceDeps, 'temporal' | 'temporalTimeoutMs'>;
import { ApiError } from '../errors.js';

const DEFAULT_TIMEOUT_MS = 5000;
// gRPC status codes that mean "Temporal is not there" rather than "the request was wrong".
const UNREACHABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/**
 * Runs a Temporal client call with a deadline, so a Temporal outage answers 503 within
 * `deps.temporalTimeoutMs` instead of waiting out the client's own retries.
 */
export function temporalCall<T>(
  deps: TemporalDeps,
  fn: () => Promise<T>,
  timeoutMs = deps.temporalTimeoutMs ?? DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return deps.temporal.connection.withDeadline(Date.now() + timeoutMs, fn);
}

/**
 * True when `error` (or a cause of it) says Temporal could not be reached in time.
 *
 * @example
 * catch (error) { if (isTemporalUnavailable(error)) throw temporalUnavailable(); }
 */
export function isTemporalUnavailable(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 6;
    current = current.cause, depth += 1
  ) {
    if (isGrpcServiceError(current) && UNREACHABLE_CODES.has(current.code)) return true;
    const code = (current as { code?: unknown }).code;
    if (current.name === 'ServiceError' && typeof code === 'number' && UNREACHABLE_CODES.has(code))
      return true;
    if (
      /Failed to connect before the deadline|ECONNREFUSED|Connection dropped|No connection established/i.test(
        current.message,
      )
    )
      return true;
  }
  return false;
}

/**
 * The API error for a Temporal outage.
 *
 * @example
 * throw temporalUnavailable();
 */
export function temporalUnavailable(): ApiError {
  return new ApiError(
    503,
    'temporal_unavailable',
    'Temporal (the workflow engine) is not reachable, so no run was started or read. Try again shortly; GET /api/health shows when it is back.',
  );
}
