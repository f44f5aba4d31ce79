import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { freePort } from '@guildflow/stack';
import { sendGraph } from '../testing/service-fixtures.js';
import { startTestService, type TestService } from '../testing/service-harness.js';
import { createSession } from './auth/sessions.js';

const GUILD = '400000000000000001';
const graphs = `/api/guilds/${GUILD}/graphs`;

describe('Temporal down', () => {
  let service: TestService;
  let graphId: string;

  beforeAll(async () => {
    // A lazy connection to a port nobody listens on: every call fails to connect.
    const connection = Connection.lazy({
      address: `127.0.0.1:${await freePort()}`,
      connectTimeout: 500,
    });
    service = await startTestService({
      temporal: { connection, client: new Client({ connection }) },
      temporalTimeoutMs: 1500,
    });
    const { body } = await service.api('POST', graphs, { body: sendGraph() });
    graphId = body.id;
    expect((await service.api('POST', `${graphs}/${graphId}/publish`)).status).toBe(200);
  });
  afterAll(() => service.close());

  it('answers 503 temporal_unavailable quickly for run routes, writing nothing', async () => {
    const started = Date.now();
    for (const [method, path, body] of [
      ['POST', `${graphs}/${graphId}/runs`, {}],
      ['GET', `/api/guilds/${GUILD}/runs`],
      ['GET', `/api/guilds/${GUILD}/runs/run_x`],
      ['POST', `/api/guilds/${GUILD}/runs/run_x/cancel`],
    ] as const) {
      const answer = await service.api(method, path, body === undefined ? {} : { body });
      expect(answer.status, `${method} ${path}`).toBe(503);
      expect(answer.body.error.code).toBe('temporal_unavailable');
      expect(answer.body.error.message).toMatch(/Try again/);
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await service.store.audit.countDocuments({ action: 'run.start' })).toBe(0);
  });

  it('keeps the graph routes that do not need Temporal working, and reports it in health', async () => {
    expect((await service.api('GET', `${graphs}/${graphId}`)).status).toBe(200);
    const health = await service.api('GET', '/api/health', { token: null });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ temporal: false, mongo: true });
  });
});

describe('store down', () => {
  let service: TestService;
  const unreachable = async () => {
    const mongo = mongoose.createConnection(`mongodb://127.0.0.1:${await freePort()}/gf_down`, {
      serverSelectionTimeoutMS: 300,
    });
    mongo.on('error', () => {});
    await mongo.asPromise().catch(() => {});
    return mongo;
  };

  beforeAll(async () => {
    service = await startTestService({ mongo: await unreachable() });
  });
  afterAll(() => service.close());

  it('answers 503 store_unavailable for every route that needs the store', async () => {
    for (const [method, path, body] of [
      ['GET', graphs],
      ['POST', graphs, sendGraph()],
      ['GET', `${graphs}/g_aaaaaaaaaaaaaaaaaaaaaa`],
      ['POST', `${graphs}/g_aaaaaaaaaaaaaaaaaaaaaa/publish`],
      ['POST', `${graphs}/g_aaaaaaaaaaaaaaaaaaaaaa/runs`, {}],
      ['GET', `/api/guilds/${GUILD}/audit`],
    ] as const) {
      const answer = await service.api(method, path, body === undefined ? {} : { body });
      expect(answer.status, `${method} ${path}`).toBe(503);
      expect(answer.body.error.code).toBe('store_unavailable');
      expect(answer.body.error.message).toMatch(/nothing was changed/);
    }
  });

  it('cannot check session tokens without the store (503), but the admin still reaches the catalog', async () => {
    const session = await service.api('GET', graphs, { token: 'some-session-token' });
    expect(session.status).toBe(503);
    expect((await service.api('GET', '/api/catalog')).status).toBe(200);
  });
});

describe('store lost while running', () => {
  it('answers 503 once the connection is gone and writes nothing', async () => {
    const service = await startTestService();
    try {
      const { token } = await createSession(service.store, {
        user: { id: '1', username: 'a' },
        guildIds: [GUILD],
      });
      const { body } = await service.api('POST', graphs, { body: sendGraph() });
      await service.deps.mongo.close();
      const answer = await service.api('PUT', `${graphs}/${body.id}`, { body: sendGraph('lost') });
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('store_unavailable');
      expect((await service.api('GET', graphs, { token })).status).toBe(503);
    } finally {
      await service.close().catch(() => {});
    }
  });
});
