import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { sentMessage } from '../../testing/service-fixtures.js';
import {
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import {
  STRIPE_TEST_SECRET,
  deliverStripeEvent,
  publishStripeGraph,
  recordForGuild,
  stripeEvent,
} from '../../testing/stripe-delivery.js';
import { runExists } from '../../testing/webhook-delivery.js';
import { composeActivation } from '../graphs/activation.js';
import { routerActivation } from '../router/router-activation.js';
import { openStore } from '../storage/index.js';
import { stripeObjectRefs } from './stripe-attribution.js';

// Guild A owns its Stripe objects; guild B's graphs would like A's events.
const A = '920000000000000001';
const B = '920000000000000002';
const stubs = recordingActivities({ 'discord.sendMessage': sentMessage });
let worker: TestWorker;
let service: TestService;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({
    taskQueue: worker.taskQueue,
    stripeWebhookSecret: STRIPE_TEST_SECRET,
    activation: composeActivation(routerActivation(() => openStore(service.deps.mongo))),
  });
});
afterAll(async () => {
  await service?.close();
  await worker?.stop();
});

const deliver = (event: unknown) => deliverStripeEvent(service, event);

describe('Stripe events route by recorded ownership', () => {
  it('never routes an event by metadata.guildId alone', async () => {
    const graphA = await publishStripeGraph(service, A, ['customer.deleted'], 'A');
    const event = stripeEvent('customer.deleted', {
      id: 'cus_neverrecorded',
      object: 'customer',
      metadata: { guildId: A },
    });
    const answer = await deliver(event);
    // Answered 200 (Stripe must not retry forever), nothing started.
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ received: true, runs: 0, runIds: [] });
    expect(await runExists(service, `stripe_${event.id}_${graphA}`)).toBe(false);
  });

  it("runs only the owner's graphs, whatever the metadata names", async () => {
    const graphA = await publishStripeGraph(service, A, ['customer.updated', 'invoice.paid'], 'A');
    const graphB = await publishStripeGraph(service, B, ['customer.updated', 'invoice.paid'], 'B');
    await recordForGuild(service, A, 'cus_ownedbya');
    const customer = stripeEvent('customer.updated', {
      id: 'cus_ownedbya',
      object: 'customer',
      metadata: { guildId: B },
    });
    expect((await deliver(customer)).body.runIds).toEqual([`stripe_${customer.id}_${graphA}`]);
    expect(await runExists(service, `stripe_${customer.id}_${graphB}`)).toBe(false);
    // An invoice of that customer (its own id never recorded) follows the customer.
    const invoice = stripeEvent('invoice.paid', {
      id: 'in_ofa',
      object: 'invoice',
      customer: 'cus_ownedbya',
      metadata: { guildId: B },
      parent: { subscription_details: { metadata: { guildId: B } } },
    });
    expect((await deliver(invoice)).body.runIds).toEqual([`stripe_${invoice.id}_${graphA}`]);
    expect(await runExists(service, `stripe_${invoice.id}_${graphB}`)).toBe(false);
  });

  it('chains a completed checkout to the customer and subscription it created', async () => {
    const completed = await publishStripeGraph(service, A, ['checkout.session.completed'], 'paid');
    const renewed = await publishStripeGraph(service, A, ['customer.subscription.updated'], 'sub');
    const spy = await publishStripeGraph(service, B, ['customer.subscription.updated'], 'spy');
    await recordForGuild(service, A, 'cs_test_chain');
    const checkout = stripeEvent('checkout.session.completed', {
      id: 'cs_test_chain',
      object: 'checkout.session',
      customer: 'cus_fromcheckout',
      subscription: 'sub_fromcheckout',
      metadata: {},
    });
    expect((await deliver(checkout)).body.runIds).toEqual([`stripe_${checkout.id}_${completed}`]);
    const owners = await service.store.stripeObjects
      .find({ _id: { $in: ['cus_fromcheckout', 'sub_fromcheckout'] } })
      .lean();
    expect(owners.map((o) => [o._id, o.guildId, o.recordedVia]).sort()).toEqual([
      ['cus_fromcheckout', A, 'checkout'],
      ['sub_fromcheckout', A, 'checkout'],
    ]);
    const update = stripeEvent('customer.subscription.updated', {
      id: 'sub_fromcheckout',
      object: 'subscription',
      customer: 'cus_fromcheckout',
      metadata: { guildId: B },
    });
    expect((await deliver(update)).body.runIds).toEqual([`stripe_${update.id}_${renewed}`]);
    expect(await runExists(service, `stripe_${update.id}_${spy}`)).toBe(false);
  });

  it('lets no one claim objects through an unrecorded checkout, and ignores disagreeing references', async () => {
    const graphB = await publishStripeGraph(service, B, ['checkout.session.expired'], 'B');
    // B names A's customer in a session nobody recorded: the event is about A's customer, so
    // only A could get it — and the subscription in it is recorded for no one.
    const forged = stripeEvent('checkout.session.expired', {
      id: 'cs_test_notours',
      object: 'checkout.session',
      customer: 'cus_ownedbya',
      subscription: 'sub_claimed',
      metadata: { guildId: B },
    });
    expect((await deliver(forged)).status).toBe(200);
    expect(await runExists(service, `stripe_${forged.id}_${graphB}`)).toBe(false);
    const completedForged = stripeEvent('checkout.session.completed', {
      ...forged.data.object,
    });
    await deliver(completedForged);
    expect(await service.store.stripeObjects.findById('sub_claimed').lean()).toBeNull();
    // References owned by two guilds: neither gets the event.
    const graphA = await publishStripeGraph(service, A, ['checkout.session.expired'], 'A');
    await recordForGuild(service, A, 'cus_splita');
    await recordForGuild(service, B, 'sub_splitb');
    const split = stripeEvent('checkout.session.expired', {
      id: 'cs_test_split',
      object: 'checkout.session',
      customer: 'cus_splita',
      subscription: 'sub_splitb',
    });
    expect((await deliver(split)).body).toEqual({ received: true, runs: 0, runIds: [] });
    expect(await runExists(service, `stripe_${split.id}_${graphA}`)).toBe(false);
  });
});

describe('stripeObjectRefs', () => {
  it('reads the own id and the customer, subscription and checkout session references', () => {
    expect(
      stripeObjectRefs({
        id: 'sub_1',
        customer: { id: 'cus_1', object: 'customer' },
        subscription: null,
        checkout_session: 'cs_test_1',
        parent: { subscription_details: { subscription: 'sub_2' } },
        metadata: { guildId: '123' },
      }),
    ).toEqual({ own: 'sub_1', refs: ['cus_1', 'cs_test_1', 'sub_2'] });
    expect(stripeObjectRefs({ id: 'in_1', customer: 'not an id' })).toEqual({
      own: undefined,
      refs: [],
    });
    expect(stripeObjectRefs(null)).toEqual({ own: undefined, refs: [] });
  });
});
