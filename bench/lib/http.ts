/** A tiny JSON HTTP client for the load generator, timing each call end to end. */
import { performance } from 'node:perf_hooks';

/** One timed answer. */
export interface TimedAnswer {
  status: number;
  etag: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads arbitrary JSON answers
  body: any;
  /** Request sent → whole body read, milliseconds. */
  ms: number;
}

/**
 * A caller of one service with a bearer token (Node's fetch keeps connections alive).
 *
 * @example
 * const api = apiClient(url, token);
 * const { status, body, ms } = await api('GET', '/api/catalog');
 */
export function apiClient(baseUrl: string, token: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TimedAnswer> => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const json =
      (response.headers.get('content-type') ?? '').includes('json') && text
        ? JSON.parse(text)
        : text;
    return { status: response.status, etag: response.headers.get('etag'), body: json, ms };
  };
}
