import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { credentialSource, stripeOwnership } from '@guildflow/engine/service';
import type { GraphRunResult } from '@guildflow/engine/interpreter';
import { graph } from '@guildflow/engine/testing/graph';
import { withInterpreter } from '@guildflow/engine/testing/interpreter';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeExecutors } from './index.js';

const GUILD = '560000000000000001';
let service: TestService;
let proxy: Server;
let proxyUrl: string;
/** The Idempotency-Key of every customer create that reached the proxy, and how it was answered. */
const creates: { key: string | undefined; status: number }[] = [];

beforeAll(async () => {
  service = await startTestService();
  await service.api('POST', `/api/guilds/${GUILD}/credentials`, {
    body: {
      name: 'shop',
      type: 'stripe',
      value: { secretKey: 'sk_test_idem', webhookSecret: 'whsec_i' },
    },
  });
  // Stripe in front of stripe-mock: the first two creates fail with a 503 that Stripe says not
  // to retry (so stripe-node gives up and Temporal retries the activity); then it passes through.
  const upstream = testStack().stripeMockUrl;
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const key = req.headers['idempotency-key'] as string | undefined;
        const isCreate = req.method === 'POST' && req.url === '/v1/customers';
        if (isCreate && creates.length < 2) {
          creates.push({ key, status: 503 });
          res.writeHead(503, {
            'content-type': 'application/json',
            'stripe-should-retry': 'false',
          });
          res.end(JSON.stringify({ error: { type: 'api_error', message: 'try again later' } }));
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
          ),
        );
        const answer = await fetch(`${upstream}${req.url}`, {
          method: req.method ?? 'GET',
          headers,
          ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
        });
        if (isCreate) creates.push({ key, status: answer.status });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(await answer.text());
      })();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await service?.close();
});

describe('a retried Stripe create', () => {
  it('sends the same Idempotency-Key on every attempt and records one customer', async () => {
    const stripe = createStripeExecutors({
      credentials: credentialSource(service.deps.mongo, 'test-secret-key'),
      ownership: stripeOwnership(service.deps.mongo),
      apiBase: proxyUrl,
    });
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['create', 'stripe.createCustomer', { credential: 'shop', email: 'ada@example.com' }],
      ],
      [['t', 'out', 'create']],
    );
    const result = (await withInterpreter(stripe, async (env) =>
      (await env.start(doc, {}, { guildId: GUILD })).result(),
    )) as GraphRunResult;
    expect(result.status).toBe('completed');
    expect(creates.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(new Set(creates.map((c) => c.key)).size).toBe(1);
    expect(creates[0]!.key).toMatch(/^guildflow-/);
    const recorded = await service.store.stripeObjects.find({ guildId: GUILD }).lean();
    const id = (result.steps.find((s) => s.nodeId === 'create')?.output as { customerId: string })
      .customerId;
    expect(recorded.map((r) => r._id)).toEqual([id]);
  });
});
