import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS, defaultSeed, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import {
  callback,
  consent,
  signIn as signInOn,
  startFlow as startFlowOn,
} from '@guildflow/engine/testing/sign-in';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { SESSION_TTL_MS } from '@guildflow/engine/service';
import { discordOAuth, mayManage, type DiscordOAuthSettings } from '@guildflow/discord';

const { guild: SANDBOX_GUILD, users } = SANDBOX_IDS;
/** A second guild: carol manages it through a role with Manage Server; alice is a member there. */
const SIDE_GUILD = '1300000000000009000';
const SIDE_ADMINS = '1300000000000009001';

let sandbox: Sandbox;
let service: TestService;
let settings: DiscordOAuthSettings;

beforeAll(async () => {
  const seed = defaultSeed();
  seed.guilds.push({
    id: SIDE_GUILD,
    name: 'Side Guild',
    ownerId: users.dave,
    roles: [
      { id: SIDE_GUILD, name: '@everyone', position: 0, permissions: ['ViewChannel'] },
      { id: SIDE_ADMINS, name: 'Admins', position: 1, permissions: ['ManageGuild'] },
    ],
    channels: [{ id: '1300000000000009100', name: 'general' }],
    members: [
      { id: users.dave, username: 'dave', roles: [] },
      { id: users.carol, username: 'carol', roles: [SIDE_ADMINS] },
      { id: users.alice, username: 'alice', roles: [] },
    ],
  });
  sandbox = await startSandbox({ port: 0, seed });
  settings = {
    clientId: sandbox.oauth.clientId,
    clientSecret: sandbox.oauth.clientSecret,
    apiBase: `${sandbox.url}/api/v10`,
  };
  service = await startTestService({ discordOAuth: discordOAuth(settings) });
});
afterAll(async () => {
  await service?.close();
  await sandbox?.close();
});

const startFlow = (on: TestService = service) => startFlowOn(on);
const signIn = (userId: string, on: TestService = service) => signInOn(on, userId);

const graphsOf = (guildId: string, token: string) =>
  service.api('GET', `/api/guilds/${guildId}/graphs`, { token });
const sessionCount = () => service.store.sessions.countDocuments();

describe('sign-in with Discord', () => {
  it('starts with a state cookie bound to the browser and Discord’s authorize URL', async () => {
    const flow = await startFlow();
    expect(flow.setCookie).toMatch(/^guildflow_oauth_state=[\w-]{40,};/);
    expect(flow.setCookie).toContain('HttpOnly');
    expect(flow.setCookie).toContain('SameSite=Lax');
    expect(flow.setCookie).toContain('Path=/auth/discord');
    expect(`${flow.authorize.origin}${flow.authorize.pathname}`).toBe(
      `${sandbox.url}/oauth2/authorize`,
    );
    expect(Object.fromEntries(flow.authorize.searchParams)).toEqual({
      client_id: sandbox.oauth.clientId,
      redirect_uri: `${service.url}/auth/discord/callback`,
      response_type: 'code',
      scope: 'identify guilds',
      state: flow.cookie.split('=')[1],
    });
  });

  it('signs the owner in: the session manages their guild and 404s on another', async () => {
    const before = await sessionCount();
    const token = await signIn(users.alice);
    expect(await sessionCount()).toBe(before + 1);
    expect((await graphsOf(SANDBOX_GUILD, token)).status).toBe(200);
    const other = await graphsOf(SIDE_GUILD, token);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    const session = await service.api('GET', '/api/session', { token });
    expect(session.body).toMatchObject({
      kind: 'user',
      user: { id: users.alice, username: 'alice' },
      guildIds: [SANDBOX_GUILD],
    });
    // Sessions expire (a week by default) and are stored by hash only.
    const expiresAt = Date.parse(session.body.expiresAt);
    expect(expiresAt).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + SESSION_TTL_MS);
    const stored = await service.store.sessions.find({ userId: users.alice }).lean();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await service.store.users.findById(users.alice).lean()).toMatchObject({
      username: 'alice',
    });
  });

  it('gives Manage Server holders their guild, and members without it no access', async () => {
    const carol = await signIn(users.carol);
    expect((await graphsOf(SIDE_GUILD, carol)).status).toBe(200);
    expect((await graphsOf(SANDBOX_GUILD, carol)).status).toBe(404);
    // bob moderates the sandbox guild (kick, ban, timeout) but may not manage it.
    const bob = await signIn(users.bob);
    expect((await graphsOf(SANDBOX_GUILD, bob)).status).toBe(404);
    expect((await service.api('GET', '/api/session', { token: bob })).body.guildIds).toEqual([]);
  });

  it('refuses a callback whose state is not this browser’s, and creates no session', async () => {
    const before = await sessionCount();
    const flow = await startFlow();
    const back = await consent(flow, { as: users.alice });
    const other = await startFlow();
    for (const cookie of [null, other.cookie, 'guildflow_oauth_state=']) {
      const answer = await callback(back, cookie);
      expect(answer.status, String(cookie)).toBe(400);
      expect(answer.body.error.code).toBe('sign_in_state_mismatch');
      expect(answer.body.error.message).toContain('/auth/discord');
    }
    // A forged callback without any state is refused the same way.
    const forged = await callback(`${service.url}/auth/discord/callback?code=abc`, flow.cookie);
    expect(forged.body.error.code).toBe('sign_in_state_mismatch');
    expect(await sessionCount()).toBe(before);
  });

  it('explains a cancelled consent, as a page to browsers', async () => {
    const before = await sessionCount();
    const flow = await startFlow();
    const back = await consent(flow, 'deny');
    const json = await callback(back, flow.cookie);
    expect(json.status).toBe(403);
    expect(json.body.error.code).toBe('sign_in_denied');
    const flow2 = await startFlow();
    const page = await callback(await consent(flow2, 'deny'), flow2.cookie, 'text/html');
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('You cancelled the sign-in');
    expect(page.body).toContain('href="/auth/discord"');
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a code used twice', async () => {
    const flow = await startFlow();
    const back = await consent(flow, { as: users.alice });
    expect((await callback(back, flow.cookie)).status).toBe(302);
    const again = await callback(back, flow.cookie);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('sign_in_failed');
  });

  it('says which setting is wrong when Discord refuses the client secret', async () => {
    const wrong = await startTestService({
      discordOAuth: discordOAuth({ ...settings, clientSecret: 'not-the-secret' }),
      mongo: service.deps.mongo,
    });
    try {
      const before = await sessionCount();
      const flow = await startFlow(wrong);
      const answer = await callback(await consent(flow, { as: users.alice }), flow.cookie);
      expect(answer.status).toBe(502);
      expect(answer.body.error.code).toBe('sign_in_failed');
      expect(answer.body.error.message).toContain('DISCORD_CLIENT_SECRET');
      expect(await sessionCount()).toBe(before);
    } finally {
      await wrong.close();
    }
  });

  it('answers 501 with the settings to set when sign-in is not configured', async () => {
    const bare = await startTestService({ mongo: service.deps.mongo });
    try {
      const answer = await fetch(`${bare.url}/auth/discord`, { redirect: 'manual' });
      expect(answer.status).toBe(501);
      const body = (await answer.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('sign_in_not_configured');
      expect(body.error.message).toContain('DISCORD_CLIENT_ID');
      expect(body.error.message).toContain('DISCORD_CLIENT_SECRET');
    } finally {
      await bare.close();
    }
  });

  it('signs out: the token stops working; the admin token is not a session', async () => {
    const token = await signIn(users.alice);
    expect((await service.api('POST', '/api/session/end', { token })).status).toBe(204);
    expect((await graphsOf(SANDBOX_GUILD, token)).status).toBe(401);
    const admin = await service.api('POST', '/api/session/end');
    expect(admin.status).toBe(409);
    expect(admin.body.error.code).toBe('not_a_session');
    expect((await service.api('GET', '/api/session')).body).toEqual({
      kind: 'admin',
      user: null,
      guildIds: null,
      expiresAt: null,
    });
  });

  it('treats owners, Manage Server and Administrator as managers', () => {
    expect(mayManage({ owner: true, permissions: '0' })).toBe(true);
    expect(mayManage({ owner: false, permissions: String(0x20) })).toBe(true);
    expect(mayManage({ owner: false, permissions: String(0x8) })).toBe(true);
    expect(mayManage({ owner: false, permissions: String(0x2 | 0x4) })).toBe(false);
    expect(mayManage({ owner: false, permissions: 'x' })).toBe(false);
  });
});
