import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi.js';

/** Where the signed-in token is kept (the sign-in page of the service uses the same key). */
export const TOKEN_KEY = 'guildflow.token';

/** The error every API failure becomes: the service's `{ error: { code, message, details? } }`. */
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

/** The stored token, or null when signed out. */
export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

const bearer: Middleware = {
  onRequest({ request }) {
    const token = storedToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/**
 * The typed API client (paths and bodies from docs/api/openapi.json). Prefer {@link call}, which
 * turns error answers into {@link ApiError}.
 *
 * @example
 * const graph = await call(api.GET('/api/guilds/{guildId}/graphs/{graphId}', { params: { path: { guildId, graphId } } }));
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up on each request (not captured once), so tests can answer in the service's place.
  fetch: (request) => globalThis.fetch(request),
});
api.use(bearer);

type ErrorBody = components['schemas']['Error'];

/** The data of a successful answer; an error answer (or a failed request) throws {@link ApiError}. */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await request;
  } catch (error) {
    throw new ApiError(
      0,
      'network',
      `Guildflow did not answer (${error instanceof Error ? error.message : String(error)}): check that it is running.`,
    );
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  const body = (error as Partial<ErrorBody> | undefined)?.error;
  throw new ApiError(
    response.status,
    body?.code ?? 'http_error',
    body?.message ?? `The service answered ${response.status} ${response.statusText}.`,
    body?.details,
  );
}
