import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from 'express-rate-limit';
import { createSession } from '../auth/sessions.js';
import {
  startTestService,
  type ApiAnswer,
  type ApiRequest,
  type TestService,
} from '../../testing/service-harness.js';
import { DEFAULT_RATE_LIMITS } from './rate-limits.js';

// The service trusts X-Forwarded-For from loopback (a local proxy), so tests pose as clients.
const from = (ip: string): Record<string, string> => ({ 'X-Forwarded-For': ip });
const GUILD = '710000000000000001';

let service: TestService;
let small: TestService;
const stores: string[] = [];

beforeAll(async () => {
  // The defaults, as `npm start` runs them.
  service = await startTestService({ rateLimits: {} });
  small = await startTestService({
    mongo: service.deps.mongo,
    rateLimits: {
      failedAuth: { limit: 2, windowMs: 1500 },
      signIn: { limit: 3, windowMs: 60_000 },
      stripeWebhook: { limit: 3, windowMs: 60_000 },
      api: { limit: 5, windowMs: 60_000 },
      store: (name) => {
        stores.push(name);
        return new MemoryStore();
      },
    },
  });
});
afterAll(async () => {
  await small?.close();
  await service?.close();
});

function expectRateLimited(answer: ApiAnswer, policy: string): void {
  expect(answer.status).toBe(429);
  expect(answer.body.error.code).toBe('rate_limited');
  expect(answer.body.error.message).toMatch(/wait \d+ s \(Retry-After\)|retry after \d+ s/);
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(answer.headers.get('ratelimit')).toContain(`"${policy}"; r=0`);
  expect(answer.headers.get('ratelimit-policy')).toContain(`"${policy}"`);
}

async function times(n: number, call: () => Promise<ApiAnswer>): Promise<ApiAnswer[]> {
  const answers: ApiAnswer[] = [];
  for (let i = 0; i < n; i += 1) answers.push(await call());
  return answers;
}

describe('failed bearer tokens', () => {
  it('refuses a client after 20 failures in 10 minutes, even with a right token, and nobody else', async () => {
    const guess = (token: string, ip: string, request: ApiRequest = {}) =>
      service.api('GET', '/api/catalog', { token, headers: from(ip), ...request });
    const failures = await times(DEFAULT_RATE_LIMITS.failedAuth.limit, () =>
      guess('guess', '203.0.113.9'),
    );
    expect(failures.map((a) => a.status)).toEqual(failures.map(() => 401));
    const refused = await guess('guess', '203.0.113.9');
    expectRateLimited(refused, 'failed-auth');
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(refused.body.error.message).toContain(
      '20 requests with a missing, wrong or expired token',
    );
    // A right guess from that client is refused too, so guessing on gains nothing.
    expectRateLimited(await guess(service.adminToken, '203.0.113.9'), 'failed-auth');
    // Another client with a valid token is not slowed at all; nor is a failing one.
    expect((await guess(service.adminToken, '198.51.100.4')).status).toBe(200);
    expect((await guess('wrong', '198.51.100.4')).status).toBe(401);
  });

  it('counts only failures: successful requests never use the allowance', async () => {
    const ok = await times(30, () =>
      small.api('GET', '/api/catalog', { headers: from('192.0.2.50') }),
    );
    // 30 > the small instance's API limit of 5 per caller: the admin is limited by the API
    // limit, never by the failure limit (2).
    expect(ok.slice(0, 5).every((a) => a.status === 200)).toBe(true);
    expect(ok[5]?.body.error.message).toContain('per admin token or signed-in user');
    // …and this client's failure allowance is untouched: a wrong token is a plain 401.
    const wrong = await small.api('GET', '/api/catalog', {
      token: 'bad',
      headers: from('192.0.2.50'),
    });
    expect(wrong.status).toBe(401);
  });

  it('lets the client in again once the window is over', async () => {
    const guess = (token: string) =>
      small.api('GET', `/api/guilds/${GUILD}/graphs`, { token, headers: from('203.0.113.77') });
    expect((await times(2, () => guess('nope'))).map((a) => a.status)).toEqual([401, 401]);
    expectRateLimited(await guess('nope'), 'failed-auth');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const { token } = await createSession(small.store, {
      user: { id: '71', username: 'ri' },
      guildIds: [GUILD],
    });
    expect((await guess(token)).status).toBe(200);
    expect((await guess('nope')).status).toBe(401);
  });
});

describe('per-caller API limit', () => {
  it('limits each caller, wherever their requests come from, and no one else', async () => {
    const { token: userToken } = await createSession(small.store, {
      user: { id: '72', username: 'su' },
      guildIds: [GUILD],
    });
    const asUser = (ip: string) =>
      small.api('GET', `/api/guilds/${GUILD}/graphs`, { token: userToken, headers: from(ip) });
    const answers = await times(5, () => asUser('192.0.2.1'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[4]?.headers.get('ratelimit')).toContain('"api"; r=0');
    // Same user, another address: the same counter.
    const refused = await asUser('192.0.2.2');
    expectRateLimited(refused, 'api');
    expect(refused.body.error.message).toContain('more than 5 API requests in a minute');
    // Another signed-in user from the first user's address is not affected.
    const { token: other } = await createSession(small.store, {
      user: { id: '73', username: 'ty' },
      guildIds: [GUILD],
    });
    const theirs = await small.api('GET', `/api/guilds/${GUILD}/graphs`, {
      token: other,
      headers: from('192.0.2.1'),
    });
    expect(theirs.status).toBe(200);
  });

  it('states the default policy: 600 requests a minute', async () => {
    const answer = await service.api('GET', '/api/catalog', { headers: from('192.0.2.200') });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-policy')).toContain('"api"; q=600; w=60');
  });
});

describe('sign-in and the Stripe webhook', () => {
  it('limits /auth/discord per client, with a page for browsers', async () => {
    const start = (ip: string, accept = 'application/json') =>
      fetch(`${small.url}/auth/discord`, {
        redirect: 'manual',
        headers: { ...from(ip), Accept: accept },
      });
    // Not configured here: 501 each time, but every request counts.
    for (let i = 0; i < 3; i += 1) expect((await start('198.51.100.20')).status).toBe(501);
    const json = await start('198.51.100.20');
    const body = (await json.json()) as { error: { code: string; message: string } };
    expect(json.status).toBe(429);
    expect(body.error.code).toBe('rate_limited');
    expect(json.headers.get('retry-after')).toMatch(/^\d+$/);
    const page = await fetch(`${small.url}/auth/discord/callback?code=x&state=y`, {
      headers: { ...from('198.51.100.20'), Accept: 'text/html' },
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('sign-in requests came from your address');
    expect((await start('198.51.100.21')).status).toBe(501);
  });

  it('limits /stripe/webhook per client', async () => {
    const deliver = (ip: string) =>
      small.api('POST', '/stripe/webhook', {
        token: null,
        rawBody: '{}',
        headers: { ...from(ip), 'Stripe-Signature': 't=1,v1=00' },
      });
    // No signing secret configured here: 503 each time, but every delivery counts.
    expect((await times(3, () => deliver('198.51.100.30'))).map((a) => a.status)).toEqual([
      503, 503, 503,
    ]);
    const refused = await deliver('198.51.100.30');
    expectRateLimited(refused, 'stripe-webhook');
    expect(refused.body.error.message).toContain('Stripe delivers the event again later');
    expect((await deliver('198.51.100.31')).status).toBe(503);
  });

  it('keeps counters in the store given for each limit', () => {
    expect(stores.sort()).toEqual(['api', 'failedAuth', 'signIn', 'stripeWebhook']);
  });
});
