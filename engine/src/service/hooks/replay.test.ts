import { Client, Connection } from '@temporalio/client';
import { freePort } from '@guildflow/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { sendGraph, sentMessage } from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { deliver, newHook, runExists, type TestHook } from '../../testing/webhook-delivery.js';
import { sweepExpired } from '../storage/index.js';
import { hookRunId } from './hook-request.js';
import { signWebhook } from './signature.js';

const stubs = recordingActivities({ 'discord.sendMessage': sentMessage });
let worker: TestWorker;
let service: TestService;
const GUILD = '500000000000000002';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

/** The headers of one timestamped delivery, to send it (and copies of it) by hand. */
function signed(hook: TestHook, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  return {
    'X-Guildflow-Timestamp': String(timestamp),
    'X-Guildflow-Signature': signWebhook(hook.secret, body, timestamp),
  };
}

/** The graph's runs as the run list shows them, once at least `atLeast` are visible. */
async function runsOf(hook: TestHook, atLeast = 1): Promise<string[]> {
  return eventually(async () => {
    const { body } = await service.api('GET', `/api/guilds/${GUILD}/runs?graphId=${hook.graphId}`);
    const ids = (body.runs as { runId: string }[]).map((r) => r.runId);
    return ids.length >= atLeast ? ids : undefined;
  }, 'the runs to be listed');
}

function setSigning(hook: TestHook, signing: unknown) {
  return service.api('PUT', `${graphs}/${hook.graphId}/webhook`, { body: { signing } });
}

describe('webhook replay protection', () => {
  it('refuses a body-only delivery to a new hook with 401, starting nothing', async () => {
    const hook = await newHook(service, GUILD);
    const answer = await deliver(service, hook, { signing: 'body', key: 'body-only' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(401);
    expect(answer.body.error.code).toBe('timestamp_required');
    expect(answer.body.error.message).toMatch(/X-Guildflow-Timestamp/);
    expect(await runExists(service, hookRunId(hook.hookId, 'body-only') as string)).toBe(false);
  });

  it('answers a replayed delivery with the original run, whatever its Idempotency-Key', async () => {
    const hook = await newHook(service, GUILD);
    const body = '{"text":"pay order 7"}';
    const headers = signed(hook, body);
    const first = await deliver(service, hook, { body, headers, key: 'order-7' });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body.runId).toBe(hookRunId(hook.hookId, 'order-7'));

    const replays = [
      { body, headers, key: 'order-7-again' },
      { body, headers },
      // The same signature spelt in capitals is the same delivery.
      {
        body,
        headers: {
          ...headers,
          'X-Guildflow-Signature': `sha256=${headers['X-Guildflow-Signature'].slice(7).toUpperCase()}`,
        },
        key: 'order-7-third',
      },
    ];
    for (const replay of replays) {
      const answer = await deliver(service, hook, replay);
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      expect(answer.body.runId).toBe(first.body.runId);
    }
    expect(await runExists(service, hookRunId(hook.hookId, 'order-7-again') as string)).toBe(false);
    expect(await runExists(service, hookRunId(hook.hookId, 'order-7-third') as string)).toBe(false);
    expect(await runsOf(hook)).toEqual([first.body.runId]);
  });

  it('starts one run for concurrent copies of a delivery', async () => {
    const hook = await newHook(service, GUILD);
    const body = '{"text":"only once"}';
    const headers = signed(hook, body);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        deliver(service, hook, { body, headers, ...(i % 2 ? { key: `copy-${i}` } : {}) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    const runIds = new Set(answers.map((a) => a.body.runId as string));
    expect(runIds.size, JSON.stringify([...runIds])).toBe(1);
    expect(await runsOf(hook)).toEqual([...runIds]);
  });

  it('refuses a stale timestamp with 401, and a copy once its window has passed', async () => {
    const hook = await newHook(service, GUILD);
    const now = Math.floor(Date.now() / 1000);
    const stale = await deliver(service, hook, { timestamp: now - 10 * 60, key: 'stale' });
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('stale_timestamp');
    expect(await runExists(service, hookRunId(hook.hookId, 'stale') as string)).toBe(false);

    // Accepted with two seconds of its window left; a copy after that is too old.
    const body = '{"text":"last seconds"}';
    const timestamp = Math.floor(Date.now() / 1000) - 298;
    const headers = signed(hook, body, timestamp);
    expect((await deliver(service, hook, { body, headers })).status).toBe(202);
    const windowEnd = (timestamp + 300) * 1000;
    await new Promise((resolve) => setTimeout(resolve, windowEnd - Date.now() + 1100));
    const late = await deliver(service, hook, { body, headers, key: 'late-copy' });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('stale_timestamp');
  });

  it('forgets an accepted delivery once its timestamp can no longer pass', async () => {
    const hook = await newHook(service, GUILD);
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await deliver(service, hook, { body: '{"text":"swept"}', timestamp })).status).toBe(
      202,
    );
    const claims = () => service.store.hookDeliveries.countDocuments({ hookId: hook.hookId });
    expect(await claims()).toBe(1);
    // Still needed right up to the end of its window…
    await sweepExpired(service.store, new Date((timestamp + 300) * 1000));
    expect(await claims()).toBe(1);
    // …and gone a little after it (the TTL index does this on MongoDB, the sweeper elsewhere).
    await sweepExpired(service.store, new Date((timestamp + 400) * 1000));
    expect(await claims()).toBe(0);
  });

  it('lets a hook take body-only signatures, saying it is replayable', async () => {
    const hook = await newHook(service, GUILD);
    const created = await service.api('GET', `${graphs}/${hook.graphId}`);
    expect(created.body.webhook).toEqual({
      url: expect.stringContaining(hook.path),
      signing: 'timestamped',
      replayable: false,
    });

    const switched = await setSigning(hook, 'body');
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body).toEqual({
      url: expect.stringContaining(hook.path),
      signing: 'body',
      replayable: true,
      warning: expect.stringMatching(/send it again/),
    });
    expect((await service.api('GET', `${graphs}/${hook.graphId}`)).body.webhook).toEqual(
      switched.body,
    );
    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${hook.graphId}`);
    expect(audit.body.entries[0]).toMatchObject({ action: 'webhook.signing' });

    // Body-only deliveries are taken — and, as the resource says, a copy starts another run.
    const body = '{"text":"legacy sender"}';
    const one = await deliver(service, hook, { body, signing: 'body' });
    const copy = await deliver(service, hook, { body, signing: 'body' });
    expect([one.status, copy.status]).toEqual([202, 202]);
    expect(copy.body.runId).not.toBe(one.body.runId);
    // Timestamped deliveries still work, with their replay protection.
    const timed = { body: '{"text":"timed"}', headers: signed(hook, '{"text":"timed"}') };
    const t1 = await deliver(service, hook, timed);
    expect((await deliver(service, hook, timed)).body.runId).toBe(t1.body.runId);

    // Rotation keeps the mode; switching back refuses body-only deliveries again.
    const rotated = await service.api('POST', `${graphs}/${hook.graphId}/webhook/rotate`);
    expect(rotated.body).toMatchObject({ signing: 'body', replayable: true });
    const back = await setSigning(hook, 'timestamped');
    expect(back.body).toEqual({
      url: expect.any(String),
      signing: 'timestamped',
      replayable: false,
    });
    const refused = await deliver(service, hook, {
      body: '{"text":"after"}',
      signing: 'body',
      secret: rotated.body.secret,
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('timestamp_required');
  });

  it('refuses bad signing switches', async () => {
    const hook = await newHook(service, GUILD);
    const bad = await setSigning(hook, 'none');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const plain = await service.api('POST', graphs, { body: sendGraph('no hook') });
    const notHook = await service.api('PUT', `${graphs}/${plain.body.id}/webhook`, {
      body: { signing: 'body' },
    });
    expect(notHook.status).toBe(409);
    expect(notHook.body.error.code).toBe('not_a_webhook_graph');
  });

  it('treats a hook stored before signing modes as timestamped', async () => {
    const hook = await newHook(service, GUILD);
    await service.store.webhooks.updateOne({ _id: hook.hookId }, { $unset: { signing: 1 } });
    const resource = await service.api('GET', `${graphs}/${hook.graphId}`);
    expect(resource.body.webhook).toMatchObject({ signing: 'timestamped', replayable: false });
    const bodyOnly = await deliver(service, hook, { signing: 'body' });
    expect(bodyOnly.status).toBe(401);
    expect(bodyOnly.body.error.code).toBe('timestamp_required');
    expect((await deliver(service, hook)).status).toBe(202);
  });

  it('keeps a delivery retryable when its run could not be started', async () => {
    const hook = await newHook(service, GUILD);
    const dead = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 300 });
    const down = await startTestService({
      mongo: service.deps.mongo,
      temporal: { connection: dead, client: new Client({ connection: dead }) },
      temporalTimeoutMs: 800,
    });
    const body = '{"text":"retry me"}';
    const headers = signed(hook, body);
    try {
      const failed = await deliver(service, hook, { body, headers, via: down });
      expect(failed.status).toBe(503);
      expect(failed.body.error.code).toBe('temporal_unavailable');
    } finally {
      await down.close();
    }
    const retried = await deliver(service, hook, { body, headers });
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    expect(await runExists(service, retried.body.runId as string)).toBe(true);
    expect((await deliver(service, hook, { body, headers })).body.runId).toBe(retried.body.runId);
  });
});
