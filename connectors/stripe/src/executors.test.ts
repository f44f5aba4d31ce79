import { ERROR_TYPES, type ActionContext } from '@guildflow/engine/core';
import { credentialSource, stripeOwnership } from '@guildflow/engine/service';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeExecutors, idempotencyKey } from './index.js';

// Two servers, each with its own Stripe account stored as a `stripe` credential.
const A = '540000000000000001';
const B = '540000000000000002';
const KEY_A = 'sk_test_guildA5f0c2e9d81b7';

let service: TestService;
let stripe: ReturnType<typeof createStripeExecutors>;
let step = 0;

beforeAll(async () => {
  service = await startTestService();
  for (const [guildId, secretKey] of [
    [A, KEY_A],
    [B, 'sk_test_guildBother'],
  ] as const) {
    const added = await service.api('POST', `/api/guilds/${guildId}/credentials`, {
      body: { name: 'shop', type: 'stripe', value: { secretKey, webhookSecret: 'whsec_x' } },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  await service.api('POST', `/api/guilds/${A}/credentials`, {
    body: { name: 'crm', type: 'bearer', value: 'tok_not_stripe' },
  });
  // The worker's wiring: credentials and ownership on the store, stripe-mock as the API.
  stripe = createStripeExecutors({
    credentials: credentialSource(service.deps.mongo, 'test-secret-key'),
    ownership: stripeOwnership(service.deps.mongo),
    apiBase: testStack().stripeMockUrl,
  });
});
afterAll(() => service?.close());

function context(guildId = A): ActionContext {
  step += 1;
  return {
    runId: `run_${step}`,
    graphId: 'g1',
    guildId,
    version: 1,
    nodeId: `n${step}`,
    simulate: false,
    idempotencyKey: `run_${step}:n${step}`,
  };
}

const owner = async (id: string) =>
  (await service.store.stripeObjects.findById(id).lean())?.guildId;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error as { type: string; nonRetryable: boolean; message: string },
  );

describe('the Stripe executors against stripe-mock, on the guild’s stored account', () => {
  it('creates a customer recorded for its guild, and reads it back', async () => {
    const created = await stripe['stripe.createCustomer']({
      config: { credential: 'shop', email: 'ada@example.com', metadata: { discordUserId: '42' } },
      context: context(),
    });
    expect(created.customerId).toMatch(/^cus_/);
    expect(await owner(created.customerId)).toBe(A);
    const read = await stripe['stripe.getCustomer']({
      config: { credential: 'shop', customerId: created.customerId },
      context: context(),
    });
    expect(read).toMatchObject({ id: created.customerId, metadata: expect.any(Object) });
  });

  it('reads and cancels the guild’s subscription (at period end, and at once)', async () => {
    await stripeOwnership(service.deps.mongo).record(A, 'sub_ofguilda');
    const sub = await stripe['stripe.getSubscription']({
      config: { credential: 'shop', subscriptionId: 'sub_ofguilda' },
      context: context(),
    });
    expect(sub).toMatchObject({ id: 'sub_ofguilda', customerId: expect.stringMatching(/^cus_/) });
    expect(sub.priceIds.every((id) => typeof id === 'string')).toBe(true);
    const later = await stripe['stripe.cancelSubscription']({
      config: { credential: 'shop', subscriptionId: 'sub_ofguilda' },
      context: context(),
    });
    expect(later.id).toBe('sub_ofguilda');
    const now = await stripe['stripe.cancelSubscription']({
      config: { credential: 'shop', subscriptionId: 'sub_ofguilda', atPeriodEnd: false },
      context: context(),
    });
    expect(now.id).toBe('sub_ofguilda');
  });

  it('creates a checkout session (recorded) for the guild’s own customer', async () => {
    const { customerId } = await stripe['stripe.createCustomer']({
      config: { credential: 'shop', email: 'buyer@example.com' },
      context: context(),
    });
    const session = await stripe['stripe.createCheckoutSession']({
      config: {
        credential: 'shop',
        priceId: 'price_1',
        mode: 'subscription',
        customerId,
        successUrl: 'https://example.com/thanks',
        cancelUrl: 'https://example.com/pricing',
        metadata: { discordUserId: '42' },
      },
      context: context(),
    });
    expect(session.sessionId).toMatch(/^cs_/);
    expect(session.url).toMatch(/^https:\/\//);
    expect(await owner(session.sessionId)).toBe(A);
  });

  it('creates a promotion code for a coupon, recorded for the guild, and deactivates it', async () => {
    const promo = await stripe['stripe.createPromotionCode']({
      config: {
        credential: 'shop',
        couponId: 'LAUNCH10',
        code: 'SEASON2',
        maxRedemptions: 50,
        expiresAt: '2030-01-01T00:00:00Z',
      },
      context: context(),
    });
    expect(promo).toMatchObject({ id: expect.stringMatching(/^promo_/), code: 'SEASON2' });
    expect(await owner(promo.id)).toBe(A);
    const off = await stripe['stripe.deactivatePromotionCode']({
      config: { credential: 'shop', promotionCodeId: promo.id },
      context: context(),
    });
    expect(off).toMatchObject({ id: promo.id, active: false });
  });

  it('refuses another guild’s object before calling Stripe (stripe_object_not_owned)', async () => {
    const { customerId } = await stripe['stripe.createCustomer']({
      config: { credential: 'shop', email: 'b@example.com' },
      context: context(B),
    });
    const refused = await failure(
      stripe['stripe.getCustomer']({
        config: { credential: 'shop', customerId },
        context: context(A),
      }),
    );
    expect(refused).toMatchObject({ type: 'stripe_object_not_owned', nonRetryable: true });
    const promo = await failure(
      stripe['stripe.deactivatePromotionCode']({
        config: { credential: 'shop', promotionCodeId: 'promo_neverrecorded' },
        context: context(A),
      }),
    );
    expect(promo.type).toBe('stripe_object_not_owned');
  });

  it('refuses a credential that is not a Stripe account, or none, non-retryably', async () => {
    const config = { credential: 'crm', email: 'x@example.com' };
    const wrong = await failure(stripe['stripe.createCustomer']({ config, context: context() }));
    expect(wrong).toMatchObject({ type: ERROR_TYPES.invalidConfig, nonRetryable: true });
    expect(wrong.message).toContain('not a Stripe account');
    expect(wrong.message).not.toContain('tok_not_stripe');
    const missing = await failure(
      stripe['stripe.createCustomer']({
        config: { ...config, credential: 'nope' },
        context: context(),
      }),
    );
    expect(missing.message).toContain('No credential named "nope"');
  });

  it('retries when Stripe cannot be reached, never quoting the key', async () => {
    const offline = createStripeExecutors({
      credentials: credentialSource(service.deps.mongo, 'test-secret-key'),
      ownership: stripeOwnership(service.deps.mongo),
      apiBase: 'http://127.0.0.1:9', // discard: nothing listens
    });
    const error = await failure(
      offline['stripe.createCustomer']({
        config: { credential: 'shop', email: 'x@example.com' },
        context: context(),
      }),
    );
    expect(error).toMatchObject({ type: ERROR_TYPES.connectionError, nonRetryable: false });
    expect(error.message).not.toContain(KEY_A);
  });

  it('derives one idempotency key per step, the same on every retry', () => {
    const ctx = context();
    const retried: ActionContext = { ...ctx, attempt: 3 };
    expect(idempotencyKey(ctx)).toBe(idempotencyKey(retried));
    expect(idempotencyKey(ctx)).not.toBe(idempotencyKey(context()));
    expect(idempotencyKey(ctx).length).toBeLessThanOrEqual(255);
  });
});
