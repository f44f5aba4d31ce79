import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { sentMessage } from '../../testing/service-fixtures.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import {
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
  it('acknowledges a verified event and starts nothing when billing is off', async () => {
    const graphId = await published(OTHER, ['invoice.paid'], 'paid');
    await recordForGuild(service, OTHER, 'cus_webhookoff');
    const event = stripeEvent('invoice.paid', {
      id: 'in_off',
      object: 'invoice',
      customer: 'cus_webhookoff',
    });
    const answer = await deliver(event);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ received: true, applied: false, duplicate: false });
    // The service's own account is billing only: guild graphs start from their own route.
    expect(await runExists(service, `stripe_${event.id}_${graphId}`)).toBe(false);
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
