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
  connectStripeAccount,
  deliverStripeEvent,
  guildStripeWebhook,
  publishStripeGraph,
  recordForGuild,
  stripeEvent,
} from '../../testing/stripe-delivery.js';
import { runExists } from '../../testing/webhook-delivery.js';
import { composeActivation } from '../graphs/activation.js';
import { routerActivation } from '../router/router-activation.js';
import { openStore } from '../storage/index.js';
import { stripeEventMatches } from './stripe-events.js';

// Two servers, each with its own Stripe account (credential "shop") and signing secret.
const GUILD = '910000000000000001';
const OTHER = '910000000000000002';
const SECRET = 'whsec_guild_one_signing';
const OTHER_SECRET = 'whsec_guild_two_signing';
const stubs = recordingActivities({ 'discord.sendMessage': sentMessage });
let worker: TestWorker;
let service: TestService;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({
    taskQueue: worker.taskQueue,
    activation: composeActivation(routerActivation(() => openStore(service.deps.mongo))),
  });
  await connectStripeAccount(service, GUILD, 'shop', SECRET);
  await connectStripeAccount(service, OTHER, 'shop', OTHER_SECRET);
  const bearer = await service.api('POST', `/api/guilds/${GUILD}/credentials`, {
    body: { name: 'crm', type: 'bearer', value: 'tok_1' },
  });
  expect(bearer.status).toBe(201);
});
afterAll(async () => {
  await service?.close();
  await worker?.stop();
});

const published = (guildId: string, events: string[], content: string) =>
  publishStripeGraph(service, guildId, events, content);
const deliver = (event: unknown, guildId = GUILD, secret = SECRET, signature?: string) =>
  deliverStripeEvent(service, event, secret, signature, guildStripeWebhook(guildId, 'shop'));

describe('POST /stripe/webhook/guilds/:guildId/:credential', () => {
  it("starts the guild's matching graphs for its own account's event; a redelivery starts nothing new", async () => {
    const graphId = await published(
      GUILD,
      ['checkout.session.completed'],
      'Paid: {{ trigger.data.object.metadata.discordUserId }} ({{ trigger.type }})',
    );
    const spy = await published(OTHER, ['checkout.session.completed'], 'not mine');
    // Nothing recorded: events of the guild's own account belong to it.
    const event = stripeEvent('checkout.session.completed', {
      id: 'cs_test_webhook1',
      object: 'checkout.session',
      metadata: { discordUserId: '555', guildId: OTHER },
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
    expect(await runExists(service, `stripe_${event.id}_${spy}`)).toBe(false);

    const again = await deliver(event);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, runs: 0, runIds: [runId] });
  });

  it('starts nothing for other event types or disabled graphs; matches families', async () => {
    const graphId = await published(GUILD, ['customer.subscription.deleted'], 'bye');
    const subscription = { id: 'sub_webhook2', object: 'subscription' };
    const unmatched = stripeEvent('customer.subscription.created', subscription);
    expect((await deliver(unmatched)).body).toEqual({ received: true, runs: 0, runIds: [] });
    await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/disable`);
    const afterDisable = stripeEvent('customer.subscription.deleted', subscription);
    expect((await deliver(afterDisable)).body.runs).toBe(0);

    const family = await published(OTHER, ['invoice.*'], 'invoice {{ trigger.data.object.id }}');
    const invoice = stripeEvent('invoice.paid', { id: 'in_1', object: 'invoice' });
    expect((await deliver(invoice, OTHER, OTHER_SECRET)).body.runIds).toEqual([
      `stripe_${invoice.id}_${family}`,
    ]);
  });

  it('refuses a bad, tampered or missing signature, and another guild’s secret, with 400; nothing starts', async () => {
    const graphId = await published(GUILD, ['payment_intent.succeeded'], 'paid');
    const event = stripeEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent' });
    // Signed with the other server's secret: its account, not this one's.
    const otherAccount = await deliver(event, GUILD, OTHER_SECRET);
    expect(otherAccount.status).toBe(400);
    expect(otherAccount.body.error.code).toBe('invalid_signature');
    expect(otherAccount.body.error.message).toContain('webhookSecret of the "shop" credential');
    expect(otherAccount.body.error.message).not.toContain(SECRET);
    const tampered = Stripe.webhooks.generateTestHeaderString({
      payload: JSON.stringify({ ...event, type: 'other' }),
      secret: SECRET,
    });
    expect((await deliver(event, GUILD, SECRET, tampered)).status).toBe(400);
    const unsigned = await service.api('POST', guildStripeWebhook(GUILD, 'shop'), {
      token: null,
      body: event,
    });
    expect(unsigned.status).toBe(400);
    expect(await runExists(service, `stripe_${event.id}_${graphId}`)).toBe(false);
  });

  it('answers 404 for an unknown server, credential or a credential that is not Stripe', async () => {
    const graphId = await published(GUILD, ['invoice.paid'], 'paid');
    const event = stripeEvent('invoice.paid', { id: 'in_404', object: 'invoice' });
    for (const path of [
      guildStripeWebhook('910000000000000099', 'shop'),
      guildStripeWebhook(GUILD, 'nope'),
      guildStripeWebhook(GUILD, 'crm'),
      guildStripeWebhook(GUILD, 'not a name'),
    ]) {
      const answer = await deliverStripeEvent(service, event, SECRET, undefined, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect(await runExists(service, `stripe_${event.id}_${graphId}`)).toBe(false);
  });

  it('answers 503 saying what to do when the credential cannot be opened with this key', async () => {
    const rekeyed = await startTestService({ mongo: service.deps.mongo, secretKey: 'another-key' });
    try {
      const event = stripeEvent('invoice.paid', { id: 'in_503', object: 'invoice' });
      const answer = await deliverStripeEvent(
        rekeyed,
        event,
        SECRET,
        undefined,
        guildStripeWebhook(GUILD, 'shop'),
      );
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('stripe_not_configured');
      expect(answer.body.error.message).toContain('GUILDFLOW_SECRET_KEY');
      expect(answer.body.error.message).not.toContain(SECRET);
    } finally {
      await rekeyed.close();
    }
  });

  it('records what a completed checkout of the guild’s own session bought, and nothing for another’s', async () => {
    await recordForGuild(service, GUILD, 'cs_test_chain');
    const completed = (id: string, n: string) =>
      stripeEvent('checkout.session.completed', {
        id,
        object: 'checkout.session',
        customer: `cus_fromcheckout${n}`,
        subscription: { id: `sub_fromcheckout${n}`, object: 'subscription' },
      });
    expect((await deliver(completed('cs_test_chain', '1'))).status).toBe(200);
    const owners = await service.store.stripeObjects
      .find({ _id: { $in: ['cus_fromcheckout1', 'sub_fromcheckout1'] } })
      .lean();
    expect(owners.map((o) => [o._id, o.guildId, o.recordedVia]).sort()).toEqual([
      ['cus_fromcheckout1', GUILD, 'checkout'],
      ['sub_fromcheckout1', GUILD, 'checkout'],
    ]);
    // A session this server's graphs did not create claims nothing, even from its own account.
    expect((await deliver(completed('cs_test_notours', '2'))).status).toBe(200);
    expect(await service.store.stripeObjects.findById('cus_fromcheckout2').lean()).toBeNull();
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
