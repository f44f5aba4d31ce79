import { ApiError } from '../errors.js';

/**
 * Sign-in with Discord (OAuth2 authorization code flow), from the Discord application's OAuth2
 * page: `DISCORD_CLIENT_ID`, `DISCORD_CLIENT_SECRET` and optionally `DISCORD_API_BASE`; the
 * redirect URI is `<GUILDFLOW_PUBLIC_URL>/auth/discord/callback`.
 *
 * @example
 * const discordOAuth: DiscordOAuthSettings = { clientId: '1300…', clientSecret: 's3cret' };
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
}

/**
 * Who signed in, and the guilds they may manage.
 *
 * @example
 * { user: { id: '42', username: 'ana' }, guildIds: ['123'] }
 */
export interface DiscordIdentity {
  user: { id: string; username: string };
  guildIds: string[];
}

/**
 * Discord's default REST base for OAuth2 calls.
 *
 * @example
 * apiBaseOf({ clientId: '1', clientSecret: 's' }) === DISCORD_API_BASE; // true
 */
export const DISCORD_API_BASE = 'https://discord.com/api/v10';

/**
 * What sign-in asks Discord for: who you are and which guilds you are in.
 *
 * @example
 * url.searchParams.set('scope', SIGN_IN_SCOPES);
 */
export const SIGN_IN_SCOPES = 'identify guilds';

const ADMINISTRATOR = 0x8n;
const MANAGE_GUILD = 0x20n;
const CALL_TIMEOUT_MS = 10_000;
const PAGE = 200;

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
 * True when a guild of `/users/@me/guilds` may be managed in Guildflow by this user: they own
 * it, or have Manage Guild (or Administrator, which implies it).
 *
 * @example
 * mayManage({ owner: false, permissions: '32' }); // true
 */
export function mayManage(guild: { owner?: unknown; permissions?: unknown }): boolean {
  if (guild.owner === true) return true;
  if (typeof guild.permissions !== 'string' || !/^\d{1,30}$/.test(guild.permissions)) return false;
  const bits = BigInt(guild.permissions);
  return (bits & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n;
}

/**
 * Trades an authorization code for the user's identity and manageable guilds: the token
 * exchange (form-encoded, client credentials), `/users/@me` and `/users/@me/guilds` (every
 * page). The access token is used for these calls only and never stored.
 *
 * @example
 * const { user, guildIds } = await identityFromCode(settings, code, redirectUri);
 */
export async function identityFromCode(
  settings: DiscordOAuthSettings,
  code: string,
  redirectUri: string,
): Promise<DiscordIdentity> {
  const api = apiBaseOf(settings);
  const exchanged = await call(`${api}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
    }),
  });
  if (!exchanged.ok) throw exchangeFailed(exchanged.status, exchanged.body);
  const accessToken = (exchanged.body as { access_token?: unknown }).access_token;
  if (typeof accessToken !== 'string' || !accessToken)
    throw signInFailed(502, 'Discord answered the code exchange without an access token.');
  const auth = { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } };

  const me = await call(`${api}/users/@me`, auth);
  const user = me.body as { id?: unknown; username?: unknown; global_name?: unknown };
  if (!me.ok || typeof user.id !== 'string' || typeof user.username !== 'string')
    throw signInFailed(
      502,
      `Discord did not say who signed in (GET /users/@me answered ${me.status}).`,
    );

  const guildIds: string[] = [];
  for (let after = '0'; ;) {
    const page = await call(`${api}/users/@me/guilds?limit=${PAGE}&after=${after}`, auth);
    if (!page.ok || !Array.isArray(page.body))
      throw signInFailed(
        502,
        `Discord did not list your servers (GET /users/@me/guilds answered ${page.status}).`,
      );
    const guilds = page.body as Array<{ id?: unknown; owner?: unknown; permissions?: unknown }>;
    for (const guild of guilds)
      if (typeof guild.id === 'string' && mayManage(guild)) guildIds.push(guild.id);
    const last = guilds.at(-1)?.id;
    if (guilds.length < PAGE || typeof last !== 'string') break;
    after = last;
  }
  return { user: { id: user.id, username: user.username }, guildIds };
}

async function call(
  url: string,
  init: RequestInit,
): Promise<{ ok: boolean; status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw signInFailed(502, `Discord could not be reached (${reason}). Try again in a moment.`);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep the text: an HTML error page from a proxy
  }
  return { ok: response.ok, status: response.status, body };
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

/**
 * A `sign_in_failed` error: 400 when signing in again helps, 502 when Discord or the setup failed.
 *
 * @example
 * throw signInFailed(502, 'Discord could not be reached.');
 */
export function signInFailed(status: 400 | 502, message: string): ApiError {
  return new ApiError(status, 'sign_in_failed', message);
}
