import { DiscordAPIError, type TextChannel } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from './faults.js';
import { SANDBOX_IDS } from './seed.js';
import { control, startWithClient, type Harness } from './testing/harness.js';

describe('injected REST faults against discord.js', () => {
  let h: Harness;
  let general: TextChannel;
  const messagesPath = `/channels/${SANDBOX_IDS.channels.general}/messages`;
  beforeAll(async () => {
    h = await startWithClient();
    general = h.client.channels.cache.get(SANDBOX_IDS.channels.general) as TextChannel;
  });
  afterEach(async () => {
    await control(h.sandbox, 'DELETE', '/sandbox/faults');
    await control(h.sandbox, 'DELETE', '/sandbox/requests');
  });
  afterAll(async () => h?.close());

  it('403: discord.js throws DiscordAPIError 50013 after exactly one request', async () => {
    const { status } = await control(h.sandbox, 'POST', '/sandbox/faults', {
      method: 'POST',
      path: '/channels/:id/messages',
      kind: 'forbidden',
    });
    expect(status).toBe(201);
    const error = await general.send('hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50013, status: 403 });
    expect(h.sandbox.requests({ method: 'POST', path: messagesPath })).toHaveLength(1);
    expect(h.sandbox.messages({ channelId: general.id })).toHaveLength(0);
    const faults = await control<Fault[]>(h.sandbox, 'GET', '/sandbox/faults');
    expect(faults.body[0]).toMatchObject({ hits: 1, remaining: 0 });
  });

  it('429 with Retry-After 1: discord.js waits and retries, and succeeds', async () => {
    await control(h.sandbox, 'POST', '/sandbox/faults', {
      method: 'POST',
      path: '/channels/:id/messages',
      kind: 'rateLimit',
      retryAfter: 1,
      scope: 'user',
    });
    const sent = await general.send('after the wait');
    expect(sent.content).toBe('after the wait');
    const requests = h.sandbox.requests({ method: 'POST', path: messagesPath });
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    const [first, second] = requests;
    expect((second?.timeMs ?? 0) - (first?.timeMs ?? 0)).toBeGreaterThanOrEqual(950);
    expect(first?.error).toMatchObject({
      message: 'You are being rate limited.',
      retry_after: 1,
      global: false,
    });
  });

  it('429 answers carry Retry-After, X-RateLimit-Scope and, for global, X-RateLimit-Global', async () => {
    await control(h.sandbox, 'POST', '/sandbox/faults', [
      { method: 'GET', path: '/users/@me', kind: 'rateLimit', retryAfter: 2, scope: 'shared' },
      { method: 'GET', path: '/users/@me', kind: 'rateLimit', retryAfter: 3, scope: 'global' },
    ]);
    const headers = { Authorization: `Bot ${h.sandbox.token}` };
    const shared = await fetch(`${h.sandbox.apiUrl}/v10/users/@me`, { headers });
    expect(shared.status).toBe(429);
    expect(shared.headers.get('retry-after')).toBe('2');
    expect(shared.headers.get('x-ratelimit-scope')).toBe('shared');
    expect(shared.headers.get('x-ratelimit-global')).toBeNull();
    const global = await fetch(`${h.sandbox.apiUrl}/v10/users/@me`, { headers });
    expect(global.headers.get('x-ratelimit-global')).toBe('true');
    expect(global.headers.get('x-ratelimit-scope')).toBe('global');
    expect(await global.json()).toMatchObject({ retry_after: 3, global: true });
    expect((await fetch(`${h.sandbox.apiUrl}/v10/users/@me`, { headers })).status).toBe(200);
  });

  it('500: discord.js retries and succeeds', async () => {
    await control(h.sandbox, 'POST', '/sandbox/faults', {
      method: 'POST',
      path: '/channels/*/messages',
      kind: 'serverError',
      status: 502,
    });
    const sent = await general.send('eventually');
    expect(sent.content).toBe('eventually');
    expect(h.sandbox.requests({ method: 'POST', path: messagesPath }).map((r) => r.status)).toEqual(
      [502, 200],
    );
    expect(
      h.sandbox.messages({ channelId: general.id }).filter((m) => m.content === 'eventually'),
    ).toHaveLength(1);
  });

  it('delay holds a response without failing it', async () => {
    h.sandbox.faults.add({ method: 'GET', path: '/channels/:id', kind: 'delay', delayMs: 300 });
    const started = Date.now();
    await h.client.channels.fetch(SANDBOX_IDS.channels.welcome, { force: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
