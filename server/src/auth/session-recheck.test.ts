import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_IDS, defaultSeed, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import { freePort } from '@guildflow/stack';
import { signIn } from '@guildflow/engine/testing/sign-in';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { secretBox, sha256Hex, type SessionRecord } from '@guildflow/engine/service';
import type { DiscordGrant } from '@guildflow/engine/service';
import { discordOAuth, type DiscordOAuthSettings } from '@guildflow/discord';

const { guild: SANDBOX_GUILD, users } = SANDBOX_IDS;
/** carol and frank manage it through a role with Manage Server; the bot may manage roles. */
const SIDE_GUILD = '1300000000000009000';
const SIDE_ADMINS = '1300000000000009001';
const HOUR = 3_600_000;

let sandbox: Sandbox;
let service: TestService;
let settings: DiscordOAuthSettings;
// The service's clock: tests move it instead of waiting an hour.
let offset = 0;
const clock = () => Date.now() + offset;
const advance = (ms: number) => {
  offset += ms;
};

beforeAll(async () => {
  const seed = defaultSeed();
  seed.guilds.push({
    id: SIDE_GUILD,
    name: 'Side Guild',
    ownerId: users.dave,
    roles: [
      { id: SIDE_GUILD, name: '@everyone', position: 0, permissions: ['ViewChannel'] },
      { id: SIDE_ADMINS, name: 'Admins', position: 1, permissions: ['ManageGuild'] },
      {
        id: '1300000000000009002',
        name: 'Guildflow',
        position: 2,
        permissions: ['ManageRoles'],
        bot: true,
      },
    ],
    channels: [{ id: '1300000000000009100', name: 'general' }],
    members: [
      { id: users.dave, username: 'dave', roles: [] },
      { id: users.carol, username: 'carol', roles: [SIDE_ADMINS] },
      { id: users.frank, username: 'frank', roles: [SIDE_ADMINS] },
    ],
  });
  sandbox = await startSandbox({ port: 0, seed });
  settings = {
    clientId: sandbox.oauth.clientId,
    clientSecret: sandbox.oauth.clientSecret,
    apiBase: `${sandbox.url}/api/v10`,
  };
  service = await startTestService({ discordOAuth: discordOAuth(settings), now: clock });
});
afterAll(async () => {
  await service?.close();
  await sandbox?.close();
});

const graphsOf = (guildId: string, token: string, on = service) =>
  on.api('GET', `/api/guilds/${guildId}/graphs`, { token });
const storedSession = (token: string) =>
  service.store.sessions.findById(sha256Hex(token)).lean<SessionRecord>();
/** The grant as the service reads it back (the test knows the service's key). */
async function grantOf(token: string): Promise<DiscordGrant> {
  const sealed = (await storedSession(token))?.discordGrant ?? '';
  return JSON.parse(secretBox(service.deps.secretKey).open(sealed)) as DiscordGrant;
}
const asDiscordUser = (accessToken: string) =>
  fetch(`${sandbox.apiUrl}/v10/users/@me`, { headers: { Authorization: `Bearer ${accessToken}` } });

describe('re-checking a session’s guilds with Discord', () => {
  it('keeps Discord’s grant with the session, sealed', async () => {
    const token = await signIn(service, users.alice);
    const grant = await grantOf(token);
    const stored = JSON.stringify(await storedSession(token));
    expect(stored).not.toContain(grant.accessToken);
    expect(stored).not.toContain(grant.refreshToken);
    // It is the real grant: Discord answers it with the user.
    const me = await asDiscordUser(grant.accessToken);
    expect(((await me.json()) as { id: string }).id).toBe(users.alice);
  });

  it('drops a guild whose Manage Server was removed, at the next hourly check', async () => {
    const token = await signIn(service, users.carol);
    expect((await graphsOf(SIDE_GUILD, token)).status).toBe(200);
    const removed = await fetch(
      `${sandbox.apiUrl}/v10/guilds/${SIDE_GUILD}/members/${users.carol}/roles/${SIDE_ADMINS}`,
      { method: 'DELETE', headers: { Authorization: `Bot ${sandbox.token}` } },
    );
    expect(removed.status).toBe(204);
    // Within the hour the last confirmed list stands…
    advance(59 * 60_000);
    expect((await graphsOf(SIDE_GUILD, token)).status).toBe(200);
    // …and the first request after it asks Discord again.
    advance(2 * 60_000);
    const gone = await graphsOf(SIDE_GUILD, token);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    const session = await service.api('GET', '/api/session', { token });
    expect(session.body.guildIds).toEqual([]);
    expect((await storedSession(token))?.guildsCheckedAt?.getTime()).toBeGreaterThan(
      Date.now() + offset - 60_000,
    );
  });

  it('drops the guild of a member who left it', async () => {
    const token = await signIn(service, users.frank);
    expect((await graphsOf(SIDE_GUILD, token)).status).toBe(200);
    sandbox.inject({ type: 'memberLeft', guildId: SIDE_GUILD, userId: users.frank });
    advance(HOUR + 60_000);
    expect((await graphsOf(SIDE_GUILD, token)).status).toBe(404);
  });

  it('ends the session when the grant was revoked on Discord', async () => {
    const token = await signIn(service, users.alice);
    const { refreshToken } = await grantOf(token);
    const revoked = await fetch(`${sandbox.apiUrl}/v10/oauth2/token/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: refreshToken ?? '',
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
      }),
    });
    expect(revoked.status).toBe(200);
    expect((await graphsOf(SANDBOX_GUILD, token)).status).toBe(200);
    advance(HOUR + 60_000);
    const ended = await graphsOf(SANDBOX_GUILD, token);
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe('unauthorized');
    expect(ended.body.error.message).toContain('no longer authorizes Guildflow');
    expect(ended.body.error.message).toContain('Sign in again');
    expect(await storedSession(token)).toBeNull();
  });

  it('refreshes an expired access token and goes on', async () => {
    const long = await startTestService({
      discordOAuth: discordOAuth({ ...settings, sessionTtlMs: 30 * 24 * HOUR }),
      mongo: service.deps.mongo,
      now: clock,
    });
    try {
      const token = await signIn(long, users.alice);
      const before = await grantOf(token);
      advance(8 * 24 * HOUR); // past the access token's week
      expect((await graphsOf(SANDBOX_GUILD, token, long)).status).toBe(200);
      const after = await grantOf(token);
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.expiresAt).toBeGreaterThan(clock());
      expect((await asDiscordUser(before.accessToken)).status).toBe(401);
      expect((await asDiscordUser(after.accessToken)).status).toBe(200);
    } finally {
      await long.close();
    }
  });

  it('keeps the last guilds for a grace period while Discord is unreachable, logged, then answers 503', async () => {
    const down = await startTestService({
      discordOAuth: discordOAuth({
        ...settings,
        apiBase: `http://127.0.0.1:${await freePort()}/api/v10`,
      }),
      mongo: service.deps.mongo,
      now: clock,
    });
    const logged: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    const logSetting = process.env.GUILDFLOW_LOG;
    process.env.GUILDFLOW_LOG = 'json';
    try {
      const token = await signIn(service, users.alice);
      const grant = await grantOf(token);
      advance(HOUR + 60_000);
      expect((await graphsOf(SANDBOX_GUILD, token, down)).status).toBe(200);
      const line = logged.find((l) => l.includes('"session.recheck_failed"'));
      expect(line).toBeDefined();
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        level: 'warn',
        userId: users.alice,
        reason: expect.stringContaining('Discord could not be reached'),
      });
      for (const secret of [token, grant.accessToken, grant.refreshToken ?? ''])
        expect(logged.join('')).not.toContain(secret);
      // Past the grace period (two hours after the check was due): 503, nothing changes.
      advance(2 * HOUR);
      const unconfirmed = await graphsOf(SANDBOX_GUILD, token, down);
      expect(unconfirmed.status).toBe(503);
      expect(unconfirmed.body.error.code).toBe('discord_unavailable');
      expect(unconfirmed.body.error.message).toContain('try again in a few minutes');
      // Once Discord answers again (after the one-minute retry pause) the session goes on.
      advance(61_000);
      expect((await graphsOf(SANDBOX_GUILD, token)).status).toBe(200);
    } finally {
      process.env.GUILDFLOW_LOG = logSetting;
      write.mockRestore();
      await down.close();
    }
  });
});
