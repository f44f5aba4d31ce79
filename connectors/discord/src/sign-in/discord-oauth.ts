import {
  signInFailed,
  type ApiError,
  type DiscordGrant,
  type DiscordIdentity,
  type DiscordOAuth,
  type GuildsRecheck,
} from '@guildflow/engine/service';
import {
  DiscordUnreachable,
  callDiscord,
  grantOf,
  manageableGuildIds,
  tokenRequest,
} from './discord-user-api.js';

/** An access token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * The engine service's sign-in with Discord over Discord's OAuth2 API (or the sandbox's): the
 * authorization URL, the code exchange and the hourly re-check of a session's guilds.
 */
export function discordOAuth(settings: DiscordOAuthSettings): DiscordOAuth {
  return {
    authorizeUrl: (redirectUri, state) => authorizeUrlOf(settings, redirectUri, state),
    identityFromCode: (code, redirectUri, now) =>
      identityFromCode(settings, code, redirectUri, now),
    recheckGuilds: (grant, now) => recheckGuilds(settings, grant, now),
    sessionTtlMs: settings.sessionTtlMs,
    recheckEveryMs: settings.recheckEveryMs,
    unreachableGraceMs: settings.unreachableGraceMs,
  };
}

/**
 * Sign-in with Discord (OAuth2 authorization code flow), from the Discord application's OAuth2
 * page: `DISCORD_CLIENT_ID`, `DISCORD_CLIENT_SECRET` and optionally `DISCORD_API_BASE`; the
 * redirect URI is `<GUILDFLOW_PUBLIC_URL>/auth/discord/callback`.
 */
export interface DiscordOAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Discord's REST base, `https://discord.com/api/v10` by default; tests point it at the sandbox. */
  apiBase?: string | undefined;
  /** The consent page; defaults to `<apiBase without /api/vN>/oauth2/authorize`. */
  authorizeUrl?: string | undefined;
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

/**
 * Discord's default REST base for OAuth2 calls.
 *
 * @example
 * apiBaseOf({ clientId: '1', clientSecret: 's' }) === DISCORD_API_BASE; // true
 */
export const DISCORD_API_BASE = 'https://discord.com/api/v10';

/** What sign-in asks Discord for: who you are and which guilds you are in. */
export const SIGN_IN_SCOPES = 'identify guilds';

/**
 * The REST base of the settings, without a trailing slash.
 *
 * @example
 * apiBaseOf({ clientId: '1', clientSecret: 's' }); // 'https://discord.com/api/v10'
 */
export function apiBaseOf(settings: DiscordOAuthSettings): string {
  return (settings.apiBase ?? DISCORD_API_BASE).replace(/\/+$/, '');
}

/**
 * Where the browser is sent to approve the sign-in.
 *
 * @example
 * authorizeUrlOf(settings, 'https://gf.example/auth/discord/callback', state);
 * // 'https://discord.com/oauth2/authorize?client_id=…&redirect_uri=…&response_type=code&scope=identify+guilds&state=…'
 */
export function authorizeUrlOf(
  settings: DiscordOAuthSettings,
  redirectUri: string,
  state: string,
): string {
  const base =
    settings.authorizeUrl ??
    `${apiBaseOf(settings).replace(/\/api(\/v\d+)?$/, '')}/oauth2/authorize`;
  const url = new URL(base);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', SIGN_IN_SCOPES);
  url.searchParams.set('state', state);
  return url.toString();
}

/**
 * Trades an authorization code for the user's identity, their manageable guilds and Discord's
 * grant: the token exchange (form-encoded, client credentials), `/users/@me` and
 * `/users/@me/guilds` (every page). The grant is what lets the session re-check the guilds
 * later; the caller stores it sealed.
 */
export async function identityFromCode(
  settings: DiscordOAuthSettings,
  code: string,
  redirectUri: string,
  now: number,
): Promise<DiscordIdentity & { grant: DiscordGrant }> {
  try {
    return await exchangeCode(settings, code, redirectUri, now);
  } catch (error) {
    if (!(error instanceof DiscordUnreachable)) throw error;
    throw signInFailed(
      502,
      `Discord could not be reached (${error.message}). Try again in a moment.`,
    );
  }
}

async function exchangeCode(
  settings: DiscordOAuthSettings,
  code: string,
  redirectUri: string,
  now: number,
): Promise<DiscordIdentity & { grant: DiscordGrant }> {
  const api = apiBaseOf(settings);
  const exchanged = await tokenRequest(api, settings, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
  });
  if (!exchanged.ok) throw exchangeFailed(exchanged.status, exchanged.body);
  const grant = grantOf(exchanged.body, now);
  if (!grant)
    throw signInFailed(502, 'Discord answered the code exchange without an access token.');

  const me = await callDiscord(`${api}/users/@me`, {
    headers: { Authorization: `Bearer ${grant.accessToken}`, Accept: 'application/json' },
  });
  const user = me.body as { id?: unknown; username?: unknown };
  if (!me.ok || typeof user?.id !== 'string' || typeof user.username !== 'string')
    throw signInFailed(
      502,
      `Discord did not say who signed in (GET /users/@me answered ${me.status}).`,
    );

  const listed = await manageableGuildIds(api, grant.accessToken);
  if (!listed.ok)
    throw signInFailed(
      502,
      `Discord did not list your servers (GET /users/@me/guilds answered ${listed.status}).`,
    );
  return { user: { id: user.id, username: user.username }, guildIds: listed.guildIds, grant };
}

function exchangeFailed(status: number, body: unknown): ApiError {
  const error = (body as { error?: unknown } | null)?.error;
  if (error === 'invalid_client')
    return signInFailed(
      502,
      'Discord refused this Guildflow’s client credentials (invalid_client): check DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET against the Discord application’s OAuth2 page.',
    );
  if (error === 'invalid_grant')
    return signInFailed(
      400,
      'Discord refused the sign-in code (invalid_grant): it expired, was already used, or the redirect URI differs from the one registered. Sign in again.',
    );
  return signInFailed(
    502,
    `Discord refused the code exchange (${status}${typeof error === 'string' ? ` ${error}` : ''}). Try signing in again.`,
  );
}

/** Asks Discord for the user's manageable guilds, refreshing the access token when needed. */
export async function recheckGuilds(
  settings: DiscordOAuthSettings,
  grant: DiscordGrant,
  now: number,
): Promise<GuildsRecheck> {
  const api = apiBaseOf(settings);
  try {
    let current = grant;
    let refreshed = false;
    const refresh = async (): Promise<GuildsRecheck | undefined> => {
      if (!current.refreshToken) return { kind: 'revoked' };
      const answer = await tokenRequest(api, settings, {
        grant_type: 'refresh_token',
        refresh_token: current.refreshToken,
      });
      const error = (answer.body as { error?: unknown } | null)?.error;
      if (!answer.ok && error === 'invalid_grant') return { kind: 'revoked' };
      const renewed = answer.ok ? grantOf(answer.body, now) : undefined;
      if (!renewed)
        return {
          kind: 'unavailable',
          reason: `refreshing the access token answered ${answer.status}${typeof error === 'string' ? ` ${error}` : ''}`,
        };
      current = renewed;
      refreshed = true;
      return undefined;
    };
    if (current.expiresAt <= now + EXPIRY_MARGIN_MS) {
      const failed = await refresh();
      if (failed) return failed;
    }
    let listed = await manageableGuildIds(api, current.accessToken);
    if (!listed.ok && listed.status === 401 && !refreshed) {
      // Discord may have expired the token early: one refresh tells that from a revoked grant.
      const failed = await refresh();
      if (failed) return failed;
      listed = await manageableGuildIds(api, current.accessToken);
    }
    if (listed.ok)
      return { kind: 'confirmed', guildIds: listed.guildIds, grant: current, refreshed };
    if (listed.status === 401) return { kind: 'revoked' };
    return { kind: 'unavailable', reason: `GET /users/@me/guilds answered ${listed.status}` };
  } catch (error) {
    if (error instanceof DiscordUnreachable)
      return { kind: 'unavailable', reason: `Discord could not be reached (${error.message})` };
    throw error;
  }
}
