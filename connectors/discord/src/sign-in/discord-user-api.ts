/**
 * The calls Guildflow makes to Discord on a signed-in user's behalf (OAuth2 token endpoint,
 * `/users/@me/guilds`), shared by sign-in and the hourly re-check of a session's guilds.
 */
import type { DiscordGrant } from '@guildflow/engine/service';

/** One answer of Discord: status and parsed body (text when it is not JSON). */
export interface DiscordAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

/**
 * Thrown when Discord could not be reached at all (network error, timeout).
 *
 * @example
 * if (error instanceof DiscordUnreachable) keepLastKnownGuilds();
 */
export class DiscordUnreachable extends Error {
  override name = 'DiscordUnreachable';
}

const ADMINISTRATOR = 0x8n;
const MANAGE_GUILD = 0x20n;
const CALL_TIMEOUT_MS = 10_000;
const PAGE = 200;

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
 * A request to Discord with a timeout; throws {@link DiscordUnreachable} when there is no answer.
 *
 * @example
 * const me = await callDiscord(`${api}/users/@me`, { headers: { Authorization: `Bearer ${token}` } });
 */
export async function callDiscord(url: string, init: RequestInit): Promise<DiscordAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  } catch (error) {
    throw new DiscordUnreachable(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep the text: an HTML error page from a proxy
  }
  return { ok: response.ok, status: response.status, body };
}

/**
 * `POST /oauth2/token` (form-encoded, with the client credentials): the code exchange or a
 * refresh.
 */
export async function tokenRequest(
  api: string,
  client: { clientId: string; clientSecret: string },
  fields: Record<string, string>,
): Promise<DiscordAnswer> {
  return callDiscord(`${api}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      ...fields,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
}

/**
 * The grant in a token answer (`access_token`, `refresh_token`, `expires_in` seconds), or
 * undefined when there is no access token.
 */
export function grantOf(body: unknown, now: number): DiscordGrant | undefined {
  const token = body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
  if (typeof token?.access_token !== 'string' || !token.access_token) return undefined;
  const expiresIn = typeof token.expires_in === 'number' ? token.expires_in : 604_800;
  return {
    accessToken: token.access_token,
    refreshToken: typeof token.refresh_token === 'string' ? token.refresh_token : null,
    expiresAt: now + expiresIn * 1000,
  };
}

/**
 * The ids of the guilds the token's user may manage (every page of `/users/@me/guilds`), or
 * the status Discord answered instead (401: the token no longer works).
 *
 * @example
 * const listed = await manageableGuildIds(api, grant.accessToken);
 * if (listed.ok) session.guildIds = listed.guildIds;
 */
export async function manageableGuildIds(
  api: string,
  accessToken: string,
): Promise<{ ok: true; guildIds: string[] } | { ok: false; status: number }> {
  const auth = { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } };
  const guildIds: string[] = [];
  for (let after = '0'; ;) {
    const page = await callDiscord(`${api}/users/@me/guilds?limit=${PAGE}&after=${after}`, auth);
    if (!page.ok || !Array.isArray(page.body)) return { ok: false, status: page.status };
    const guilds = page.body as Array<{ id?: unknown; owner?: unknown; permissions?: unknown }>;
    for (const guild of guilds)
      if (typeof guild.id === 'string' && mayManage(guild)) guildIds.push(guild.id);
    const last = guilds.at(-1)?.id;
    if (guilds.length < PAGE || typeof last !== 'string') break;
    after = last;
  }
  return { ok: true, guildIds };
}
