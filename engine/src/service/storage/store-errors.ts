import { ApiError } from '../errors.js';

/**
 * Thrown when the store cannot be reached; the error middleware answers 503 `store_unavailable`.
 *
 * @example
 * if (connection.readyState !== 1) throw new StoreUnavailableError('not connected');
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

// Driver and mongoose errors that mean "the server is not reachable", as opposed to a bad query.
const UNREACHABLE_NAMES = new Set([
  'StoreUnavailableError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/**
 * True when `error` (or one of its causes) says the store is down rather than that a query
 * was wrong.
 *
 * @example
 * catch (error) { if (isStoreUnavailable(error)) return res.status(503)…; throw error; }
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 5;
    current = current.cause, depth += 1
  ) {
    if (UNREACHABLE_NAMES.has(current.name)) return true;
    // mongoose with bufferCommands off, on a connection that is not (yet) open.
    if (
      current.name === 'MongooseError' &&
      /initial connection|buffering timed out|Connection was force closed|client was closed/i.test(
        current.message,
      )
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The API error for a store outage.
 *
 * @example
 * throw storeUnavailable();
 */
export function storeUnavailable(): ApiError {
  return new ApiError(
    503,
    'store_unavailable',
    'The database (MongoDB) is not reachable, so nothing was changed. Try again shortly; GET /api/health shows when it is back.',
  );
}

/**
 * True for a duplicate-key error (a unique index refused the write).
 *
 * @example
 * catch (error) { if (isDuplicateKey(error)) return alreadyThere(); throw error; }
 */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
