import { gzipSync } from 'node:zlib';
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
import { readRunAttributes } from '../runs/search-attributes.js';
import { hookRunId } from './hook-request.js';
import {
  deliver,
  inputOf,
  newHook as createHook,
  runExists,
  type TestDelivery,
  type TestHook,
} from '../../testing/webhook-delivery.js';
import { signWebhook } from './signature.js';

const stubs = recordingActivities({
  'discord.sendMessage': sentMessage,
});
let worker: TestWorker;
let service: TestService;
let limited: TestService;
const GUILD = '500000000000000001';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
  // Same database and queue; a limit no test could refill (one token per hour).
  limited = await startTestService({
    taskQueue: worker.taskQueue,
    mongo: service.deps.mongo,
    temporal: service.deps.temporal,
    webhookRateLimit: { perSecond: 1 / 3600, burst: 2 },
  });
});
afterAll(async () => {
  await limited.close();
  await service.close();
  await worker.stop();
});

/** A webhook graph (published unless told otherwise) and its hook. */
function newHook(publish = true): Promise<TestHook> {
  return createHook(service, GUILD, { publish });
}

/** Sends a delivery that must be refused with `status`/`code` and checks it started nothing. */
async function refused(hook: TestHook, status: number, code: string, d: TestDelivery = {}) {
  // With a key the run id is known in advance, so "nothing started" is checked exactly; the
  // body names the key so the delivery is new (not a copy of an earlier one).
  const key = `refused-${Math.random().toString(36).slice(2)}`;
  const body = d.body ?? JSON.stringify({ text: 'refused', key });
  const answer = await deliver(service, hook, { ...d, body, key });
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.error).toMatchObject({ code, message: expect.any(String) });
  expect(await runExists(service, hookRunId(hook.hookId, key) as string)).toBe(false);
  return answer;
}

describe('POST /hooks/:hookId', () => {
  it('starts the published version with { body, query, headers } on a valid signature', async () => {
    const hook = await newHook();
    const answer = await deliver(service, hook, {
      query: '?ref=site&tag=a&tag=b',
      headers: { 'X-Custom': 'yes', Cookie: 'session=1' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    expect(answer.body).toEqual({ runId: expect.stringMatching(/^run_/) });

    const { runId } = answer.body;
    const input = await inputOf(service, runId);
    expect(input.graph).toMatchObject({ graphId: hook.graphId, guildId: GUILD, version: 1 });
    expect(input.trigger.type).toBe('trigger.webhook');
    const payload = input.trigger.payload as {
      body: unknown;
      query: unknown;
      headers: Record<string, string>;
    };
    expect(payload.body).toEqual({ text: 'hello hook' });
    expect(payload.query).toEqual({ ref: 'site', tag: 'a,b' });
    expect(payload.headers).toMatchObject({
      'x-custom': 'yes',
      'content-type': 'application/json',
    });
    for (const hidden of ['x-guildflow-signature', 'cookie', 'authorization'])
      expect(payload.headers).not.toHaveProperty(hidden);
    const description = await service.deps.temporal.client.workflow.getHandle(runId).describe();
    expect(readRunAttributes(description.typedSearchAttributes)).toEqual({
      guildId: GUILD,
      graphId: hook.graphId,
      version: 1,
      triggerType: 'trigger.webhook',
    });

    const run = await eventually(async () => {
      const { body } = await service.api('GET', `/api/guilds/${GUILD}/runs/${runId}`);
      return body.status === 'completed' ? body : undefined;
    }, 'the webhook run to complete');
    expect(run.steps.find((s: { nodeId: string }) => s.nodeId === 'send').input.content).toBe(
      'hello hook',
    );
  });

  it('passes a non-JSON body as text', async () => {
    const hook = await newHook();
    const text = await deliver(service, hook, {
      body: 'plain words',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(202);
    expect(
      ((await inputOf(service, text.body.runId)).trigger.payload as { body: unknown }).body,
    ).toBe('plain words');
  });

  it('starts one run per Idempotency-Key', async () => {
    const hook = await newHook();
    // Distinct signed deliveries (other bodies) under one key: one run.
    const first = await deliver(service, hook, { key: 'order-42' });
    const again = await deliver(service, hook, { key: 'order-42', body: '{"text":"retry"}' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.runId).toBe(first.body.runId);
    expect(first.body.runId).toBe(hookRunId(hook.hookId, 'order-42'));
    const other = await deliver(service, hook, { key: 'order-43', body: '{"text":"43"}' });
    expect(other.body.runId).not.toBe(first.body.runId);
    // Without a key every (distinct) delivery is a new run.
    const [a, b] = [
      await deliver(service, hook, { body: '{"text":"a"}' }),
      await deliver(service, hook, { body: '{"text":"b"}' }),
    ];
    expect(a.body.runId).not.toBe(b.body.runId);
    const overlong = await deliver(service, hook, { key: 'x'.repeat(300) });
    expect(overlong.status).toBe(400);
    expect(overlong.body.error.code).toBe('invalid_request');
  });

  it('refuses unsigned, wrongly signed and stale deliveries with 401, starting nothing', async () => {
    const hook = await newHook();
    await refused(hook, 401, 'invalid_signature', { secret: null });
    await refused(hook, 401, 'invalid_signature', { secret: 'whsec_someone-else' });
    await refused(hook, 401, 'invalid_signature', {
      headers: { 'X-Guildflow-Signature': 'sha1=abc' },
    });
    const body = '{"text":"timed"}';
    const now = Math.floor(Date.now() / 1000);
    // Signed over other bytes than those sent.
    await refused(hook, 401, 'invalid_signature', {
      body,
      headers: {
        'X-Guildflow-Timestamp': String(now),
        'X-Guildflow-Signature': signWebhook(hook.secret, '{"text":"other"}', now),
      },
    });
    // A timestamp the signature does not cover (signed over the body alone)…
    await refused(hook, 401, 'invalid_signature', {
      body,
      headers: {
        'X-Guildflow-Timestamp': String(now),
        'X-Guildflow-Signature': signWebhook(hook.secret, body),
      },
    });
    // …or a fresher one swapped in for the one that was signed.
    await refused(hook, 401, 'invalid_signature', {
      body,
      headers: {
        'X-Guildflow-Timestamp': String(now),
        'X-Guildflow-Signature': signWebhook(hook.secret, body, now - 3600),
      },
    });
    await refused(hook, 401, 'invalid_signature', {
      body,
      headers: {
        'X-Guildflow-Timestamp': 'yesterday',
        'X-Guildflow-Signature': signWebhook(hook.secret, body, 'yesterday'),
      },
    });
    const stale = now - 10 * 60;
    await refused(hook, 401, 'stale_timestamp', {
      body,
      headers: {
        'X-Guildflow-Timestamp': String(stale),
        'X-Guildflow-Signature': signWebhook(hook.secret, body, stale),
      },
    });
  });

  it('stops accepting the old secret the moment it is rotated', async () => {
    const hook = await newHook();
    expect((await deliver(service, hook)).status).toBe(202);
    const rotated = await service.api('POST', `${graphs}/${hook.graphId}/webhook/rotate`);
    expect(rotated.status).toBe(200);
    await refused(hook, 401, 'invalid_signature');
    expect((await deliver(service, hook, { secret: rotated.body.secret })).status).toBe(202);
  });

  it('answers 404 for unknown hooks and 413/415/400 for bodies it cannot take', async () => {
    const hook = await newHook();
    const unknown = { ...hook, hookId: 'wh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    await refused({ ...unknown, path: `/hooks/${unknown.hookId}` }, 404, 'not_found');
    await refused({ ...hook, hookId: 'nope', path: '/hooks/nope' }, 404, 'not_found');
    const big = await refused(hook, 413, 'payload_too_large', {
      body: JSON.stringify({ text: 'x'.repeat(300 * 1024) }),
    });
    expect(big.body.error.message).toMatch(/256 kB/);
    await refused(hook, 415, 'unsupported_media_type', {
      body: gzipSync('{"text":"zipped"}'),
      headers: { 'Content-Encoding': 'gzip' },
    });
    await refused(hook, 400, 'invalid_json', { body: '{"text":' });
    const get = await fetch(`${service.url}${hook.path}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('refuses deliveries while the graph is unpublished, disabled, not a webhook graph or deleted', async () => {
    const draft = await newHook(false);
    await refused(draft, 409, 'graph_disabled');

    const hook = await newHook();
    expect((await service.api('POST', `${graphs}/${hook.graphId}/disable`)).status).toBe(200);
    // Signature first: someone without the secret learns nothing about the graph.
    await refused(hook, 401, 'invalid_signature', { secret: null });
    const disabled = await refused(hook, 409, 'graph_disabled');
    expect(disabled.body.error.message).toMatch(/disabled/);
    expect(
      (await service.api('POST', `${graphs}/${hook.graphId}/rollback`, { body: { version: 1 } }))
        .status,
    ).toBe(200);
    expect((await deliver(service, hook)).status).toBe(202);

    // The draft changes trigger: the published webhook version keeps taking deliveries…
    await service.api('PUT', `${graphs}/${hook.graphId}`, { body: sendGraph('manual now') });
    expect((await deliver(service, hook)).status).toBe(202);
    // …until a version without a webhook trigger is published.
    expect((await service.api('POST', `${graphs}/${hook.graphId}/publish`)).status).toBe(200);
    await refused(hook, 409, 'not_a_webhook_graph');

    expect((await service.api('DELETE', `${graphs}/${hook.graphId}`)).status).toBe(204);
    await refused(hook, 404, 'not_found');
  });

  it('rate-limits each hook with a token bucket (429 + Retry-After), starting nothing', async () => {
    const hook = await newHook();
    const other = await newHook();
    for (const text of ['one', 'two'])
      expect(
        (await deliver(service, hook, { via: limited, body: `{"text":"${text}"}` })).status,
      ).toBe(202);
    const limitedAnswer = await refused(hook, 429, 'rate_limited', { via: limited });
    expect(Number(limitedAnswer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Refused deliveries do not spend the budget: a forger cannot starve the real sender.
    await refused(other, 401, 'invalid_signature', { via: limited, secret: null });
    await refused(other, 401, 'invalid_signature', { via: limited, secret: null });
    expect((await deliver(service, other, { via: limited })).status).toBe(202);
  });
});
