import { credentialSource, stripeOwnership } from '@guildflow/engine/service';
import type { GraphRunResult } from '@guildflow/engine/interpreter';
import { graph } from '@guildflow/engine/testing/graph';
import { recordingActivities, withInterpreter } from '@guildflow/engine/testing/interpreter';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeExecutors } from './index.js';

const GUILD = '550000000000000001';
const OTHER = '550000000000000002';
const SECRET_KEY = 'sk_test_graphrunsecret7c41d9';
const WEBHOOK_SECRET = 'whsec_graphrunsigning93b2';

let service: TestService;

beforeAll(async () => {
  service = await startTestService();
  const added = await service.api('POST', `/api/guilds/${GUILD}/credentials`, {
    body: {
      name: 'shop',
      type: 'stripe',
      value: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET },
    },
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
});
afterAll(() => service?.close());

/** Creates a customer, reads it back (or another's), and branches on what Stripe said. */
function customerGraph(customerId: string) {
  return graph(
    [
      ['t', 'trigger.manual'],
      ['create', 'stripe.createCustomer', { credential: 'shop', email: '{{ trigger.email }}' }],
      ['read', 'stripe.getCustomer', { credential: 'shop', customerId }],
      ['check', 'flow.if', { condition: 'nodes.read.id == nodes.create.customerId' }],
      ['same', 'discord.sendMessage', { channelId: '1', content: 'same {{ nodes.read.id }}' }],
      ['differ', 'discord.sendMessage', { channelId: '1', content: 'other {{ nodes.read.id }}' }],
      [
        'refused',
        'discord.sendMessage',
        { channelId: '1', content: 'refused: {{ nodes.read.error.code }}' },
      ],
    ],
    [
      ['t', 'out', 'create'],
      ['create', 'out', 'read'],
      ['read', 'out', 'check'],
      ['check', 'true', 'same'],
      ['check', 'false', 'differ'],
      ['read', 'error', 'refused'],
    ],
  );
}

async function run(customerId: string) {
  const stubs = recordingActivities({
    'discord.sendMessage': { output: { messageId: 'm1', channelId: '1' } },
  });
  const stripe = createStripeExecutors({
    credentials: credentialSource(service.deps.mongo, 'test-secret-key'),
    ownership: stripeOwnership(service.deps.mongo),
    apiBase: testStack().stripeMockUrl,
  });
  return withInterpreter({ ...stubs.activities, ...stripe }, async (env) => {
    const handle = await env.start(
      customerGraph(customerId),
      { email: 'ada@example.com' },
      { guildId: GUILD },
    );
    const result = (await handle.result()) as GraphRunResult;
    const history = JSON.stringify(await handle.fetchHistory());
    const sent = stubs
      .callsOf('discord.sendMessage')
      .map((c) => (c.input as { config: { content: string } }).config.content);
    return { result, history, sent };
  });
}

describe('Stripe steps in a real graph run', () => {
  it('creates a customer, reads it back and branches on it; the keys stay out of the run', async () => {
    const { result, history, sent } = await run('{{ nodes.create.customerId }}');
    expect(result.status).toBe('completed');
    const created = result.steps.find((s) => s.nodeId === 'create');
    const id = (created?.output as { customerId: string }).customerId;
    expect(sent).toEqual([`same ${id}`]);
    for (const secret of [SECRET_KEY, WEBHOOK_SECRET]) {
      expect(JSON.stringify(result)).not.toContain(secret);
      expect(history).not.toContain(secret);
    }
  });

  it('takes the error port for another server’s customer (stripe_object_not_owned)', async () => {
    await stripeOwnership(service.deps.mongo).record(OTHER, 'cus_ofanotherserver');
    const { sent, result } = await run('cus_ofanotherserver');
    expect(sent).toEqual(['refused: stripe_object_not_owned']);
    expect(result.steps.find((s) => s.nodeId === 'read')).toMatchObject({
      status: 'failed',
      port: 'error',
    });
  });
});
