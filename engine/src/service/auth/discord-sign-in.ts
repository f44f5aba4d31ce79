import { ApiError } from '../errors.js';

/**
 * What Discord granted at sign-in: the user's access token, the refresh token that renews it,
 * and when the access token expires (ms since the epoch). Stored only sealed (secret box).
 */
export interface DiscordGrant {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
}

/** Who signed in, and the guilds they may manage. */
export interface DiscordIdentity {
  user: { id: string; username: string };
  guildIds: string[];
}

/** What asking Discord again for a signed-in user's manageable guilds gave. */
export type GuildsRecheck =
  | { kind: 'confirmed'; guildIds: string[]; grant: DiscordGrant; refreshed: boolean }
  | { kind: 'revoked' }
  | { kind: 'unavailable'; reason: string };

/**
 * Sign-in with Discord (OAuth2 authorization code flow) as the service uses it: the calls to
 * Discord live in `@guildflow/discord` (`discordOAuth(settings)`), the sessions here.
 */
export interface DiscordOAuth {
  /** Where the browser is sent to approve the sign-in. */
  authorizeUrl(redirectUri: string, state: string): string;
  /**
   * Trades an authorization code for the user's identity, their manageable guilds and Discord's
   * grant; refusals throw a `sign_in_failed` {@link ApiError} ({@link signInFailed}).
   */
  identityFromCode(
    code: string,
    redirectUri: string,
    now: number,
  ): Promise<DiscordIdentity & { grant: DiscordGrant }>;
  /** Asks Discord for the grant's manageable guilds, refreshing the access token when needed. */
  recheckGuilds(grant: DiscordGrant, now: number): Promise<GuildsRecheck>;
  /** How long a signed-in session lasts (default: SESSION_TTL_MS, a week). */
  sessionTtlMs?: number | undefined;
  /** How often a session's guilds are confirmed with Discord while it is used (default: an hour). */
  recheckEveryMs?: number | undefined;
  /**
   * How long past a due check the last confirmed guilds still count while Discord cannot be
   * reached (default: two hours); after that the session's requests answer 503.
   */
  unreachableGraceMs?: number | undefined;
}

/** A `sign_in_failed` error: 400 when signing in again helps, 502 when Discord or the setup failed. */
export function signInFailed(status: 400 | 502, message: string): ApiError {
  return new ApiError(status, 'sign_in_failed', message);
}
