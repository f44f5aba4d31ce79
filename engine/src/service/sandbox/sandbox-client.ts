import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';

/** A control-API call gets this long before the sandbox counts as not answering. */
const CALL_TIMEOUT_MS = 5_000;

/**
 * Calls the Discord sandbox's control API (`<sandboxUrl>/sandbox/…`) and returns its JSON.
 * The sandbox's own refusals become API errors with its message (unknown ids → 404
 * `not_found`, invalid bodies → 400 `invalid_request`, things a member could not do on Discord
 * → 409 `sandbox_refused`); no sandbox configured, or none answering → 503 `sandbox_unavailable`.
 *
 * @example
 * const state = await sandboxCall<{ guilds: unknown[] }>(deps, 'GET', '/state');
 */
export async function sandboxCall<T>(
  deps: Pick<ServiceDeps, 'sandboxUrl'>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const base = deps.sandboxUrl?.replace(/\/+$/, '');
  if (!base)
    throw new ApiError(
      503,
      'sandbox_unavailable',
      'No Discord sandbox is configured for this Guildflow. Start it with `npm start` without DISCORD_TOKEN (the sandbox starts with it), or set GUILDFLOW_SANDBOX_URL to a running sandbox.',
    );
  let response: Response;
  try {
    response = await fetch(`${base}/sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      503,
      'sandbox_unavailable',
      `The Discord sandbox at ${base} did not answer (${reason}). Check that it is running (\`npm start\` starts it) and that GUILDFLOW_SANDBOX_URL points at it.`,
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return json as T;
  const refusal = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const message =
    typeof refusal?.message === 'string'
      ? refusal.message
      : `The sandbox answered ${response.status}.`;
  if (response.status === 404)
    throw new ApiError(404, 'not_found', `${message} See GET /api/sandbox for the sandbox’s ids.`);
  if (response.status === 400) throw new ApiError(400, 'invalid_request', message);
  if (response.status === 403 || response.status === 409)
    throw new ApiError(409, 'sandbox_refused', `${message} Discord would not allow this either.`);
  throw new ApiError(
    503,
    'sandbox_unavailable',
    `The Discord sandbox failed (${response.status}: ${message}). Try again; restart it if this persists.`,
  );
}
