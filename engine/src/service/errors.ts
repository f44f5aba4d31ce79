/**
 * An API error with a stable code; the error middleware turns it into
 * `{ error: { code, message, details? } }` with this HTTP status.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'No graph with that id in this guild.');
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Builds the error body for an ApiError. */
export function errorBody(error: ApiError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}
