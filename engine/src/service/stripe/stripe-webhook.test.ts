import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ActionInput } from '../../interpreter/contract.js';
import { sentMessage } from '../../testing/service-fixtures.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { graph } from '../../testing/graph-fixture.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { composeActivation } from '../graphs/activation.js';
import { routerActivation } from '../router/router-activation.js';
import { openStore } from '../storage/index.js';
import { guildIdOfStripeEvent, stripeEventMatches } from './stripe-events.js';

const SECRET = 'whsec_test_guildflow';
const GUILD = '910000000000000001';
const OTHER = '910000000000000002';
const CHANNEL = '910000000000000100';
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

function stripeGraph(events: string[], content: string) {
  return {
    ...graph(
      [
        ['t', 'trigger.stripeEvent', { events }],
        ['send', 'discord.sendMessage', { channelId: CHANNEL, content }],
      ],
      [['t', 'out', 'send']],
    ),
    name: `Stripe ${events.join(',')}`,
  };
}

async function published(guildId: string, events: string[], content: string): Promise<string> {
  const created = await service.api('POST', `/api/guilds/${guildId}/graphs`, {
    body: stripeGraph(events, content),
  });
  const id = created.body.id as string;
  const publish = await service.api('POST', `/api/guilds/${guildId}/graphs/${id}/publish`);
  expect(publish.status, JSON.stringify(publish.body)).toBe(200);
  return id;
}

let eventSeq = 0;
function stripeEvent(type: string, object: Record<string, unknown>) {
  eventSeq += 1;
  return {
    id: `evt_test${Date.now()}x${eventSeq}`,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: 1_718_000_000,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** Delivers an event as Stripe does: raw JSON, signed with the endpoint's secret. */
function deliver(event: unknown, secret = SECRET, signature?: string) {
  const payload = JSON.stringify(event);
  const header = signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return service.api('POST', '/stripe/webhook', {
    token: null,
    rawBody: payload,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': header },
  });
}

async function runExists(runId: string): Promise<boolean> {
  try {
    await service.deps.temporal.client.workflow.getHandle(runId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

describe('POST /stripe/webhook', () => {
  it('starts one run per matching graph, and a redelivery starts nothing new', async () => {
    const graphId = await published(
      GUILD,
      ['checkout.session.completed'],
      'Paid: {{ trigger.data.object.metadata.discordUserId }} ({{ trigger.type }})',
    );
    const event = stripeEvent('checkout.session.completed', {
      id: 'cs_test_1',
      object: 'checkout.session',
      metadata: { guildId: GUILD, discordUserId: '555' },
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

  it('starts nothing for other event types, other guilds, disabled graphs or no guild', async () => {
    const graphId = await published(GUILD, ['customer.subscription.deleted'], 'bye');
    const unmatched = stripeEvent('customer.subscription.created', {
      object: 'subscription',
      metadata: { guildId: GUILD },
    });
    expect((await deliver(unmatched)).body).toEqual({ received: true, runs: 0, runIds: [] });
    const otherGuild = stripeEvent('customer.subscription.deleted', {
      object: 'subscription',
      metadata: { guildId: OTHER },
    });
    expect((await deliver(otherGuild)).body.runs).toBe(0);
    const noGuild = stripeEvent('customer.subscription.deleted', { object: 'subscription' });
    expect((await deliver(noGuild)).body).toEqual({ received: true, runs: 0, runIds: [] });
    await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/disable`);
    const afterDisable = stripeEvent('customer.subscription.deleted', {
      object: 'subscription',
      metadata: { guildId: GUILD },
    });
    expect((await deliver(afterDisable)).body.runs).toBe(0);
  });

  it('matches families and finds the guild of a subscription invoice', async () => {
    const graphId = await published(OTHER, ['invoice.*'], 'invoice {{ trigger.data.object.id }}');
    const event = stripeEvent('invoice.paid', {
      id: 'in_1',
      object: 'invoice',
      metadata: {},
      parent: { subscription_details: { metadata: { guildId: OTHER } } },
    });
    expect((await deliver(event)).body.runIds).toEqual([`stripe_${event.id}_${graphId}`]);
  });

  it('refuses a bad or missing signature with 400 and starts nothing', async () => {
    const graphId = await published(GUILD, ['payment_intent.succeeded'], 'paid');
    const event = stripeEvent('payment_intent.succeeded', {
      object: 'payment_intent',
      metadata: { guildId: GUILD },
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
    expect(await runExists(`stripe_${event.id}_${graphId}`)).toBe(false);
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

describe('Stripe event routing rules', () => {
  it('matches exact types, families and *', () => {
    expect(stripeEventMatches('*', 'invoice.paid')).toBe(true);
    expect(stripeEventMatches('invoice.*', 'invoice.paid')).toBe(true);
    expect(stripeEventMatches('invoice.*', 'invoiceitem.created')).toBe(false);
    expect(stripeEventMatches('invoice.paid', 'invoice.paid')).toBe(true);
    expect(stripeEventMatches('invoice.paid', 'invoice.payment_failed')).toBe(false);
  });

  it('reads the guild from metadata.guildId of the event object', () => {
    const of = (object: unknown) => guildIdOfStripeEvent({ data: { object } });
    expect(of({ metadata: { guildId: '123' } })).toBe('123');
    expect(of({ subscription_details: { metadata: { guildId: '456' } } })).toBe('456');
    expect(of({ metadata: { guildId: 'not a guild!' } })).toBeUndefined();
    expect(of({ metadata: { guildId: 42 } })).toBeUndefined();
    expect(of(null)).toBeUndefined();
  });
});
