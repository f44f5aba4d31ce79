import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graph } from '../../testing/graph-fixture.js';
import { sendGraph } from '../../testing/service-fixtures.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';
import {
  STRIPE_TEST_SECRET as SECRET,
  deliverStripeEvent,
  stripeEvent,
} from '../../testing/stripe-delivery.js';
import type { GuildRecord } from '../storage/index.js';
import { PLANS } from './plans.js';

const DAY = 24 * 60 * 60_000;
let clock = Date.parse('2026-03-10T12:00:00Z');
let service: TestService;
let guildSeq = 0;

beforeAll(async () => {
  service = await startTestService({
    stripeWebhookSecret: SECRET,
    billing: {
      secretKey: 'sk_test_guildflowBilling',
      apiBase: testStack().stripeMockUrl,
      now: () => clock,
    },
  });
});
afterAll(async () => {
  await service?.close();
});

const billing = (guildId: string) => service.api('GET', `/api/guilds/${guildId}/billing`);
const guildRecord = (guildId: string) => service.store.guilds.findById(guildId).lean<GuildRecord>();
const deliver = (type: string, object: Record<string, unknown>) => {
  const event = stripeEvent(type, object);
  return { event, answer: deliverStripeEvent(service, event) };
};

/** A fresh guild with a Stripe customer (its first checkout opened); returns its id and customer. */
async function customerGuild(): Promise<{ guildId: string; customer: string }> {
  guildSeq += 1;
  const guildId = `93000000000000${String(guildSeq).padStart(4, '0')}`;
  const opened = await service.api('POST', `/api/guilds/${guildId}/billing/checkout`, {
    body: { plan: 'premium' },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  const customer = (await guildRecord(guildId))?.billing?.customerId ?? '';
  return { guildId, customer };
}

async function subscribe(guildId: string, customer: string, plan = 'premium') {
  const { answer } = deliver('checkout.session.completed', {
    id: `cs_test_${guildId}`,
    object: 'checkout.session',
    customer,
    subscription: `sub_${guildId}`,
    client_reference_id: guildId,
    metadata: { guildId, plan },
  });
  expect((await answer).body).toEqual({ received: true, applied: true, duplicate: false });
}

async function createGraph(guildId: string, doc = sendGraph('hi')): Promise<string> {
  const created = await service.api('POST', `/api/guilds/${guildId}/graphs`, { body: doc });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

const publish = (guildId: string, id: string) =>
  service.api('POST', `/api/guilds/${guildId}/graphs/${id}/publish`);

/** Publishes `count` graphs named `<prefix> n`, one after another (oldest first). */
async function publishGraphs(guildId: string, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = await createGraph(guildId, sendGraph('hi', `${prefix} ${i}`));
    const answer = await publish(guildId, id);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    ids.push(id);
  }
  return ids;
}

const enabledIds = async (guildId: string) =>
  (
    await service.store.graphs
      .find({ guildId, enabled: true, deletedAt: null }, { _id: 1 })
      .lean<{ _id: string }[]>()
  )
    .map((g) => g._id)
    .sort();

describe('upgrade', () => {
  it('a completed checkout makes the guild Premium with Premium’s limits; a replay changes nothing', async () => {
    const { guildId, customer } = await customerGuild();
    expect((await billing(guildId)).body.plan).toBe('free');
    const { event, answer } = deliver('checkout.session.completed', {
      id: 'cs_test_upgrade',
      object: 'checkout.session',
      customer,
      subscription: 'sub_upgrade',
      client_reference_id: guildId,
      metadata: { guildId, plan: 'premium' },
    });
    expect((await answer).body).toEqual({ received: true, applied: true, duplicate: false });
    const after = await billing(guildId);
    expect(after.body).toMatchObject({
      plan: 'premium',
      planName: 'Premium',
      status: 'active',
      limits: PLANS.premium.limits,
    });
    // A second Checkout would charge two subscriptions: plan changes go through the portal.
    for (const plan of ['premium', 'enterprise'] as const) {
      const again = await service.api('POST', `/api/guilds/${guildId}/billing/checkout`, {
        body: { plan },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe(
        plan === 'premium' ? 'already_on_plan' : 'subscription_exists',
      );
    }
    expect(after.body.limits.publishedGraphs).toBeGreaterThan(PLANS.free.limits.publishedGraphs!);
    const audited = await service.store.audit.countDocuments({ guildId, action: 'billing.event' });
    expect(audited).toBe(1);

    // The same event again (Stripe retries), after the guild was cancelled: still cancelled.
    await deliver('customer.subscription.deleted', {
      id: 'sub_upgrade',
      object: 'subscription',
      customer,
      status: 'canceled',
    }).answer;
    const replay = await deliverStripeEvent(service, event);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, applied: false, duplicate: true });
    expect((await billing(guildId)).body.plan).toBe('free');
    expect(await service.store.audit.countDocuments({ guildId, action: 'billing.event' })).toBe(2);
  });

  it('ignores an event for a customer no guild has (200, nothing changed)', async () => {
    const { answer } = deliver('invoice.paid', {
      id: 'in_nobody',
      object: 'invoice',
      customer: 'cus_nobody',
    });
    expect((await answer).body).toEqual({ received: true, applied: false, duplicate: false });
  });

  it('does not upgrade on a checkout whose reference names another guild', async () => {
    const { guildId, customer } = await customerGuild();
    await deliver('checkout.session.completed', {
      id: 'cs_test_mismatch',
      object: 'checkout.session',
      customer,
      client_reference_id: '930000000000000000',
      metadata: { guildId: '930000000000000000', plan: 'enterprise' },
    }).answer;
    expect((await billing(guildId)).body.plan).toBe('free');
  });
});

describe('limits at publish', () => {
  it('refuses a publish past the published-graph limit with 402 and publishes nothing', async () => {
    const { guildId } = await customerGuild();
    await publishGraphs(guildId, PLANS.free.limits.publishedGraphs!, 'Live');
    const extra = await createGraph(guildId, sendGraph('one too many', 'Extra'));
    const refused = await publish(guildId, extra);
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('plan_limit');
    expect(refused.body.error.message).toMatch(/allows 3 published graph.*upgrade/);
    const stored = await service.store.graphs.findById(extra).lean();
    expect(stored).toMatchObject({ enabled: false, publishedVersion: null, latestVersion: 0 });
    expect(await service.store.versions.countDocuments({ graphId: extra })).toBe(0);
    // Re-publishing a graph that is live already is not a new one.
    const [first] = await enabledIds(guildId);
    expect((await publish(guildId, first!)).status).toBe(200);
    expect((await billing(guildId)).body.usage.publishedGraphs).toBe(3);
  });

  it('lets only one of several simultaneous publishes take the last slot', async () => {
    const { guildId } = await customerGuild();
    await publishGraphs(guildId, PLANS.free.limits.publishedGraphs! - 1, 'Before');
    const racers: string[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F'])
      racers.push(await createGraph(guildId, sendGraph(name, name)));
    const answers = await Promise.all(racers.map((id) => publish(guildId, id)));
    expect(answers.map((x) => x.status).sort()).toEqual([200, 402, 402, 402, 402, 402]);
    expect(await enabledIds(guildId)).toHaveLength(PLANS.free.limits.publishedGraphs!);
  });

  it('refuses a schedule more frequent than the plan allows (402), allows a slower one', async () => {
    const { guildId } = await customerGuild();
    const schedule = (config: Record<string, unknown>) => ({
      ...graph(
        [
          ['t', 'trigger.schedule', config],
          ['send', 'discord.sendMessage', { channelId: '123456789012345678', content: 'tick' }],
        ],
        [['t', 'out', 'send']],
      ),
      name: 'Tick',
    });
    for (const config of [{ interval: '5m' }, { cron: '*/5 * * * *' }]) {
      const refused = await publish(guildId, await createGraph(guildId, schedule(config)));
      expect(refused.status, JSON.stringify(config)).toBe(402);
      expect(refused.body.error.message).toContain('every 15 min');
    }
    expect(
      (await publish(guildId, await createGraph(guildId, schedule({ interval: '1h' })))).status,
    ).toBe(200);
  });
});

describe('downgrade and grace', () => {
  it('a cancelled subscription disables the newest graphs beyond Free and says which', async () => {
    const { guildId, customer } = await customerGuild();
    await subscribe(guildId, customer);
    const ids = await publishGraphs(guildId, 5, 'Graph');
    await deliver('customer.subscription.deleted', {
      id: `sub_${guildId}`,
      object: 'subscription',
      customer,
      status: 'canceled',
    }).answer;
    const answer = await billing(guildId);
    expect(answer.body.plan).toBe('free');
    expect(answer.body.status).toBe('canceled');
    expect(answer.body.disabledGraphs).toEqual([
      { graphId: ids[4], name: 'Graph 5' },
      { graphId: ids[3], name: 'Graph 4' },
    ]);
    expect(await enabledIds(guildId)).toEqual(ids.slice(0, 3).sort());
    // Drafts and versions are kept: the disabled graphs still have their published version.
    const kept = await service.store.graphs.findById(ids[4]).lean();
    expect(kept).toMatchObject({ enabled: false, publishedVersion: 1 });
    const audit = await service.store.audit
      .findOne({ guildId, action: 'billing.downgrade' })
      .lean();
    expect(audit?.note).toContain('Graph 5');
  });

  it('a subscription updated to a cheaper price downgrades the same way', async () => {
    const { guildId, customer } = await customerGuild();
    await subscribe(guildId, customer, 'enterprise');
    const ids = await publishGraphs(guildId, 27, 'E');
    await deliver('customer.subscription.updated', {
      id: `sub_${guildId}`,
      object: 'subscription',
      customer,
      status: 'active',
      items: {
        data: [
          {
            price: { id: 'price_x', lookup_key: PLANS.premium.lookupKey },
            current_period_end: Date.parse('2026-04-10T00:00:00Z') / 1000,
          },
        ],
      },
    }).answer;
    const answer = await billing(guildId);
    expect(answer.body.plan).toBe('premium');
    expect(answer.body.renewsAt).toBe('2026-04-10T00:00:00.000Z');
    expect(answer.body.disabledGraphs.map((g: { graphId: string }) => g.graphId)).toEqual([
      ids[26],
      ids[25],
    ]);
  });

  it('a failed payment keeps the plan for 7 days (past_due), then the guild is on Free', async () => {
    const { guildId, customer } = await customerGuild();
    await subscribe(guildId, customer);
    const ids = await publishGraphs(guildId, 4, 'Paid');
    const invoice = {
      id: `in_${guildId}`,
      object: 'invoice',
      customer,
      number: 'GF-0001',
      status: 'open',
      amount_paid: 0,
      currency: 'usd',
      created: 1_773_000_000,
    };
    await deliver('invoice.payment_failed', invoice).answer;
    const grace = await billing(guildId);
    expect(grace.body).toMatchObject({
      plan: 'premium',
      status: 'past_due',
      graceEndsAt: new Date(clock + 7 * DAY).toISOString(),
    });
    expect(grace.body.invoices[0]).toMatchObject({ id: invoice.id, number: 'GF-0001' });
    clock += 7 * DAY - 60_000;
    expect((await billing(guildId)).body.plan).toBe('premium');
    clock += 2 * 60_000;
    const lapsed = await billing(guildId);
    expect(lapsed.body).toMatchObject({ plan: 'free', status: 'canceled' });
    expect(lapsed.body.disabledGraphs).toEqual([{ graphId: ids[3], name: 'Paid 4' }]);
    expect((await guildRecord(guildId))?.plan).toBe('free');
  });

  it('a paid invoice ends the grace period', async () => {
    const { guildId, customer } = await customerGuild();
    await subscribe(guildId, customer);
    const invoice = { id: `in_${guildId}`, object: 'invoice', customer, status: 'open' };
    await deliver('invoice.payment_failed', invoice).answer;
    expect((await billing(guildId)).body.status).toBe('past_due');
    await deliver('invoice.paid', { ...invoice, status: 'paid', amount_paid: 500 }).answer;
    clock += 8 * DAY;
    const answer = await billing(guildId);
    expect(answer.body).toMatchObject({ plan: 'premium', status: 'active' });
    expect(answer.body.graceEndsAt).toBeUndefined();
    expect(answer.body.invoices).toHaveLength(1);
    expect(answer.body.invoices[0]).toMatchObject({ status: 'paid', amountPaid: 500 });
  });

  it('reads a guild record from before plan ids (`pro`) as Premium', async () => {
    await service.store.guilds.collection.insertOne({
      _id: '930000000000009999' as never,
      name: null,
      settings: {},
      plan: 'pro',
      createdAt: new Date(),
    });
    expect((await billing('930000000000009999')).body.plan).toBe('premium');
  });
});
