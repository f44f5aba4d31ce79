import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../testing/service-harness.js';
import {
  STRIPE_TEST_SECRET as SECRET,
  deliverStripeEvent,
  stripeEvent,
} from '../../testing/stripe-delivery.js';
import { createSession } from '../auth/sessions.js';
import type { GuildRecord } from '../storage/index.js';
import { PLANS } from './plans.js';

const GUILD = '920000000000000001';
const OTHER = '920000000000000002';
const clock = Date.parse('2026-03-10T12:00:00Z');
let service: TestService;
let off: TestService;

beforeAll(async () => {
  service = await startTestService({
    stripeWebhookSecret: SECRET,
    billing: {
      secretKey: 'sk_test_guildflowBilling',
      apiBase: testStack().stripeMockUrl,
      now: () => clock,
    },
  });
  off = await startTestService({ mongo: service.deps.mongo, stripeWebhookSecret: SECRET });
});
afterAll(async () => {
  await off?.close();
  await service?.close();
});

const billing = (guildId = GUILD) => service.api('GET', `/api/guilds/${guildId}/billing`);
const checkout = (plan: unknown, guildId = GUILD) =>
  service.api('POST', `/api/guilds/${guildId}/billing/checkout`, { body: { plan } });
const guildRecord = async (guildId = GUILD) =>
  service.store.guilds.findById(guildId).lean<GuildRecord>();

describe('billing off (self-hosted)', () => {
  it('answers billing off, with no limits and nothing to buy', async () => {
    const answer = await off.api('GET', `/api/guilds/${GUILD}/billing`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ billing: 'off', plan: 'self-hosted', limits: null });
    for (const path of ['checkout', 'portal']) {
      const refused = await off.api('POST', `/api/guilds/${GUILD}/billing/${path}`, {
        body: { plan: 'premium' },
      });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('billing_off');
      expect(refused.body.error.message).toContain('no billing');
    }
  });
});

describe('billing on (hosted)', () => {
  it('starts every guild on Free with its limits, usage and the plan list', async () => {
    const answer = await billing('920000000000000099');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      billing: 'on',
      plan: 'free',
      planName: 'Free',
      status: 'active',
      limits: PLANS.free.limits,
      usage: {
        publishedGraphs: 0,
        runsThisPeriod: 0,
        periodStart: '2026-03-01T00:00:00.000Z',
        periodEnd: '2026-04-01T00:00:00.000Z',
      },
      disabledGraphs: [],
    });
    expect(answer.body.plans.map((p: { id: string }) => p.id)).toEqual([
      'free',
      'premium',
      'enterprise',
    ]);
  });

  it('opens a checkout with a URL, creating the guild’s customer once and reusing it', async () => {
    const first = await checkout('premium');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const customer = (await guildRecord())?.billing?.customerId;
    expect(customer).toMatch(/^cus_/);
    const second = await checkout('enterprise');
    expect(second.status).toBe(200);
    expect((await guildRecord())?.billing?.customerId).toBe(customer);
    const audit = await service.store.audit.find({ guildId: GUILD, action: 'billing.checkout' });
    expect(audit).toHaveLength(2);
  });

  it('refuses an unknown plan (400) and another guild’s billing (404)', async () => {
    const unknown = await checkout('gold');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_request');
    const { token } = await createSession(service.store, {
      user: { id: '78', username: 'mallory' },
      guildIds: [OTHER],
    });
    for (const [method, path] of [
      ['GET', 'billing'],
      ['POST', 'billing/checkout'],
      ['POST', 'billing/portal'],
    ] as const) {
      const answer = await service.api(method, `/api/guilds/${GUILD}/${path}`, {
        token,
        ...(method === 'POST' ? { body: { plan: 'premium' } } : {}),
      });
      expect(answer.status).toBe(404);
    }
  });

  it('opens the customer portal once the guild has a customer, else says what to do', async () => {
    const none = await service.api('POST', `/api/guilds/${OTHER}/billing/portal`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no_customer');
    expect(none.body.error.message).toContain('checkout');
    const portal = await service.api('POST', `/api/guilds/${GUILD}/billing/portal`);
    expect(portal.status, JSON.stringify(portal.body)).toBe(200);
    expect(portal.body.url).toMatch(/^https:\/\//);
  });

  it('refuses a webhook with a bad signature and changes nothing', async () => {
    const event = stripeEvent('customer.subscription.deleted', {
      id: 'sub_x',
      object: 'subscription',
      customer: (await guildRecord())?.billing?.customerId,
    });
    const answer = await deliverStripeEvent(service, event, 'whsec_not_ours');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_signature');
    expect(await service.store.billingEvents.exists({ _id: event.id })).toBeNull();
  });
});
