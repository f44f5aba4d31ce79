import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { startSandbox, type Sandbox } from '../server.js';
import { DEFAULT_SANDBOX_CLIENT_SECRET } from './grants.js';

const REDIRECT = 'http://127.0.0.1:9/auth/discord/callback';
const { users, guild } = SANDBOX_IDS;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

function authorizeUrl(extra: Record<string, string> = {}, scope = 'identify guilds'): string {
  const url = new URL(`${sandbox.url}/oauth2/authorize`);
  const params = {
    client_id: sandbox.applicationId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope,
    state: 'st4te',
    ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Follows the authorize step as `userId` and returns where the browser is sent. */
async function approve(userId: string, scope?: string): Promise<URL> {
  const answer = await fetch(authorizeUrl({ sandbox_user: userId }, scope), { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
}

async function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const answer = await fetch(`${sandbox.apiUrl}/v10/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return { status: answer.status, body: (await answer.json()) as Record<string, string> };
}

const codeGrant = (code: string, overrides: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: REDIRECT,
  client_id: sandbox.applicationId,
  client_secret: DEFAULT_SANDBOX_CLIENT_SECRET,
  ...overrides,
});

async function signIn(userId: string, scope?: string): Promise<string> {
  const back = await approve(userId, scope);
  const { status, body } = await token(codeGrant(back.searchParams.get('code') ?? ''));
  expect(status).toBe(200);
  return body.access_token ?? '';
}

async function asUser(accessToken: string, path: string) {
  const answer = await fetch(`${sandbox.apiUrl}/v10${path}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return { status: answer.status, body: (await answer.json()) as unknown };
}

describe('OAuth2 authorize', () => {
  it('sends the browser back with a code and the state when a user approves', async () => {
    const back = await approve(users.alice);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st4te');
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{10,}$/);
  });

  it('shows a consent page to pick a user, and sends access_denied on cancel', async () => {
    const pageAnswer = await fetch(authorizeUrl());
    expect(pageAnswer.status).toBe(200);
    const html = await pageAnswer.text();
    expect(html).toContain('Authorize as Alice');
    expect(html).toContain(`sandbox_user=${users.alice}`);
    const denied = await fetch(authorizeUrl({ sandbox_deny: '1' }), { redirect: 'manual' });
    const back = new URL(denied.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st4te');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('refuses unknown applications, unregistered redirect URIs, bad scopes and unknown users', async () => {
    expect((await fetch(authorizeUrl({ client_id: '1' }))).status).toBe(400);
    expect((await fetch(authorizeUrl({ redirect_uri: 'javascript:alert(1)' }))).status).toBe(400);
    expect((await fetch(authorizeUrl({ sandbox_user: '42' }))).status).toBe(400);
    const scoped = await fetch(authorizeUrl({ sandbox_user: users.alice }, 'identify nope'), {
      redirect: 'manual',
    });
    expect(new URL(scoped.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'invalid_scope',
    );
    const strict = await startSandbox({
      port: 0,
      oauth: { redirectUris: ['https://gf.example/cb'] },
    });
    try {
      const url = authorizeUrl().replace(sandbox.url, strict.url);
      expect((await fetch(url)).status).toBe(400);
    } finally {
      await strict.close();
    }
  });
});

describe('OAuth2 token', () => {
  it('exchanges a code once, with the same redirect_uri and the client credentials', async () => {
    const code = (await approve(users.alice)).searchParams.get('code') ?? '';
    const wrongSecret = await token(codeGrant(code, { client_secret: 'nope' }));
    expect(wrongSecret).toEqual({ status: 401, body: { error: 'invalid_client' } });
    const wrongRedirect = await token(codeGrant(code, { redirect_uri: 'http://elsewhere/cb' }));
    expect(wrongRedirect.status).toBe(400);
    expect(wrongRedirect.body.error).toBe('invalid_grant');
    // The failed attempt used the code up, as Discord does.
    const code2 = (await approve(users.alice)).searchParams.get('code') ?? '';
    const { status, body } = await token(codeGrant(code2));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 604800,
      scope: 'identify guilds',
    });
    const again = await token(codeGrant(code2));
    expect(again.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid "code" in request.',
    });
  });

  it('accepts client credentials as HTTP Basic and refuses other grant types', async () => {
    const code = (await approve(users.bob)).searchParams.get('code') ?? '';
    const basic = Buffer.from(`${sandbox.applicationId}:${DEFAULT_SANDBOX_CLIENT_SECRET}`).toString(
      'base64',
    );
    const { client_id: _id, client_secret: _secret, ...fields } = codeGrant(code);
    const answer = await token(fields, { Authorization: `Basic ${basic}` });
    expect(answer.status).toBe(200);
    const other = await token({ ...codeGrant(code), grant_type: 'password' });
    expect(other.body.error).toBe('unsupported_grant_type');
  });

  it('refreshes and revokes tokens', async () => {
    const code = (await approve(users.carol)).searchParams.get('code') ?? '';
    const first = await token(codeGrant(code));
    const renewed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token ?? '',
      client_id: sandbox.applicationId,
      client_secret: DEFAULT_SANDBOX_CLIENT_SECRET,
    });
    expect(renewed.status).toBe(200);
    expect((await asUser(first.body.access_token ?? '', '/users/@me')).status).toBe(401);
    const fresh = renewed.body.access_token ?? '';
    expect((await asUser(fresh, '/users/@me')).status).toBe(200);
    await fetch(`${sandbox.apiUrl}/v10/oauth2/token/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: fresh,
        client_id: sandbox.applicationId,
        client_secret: DEFAULT_SANDBOX_CLIENT_SECRET,
      }),
    });
    expect((await asUser(fresh, '/users/@me')).status).toBe(401);
  });
});

describe('OAuth2 user routes', () => {
  it('answers /users/@me for the bearer token, and the bot token still gets the bot', async () => {
    const accessToken = await signIn(users.alice);
    const me = await asUser(accessToken, '/users/@me');
    expect(me.body).toMatchObject({ id: users.alice, username: 'alice', global_name: 'Alice' });
    const bot = await fetch(`${sandbox.apiUrl}/v10/users/@me`, {
      headers: { Authorization: `Bot ${sandbox.token}` },
    });
    expect(((await bot.json()) as { id: string }).id).toBe(sandbox.botUserId);
    expect((await asUser('not-a-token', '/users/@me')).status).toBe(401);
  });

  it('lists the user’s guilds with owner and permissions as a string', async () => {
    const alice = await asUser(await signIn(users.alice), '/users/@me/guilds');
    const [own] = alice.body as Array<{ id: string; owner: boolean; permissions: string }>;
    expect(own).toMatchObject({ id: guild, owner: true });
    expect(BigInt(own?.permissions ?? '0') & 0x20n).toBe(0x20n);
    const bob = await asUser(await signIn(users.bob), '/users/@me/guilds');
    const [member] = bob.body as Array<{ id: string; owner: boolean; permissions: string }>;
    expect(member).toMatchObject({ id: guild, owner: false });
    expect(typeof member?.permissions).toBe('string');
    expect(BigInt(member?.permissions ?? '0') & 0x20n).toBe(0n);
    expect(
      (await asUser(await signIn(users.bob), `/users/@me/guilds?after=${guild}`)).body,
    ).toEqual([]);
  });

  it('needs the scope of each route', async () => {
    const identifyOnly = await signIn(users.dave, 'identify');
    expect((await asUser(identifyOnly, '/users/@me')).status).toBe(200);
    expect((await asUser(identifyOnly, '/users/@me/guilds')).status).toBe(401);
  });

  it('forgets every grant on reset', async () => {
    const accessToken = await signIn(users.erin);
    sandbox.reset();
    expect((await asUser(accessToken, '/users/@me')).status).toBe(401);
  });
});
