import { REST } from 'discord.js';

/** Discord's REST base (without version), discord.js's default. */
export const DISCORD_API_URL = 'https://discord.com/api';

/**
 * How long one REST request may take before it is aborted (and the activity retried by
 * Temporal); well inside the actions' 30 s start-to-close timeout.
 */
export const DISCORD_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Options of {@link createDiscordRest}.
 */
export interface DiscordRestOptions {
  /** The bot token (without the `Bot ` prefix). */
  token: string;
  /** REST base URL without version: Discord by default, the sandbox's `apiUrl` in tests. */
  apiUrl?: string | undefined;
  /** Per-request timeout; {@link DISCORD_REQUEST_TIMEOUT_MS} by default. */
  timeoutMs?: number | undefined;
}

/**
 * discord.js's REST client configured for activities, where Temporal does the retrying:
 *
 * - `rejectOnRateLimit` for every route: a 429 (or a bucket discord.js already knows is empty,
 *   or its per-process 50 requests/s global limiter) throws a `RateLimitError` at once instead of
 *   sleeping inside the worker; the executor turns it into a retryable failure whose
 *   `nextRetryDelay` is Discord's `retry_after`.
 * - `retries: 0`: a 5xx, timeout or reset connection is not retried inside discord.js, so one
 *   activity attempt is one request and Temporal's backoff and attempt count apply.
 * - `offset: 0`: the delay reported for a 429 is exactly Discord's `Retry-After`.
 *
 * @example
 * const rest = createDiscordRest({ token: sandbox.token, apiUrl: sandbox.apiUrl });
 * await rest.post(Routes.channelMessages(channelId), { body: { content: 'Hi' } });
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  return new REST({
    api: options.apiUrl ?? DISCORD_API_URL,
    rejectOnRateLimit: () => true,
    retries: 0,
    offset: 0,
    timeout: options.timeoutMs ?? DISCORD_REQUEST_TIMEOUT_MS,
  }).setToken(options.token);
}

/**
 * True when the client talks to real Discord (not the sandbox or another double).
 *
 * @example
 * isRealDiscord(createDiscordRest({ token })); // true
 */
export function isRealDiscord(rest: REST): boolean {
  return /^https:\/\/([a-z]+\.)?discord(app)?\.com\//.test(`${rest.options.api}/`);
}

// The id is read from tokens where slash commands are registered too (routing/command-sync).
/**
 * The application (and bot user) id encoded in a bot token's first segment, or undefined when
 * the token does not have that shape.
 *
 * @example
 * applicationIdFromToken('MTMwMDAwMDAwMDAwMDAwMDAwMQ.sandbox.x'); // '1300000000000000001'
 */
export function applicationIdFromToken(token: string): string | undefined {
  const decoded = Buffer.from(token.split('.')[0] ?? '', 'base64').toString('utf8');
  return /^\d{15,21}$/.test(decoded) ? decoded : undefined;
}
