import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import type { ActionInput } from '../../interpreter/contract.js';
import { sentMessage } from '../../testing/service-fixtures.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import {
  STRIPE_TEST_SECRET as SECRET,
  deliverStripeEvent,
  publishStripeGraph,
  recordForGuild,
  stripeEvent,
} from '../../testing/stripe-delivery.js';
import { runExists } from '../../testing/webhook-delivery.js';
import { composeActivation } from '../graphs/activation.js';
import { routerActivation } from '../router/router-activation.js';
import { openStore } from '../storage/index.js';
import { stripeEventMatches } from './stripe-events.js';

const GUILD = '910000000000000001';
const OTHER = '910000000000000002';
const stubs = recordingActivities({
  'discord.sendMessage': sentMessage,
});
let worker: TestWorker;
let service: TestService;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({
    taskQueue: worker.taskQueue,
    stripeWebhookSecret: SECRET,
    activation: composeActivation(routerActivation(() => openStore(service.deps.mongo))),
  });
});
afterAll(async () => {
  await service?.close();
  await worker?.stop();
});

const published = (guildId: string, events: string[], content: string) =>
  publishStripeGraph(service, guildId, events, content);
const deliver = (event: unknown, secret?: string, signature?: string) =>
  deliverStripeEvent(service, event, secret, signature);

describe('POST /stripe/webhook', () => {
  it('starts one run per matching graph, and a redelivery starts nothing new', async () => {
    const graphId = await published(
      GUILD,
      ['checkout.session.completed'],
      'Paid: {{ trigger.data.object.metadata.discordUserId }} ({{ trigger.type }})',
    );
    await recordForGuild(service, GUILD, 'cs_test_webhook1');
    const event = stripeEvent('checkout.session.completed', {
      id: 'cs_test_webhook1',
      object: 'checkout.session',
      metadata: { discordUserId: '555' },
    });
    const first = await deliver(event);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const runId = `stripe_${event.id}_${graphId}`;
    expect(first.body).toEqual({ received: true, runs: 1, runIds: [runId] });
    const run = await eventually(async () => {
      const { body } = await service.api('GET', `/api/guilds/${GUILD}/runs/${runId}`);
      return body.status === 'completed' ? body : undefined;
    }, 'the Stripe run to complete');
    expect(run.triggerType).toBe('trigger.stripeEvent');
    const sent = stubs
      .callsOf('discord.sendMessage')
      .map((c) => c.input as ActionInput)
      .filter((i) => i.context.runId === runId);
    expect(sent.map((i) => i.config.content)).toEqual(['Paid: 555 (checkout.session.completed)']);

    const again = await deliver(event);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, runs: 0, runIds: [runId] });
  });

  it('starts nothing for other event types, other guilds, disabled graphs or unknown objects', async () => {
    const graphId = await published(GUILD, ['customer.subscription.deleted'], 'bye');
    await recordForGuild(service, GUILD, 'sub_webhook2');
    await recordForGuild(service, OTHER, 'sub_webhook2other');
    const subscription = (id: string) => ({ id, object: 'subscription' });
    const unmatched = stripeEvent('customer.subscription.created', subscription('sub_webhook2'));
    expect((await deliver(unmatched)).body).toEqual({ received: true, runs: 0, runIds: [] });
    const otherGuild = stripeEvent(
      'customer.subscription.deleted',
      subscription('sub_webhook2other'),
    );
    expect((await deliver(otherGuild)).body.runs).toBe(0);
    const unknown = stripeEvent('customer.subscription.deleted', subscription('sub_nobody'));
    expect((await deliver(unknown)).body).toEqual({ received: true, runs: 0, runIds: [] });
    await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/disable`);
    const afterDisable = stripeEvent('customer.subscription.deleted', subscription('sub_webhook2'));
    expect((await deliver(afterDisable)).body.runs).toBe(0);
  });

  it('matches families and finds the guild of a subscription invoice', async () => {
    const graphId = await published(OTHER, ['invoice.*'], 'invoice {{ trigger.data.object.id }}');
    await recordForGuild(service, OTHER, 'sub_webhook3');
    const event = stripeEvent('invoice.paid', {
      id: 'in_1',
      object: 'invoice',
      metadata: {},
      parent: { subscription_details: { subscription: 'sub_webhook3', metadata: {} } },
    });
    expect((await deliver(event)).body.runIds).toEqual([`stripe_${event.id}_${graphId}`]);
  });

  it('refuses a bad or missing signature with 400 and starts nothing', async () => {
    const graphId = await published(GUILD, ['payment_intent.succeeded'], 'paid');
    await recordForGuild(service, GUILD, 'cus_webhook4');
    const event = stripeEvent('payment_intent.succeeded', {
      id: 'pi_1',
      object: 'payment_intent',
      customer: 'cus_webhook4',
    });
    const wrongSecret = await deliver(event, 'whsec_someone_else');
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.error.code).toBe('invalid_signature');
    expect(wrongSecret.body.error.message).toContain('STRIPE_WEBHOOK_SECRET');
    const tampered = Stripe.webhooks.generateTestHeaderString({
      payload: JSON.stringify({ ...event, type: 'other' }),
      secret: SECRET,
    });
    expect((await deliver(event, SECRET, tampered)).status).toBe(400);
    const unsigned = await service.api('POST', '/stripe/webhook', {
      token: null,
      body: event,
    });
    expect(unsigned.status).toBe(400);
    expect(await runExists(service, `stripe_${event.id}_${graphId}`)).toBe(false);
  });

  it('answers 503 saying what to set when no signing secret is configured', async () => {
    const bare = await startTestService({ mongo: service.deps.mongo });
    try {
      const answer = await bare.api('POST', '/stripe/webhook', {
        token: null,
        body: stripeEvent('invoice.paid', {}),
        headers: { 'Stripe-Signature': 't=1,v1=abc' },
      });
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('stripe_not_configured');
      expect(answer.body.error.message).toContain('STRIPE_WEBHOOK_SECRET');
    } finally {
      await bare.close();
    }
  });
});

describe('Stripe event types', () => {
  it('matches exact types, families and *', () => {
    expect(stripeEventMatches('*', 'invoice.paid')).toBe(true);
    expect(stripeEventMatches('invoice.*', 'invoice.paid')).toBe(true);
    expect(stripeEventMatches('invoice.*', 'invoiceitem.created')).toBe(false);
    expect(stripeEventMatches('invoice.paid', 'invoice.paid')).toBe(true);
    expect(stripeEventMatches('invoice.paid', 'invoice.payment_failed')).toBe(false);
  });
});
