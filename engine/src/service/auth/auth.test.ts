import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendGraph } from '../../testing/service-fixtures.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';
import { createSession, endSession } from './sessions.js';
import { bearerToken, safeEqual } from './tokens.js';

let service: TestService;
const MINE = '200000000000000001';
const THEIRS = '200000000000000002';
let myToken: string;
let theirGraphId: string;

beforeAll(async () => {
  service = await startTestService();
  ({ token: myToken } = await createSession(service.store, {
    user: { id: '42', username: 'ana' },
    guildIds: [MINE],
  }));
  theirGraphId = (await service.api('POST', `/api/guilds/${THEIRS}/graphs`, { body: sendGraph() }))
    .body.id;
});
afterAll(() => service.close());

describe('authentication', () => {
  it('answers 401 unauthorized without a token, with a wrong one, and with an expired session', async () => {
    const { token: expired } = await createSession(service.store, {
      user: { id: '43', username: 'bo' },
      guildIds: [MINE],
      ttlMs: -1000,
    });
    for (const token of [null, 'wrong', expired, '']) {
      const answer = await service.api('GET', `/api/guilds/${MINE}/graphs`, { token });
      expect(answer.status, String(token)).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
      expect(answer.body.error.message).toMatch(/token/);
    }
    expect((await service.api('GET', '/api/catalog', { token: null })).status).toBe(401);
    // A body is not even read before authentication.
    expect(
      (await service.api('POST', `/api/guilds/${MINE}/graphs`, { token: null, body: sendGraph() }))
        .status,
    ).toBe(401);
  });

  it('keeps health public', async () => {
    const answer = await service.api('GET', '/api/health', { token: null });
    expect(answer.body).toMatchObject({ temporal: true, mongo: true });
  });

  it('stores sessions by hash only and ends them on sign-out', async () => {
    const { token } = await createSession(service.store, {
      user: { id: '44', username: 'cy' },
      guildIds: [MINE],
    });
    const stored = await service.store.sessions.find({ userId: '44' }).lean();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await service.api('GET', `/api/guilds/${MINE}/graphs`, { token })).status).toBe(200);
    await endSession(service.store, token);
    expect((await service.api('GET', `/api/guilds/${MINE}/graphs`, { token })).status).toBe(401);
  });

  it('parses bearer tokens and compares secrets exactly', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(safeEqual('a', 'a')).toBe(true);
    expect(safeEqual('a', 'ab')).toBe(false);
  });
});

describe('tenancy', () => {
  it('lets a session manage its own guilds', async () => {
    const created = await service.api('POST', `/api/guilds/${MINE}/graphs`, {
      token: myToken,
      body: sendGraph(),
    });
    expect(created.status).toBe(201);
    const audit = await service.api('GET', `/api/guilds/${MINE}/audit`, { token: myToken });
    expect(audit.body.entries[0].actor).toEqual({ kind: 'user', id: '42' });
  });

  it('answers 404, never 403, for another guild and for its graphs', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/guilds/${THEIRS}/graphs`],
      ['POST', `/api/guilds/${THEIRS}/graphs`, sendGraph()],
      ['GET', `/api/guilds/${THEIRS}/graphs/${theirGraphId}`],
      ['PUT', `/api/guilds/${THEIRS}/graphs/${theirGraphId}`, sendGraph()],
      ['DELETE', `/api/guilds/${THEIRS}/graphs/${theirGraphId}`],
      ['POST', `/api/guilds/${THEIRS}/graphs/${theirGraphId}/publish`],
      ['GET', `/api/guilds/${THEIRS}/runs`],
      ['GET', `/api/guilds/${THEIRS}/audit`],
      // Their graph id under my guild: the id exists, but not here.
      ['GET', `/api/guilds/${MINE}/graphs/${theirGraphId}`],
      ['PUT', `/api/guilds/${MINE}/graphs/${theirGraphId}`, sendGraph()],
      ['POST', `/api/guilds/${MINE}/graphs/${theirGraphId}/runs`, {}],
      ['GET', `/api/guilds/${MINE}/graphs/g_doesNotExist0000000000`],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await service.api(method, path, {
        token: myToken,
        ...(body === undefined ? {} : { body }),
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    // Same answer for the admin when the graph id belongs to another guild.
    expect((await service.api('GET', `/api/guilds/${MINE}/graphs/${theirGraphId}`)).status).toBe(
      404,
    );
    // Nothing changed in their guild.
    const theirs = await service.api('GET', `/api/guilds/${THEIRS}/graphs/${theirGraphId}`);
    expect(theirs.body.revision).toBe(1);
  });
});
