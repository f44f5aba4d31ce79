import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { startTestService, type TestService } from '../../testing/service-harness.js';
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

const GUILD = '910000000000000011';
let service: TestService;

beforeAll(async () => {
  service = await startTestService({
    stripeWebhookSecret: SECRET,
    activation: composeActivation(routerActivation(() => openStore(service.deps.mongo))),
  });
});
afterAll(() => service?.close());

const deliver = (event: unknown, secret?: string, signature?: string) =>
  deliverStripeEvent(service, event, secret, signature);

describe('POST /stripe/webhook (the service’s own account)', () => {
  it('acknowledges a verified event and, with billing off, applies nothing and starts no guild graph', async () => {
    const graphId = await publishStripeGraph(service, GUILD, ['customer.updated'], 'no');
    await recordForGuild(service, GUILD, 'cus_servicewebhook');
    const event = stripeEvent('customer.updated', { id: 'cus_servicewebhook', object: 'customer' });
    const answer = await deliver(event);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ received: true, applied: false, duplicate: false });
    expect(await runExists(service, `stripe_${event.id}_${graphId}`)).toBe(false);
  });

  it('refuses a bad or missing signature with 400', async () => {
    const event = stripeEvent('payment_intent.succeeded', { id: 'pi_1' });
    const wrongSecret = await deliver(event, 'whsec_someone_else');
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.error.code).toBe('invalid_signature');
    expect(wrongSecret.body.error.message).toContain('STRIPE_WEBHOOK_SECRET');
    const tampered = Stripe.webhooks.generateTestHeaderString({
      payload: JSON.stringify({ ...event, type: 'other' }),
      secret: SECRET,
    });
    expect((await deliver(event, SECRET, tampered)).status).toBe(400);
    const unsigned = await service.api('POST', '/stripe/webhook', { token: null, body: event });
    expect(unsigned.status).toBe(400);
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
