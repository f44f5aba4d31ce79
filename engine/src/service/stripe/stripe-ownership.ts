import { ApplicationFailure } from '@temporalio/common';
import type { Connection } from 'mongoose';
import {
  isDuplicateKey,
  openStore,
  type Store,
  type StripeObjectKind,
  type StripeObjectRecord,
  type StripeRecordedVia,
} from '../storage/index.js';

const KINDS: Record<string, StripeObjectKind> = {
  cus: 'customer',
  sub: 'subscription',
  cs: 'checkout_session',
  promo: 'promotion_code',
};

/**
 * A Stripe id of an object a guild can own: `cus_…`, `sub_…`, `cs_…` (checkout sessions carry
 * `cs_test_…` / `cs_live_…`) or `promo_…` (promotion codes).
 *
 * @example
 * STRIPE_OWNABLE_ID.test('cus_NffrFeUfNV2Hib'); // true
 */
export const STRIPE_OWNABLE_ID = /^(cus|sub|cs|promo)_[A-Za-z0-9_]{1,250}$/;

/**
 * The kind of a Stripe id Guildflow records owners of, by its prefix; undefined for others.
 *
 * @example
 * stripeObjectKind('sub_1MowQV'); // 'subscription'
 * stripeObjectKind('in_1MtHbE'); // undefined (invoices route by their customer/subscription)
 */
export function stripeObjectKind(id: string): StripeObjectKind | undefined {
  const match = STRIPE_OWNABLE_ID.exec(id);
  return match ? KINDS[match[1] as string] : undefined;
}

/**
 * Thrown by `recordStripeObject` when the object already belongs to another guild: an owner is
 * never replaced.
 *
 * @example
 * catch (error) { if (error instanceof StripeObjectOwnedElsewhere) … }
 */
export class StripeObjectOwnedElsewhere extends Error {
  override readonly name = 'StripeObjectOwnedElsewhere';
  constructor(readonly objectId: string) {
    super(`Stripe object ${objectId} already belongs to another guild.`);
  }
}

/**
 * Records that `guildId` owns a Stripe customer, subscription or checkout session, so its events
 * reach that guild's `trigger.stripeEvent` graphs and its Stripe actions may use it. Call it
 * right after creating the object for the guild (Stripe actions, billing: `via: 'action'`), for
 * what a completed checkout created (`'checkout'`), or when the operator records an object
 * made outside Guildflow (`'operator'`). Idempotent for the same guild (`recorded: false`: it
 * was already); throws `StripeObjectOwnedElsewhere` when another guild owns it, and a plain
 * error for an id that is not `cus_`/`sub_`/`cs_`.
 *
 * @example
 * const session = await stripe.checkout.sessions.create({ … });
 * await recordStripeObject(store, { objectId: session.id, guildId, via: 'action' });
 */
export async function recordStripeObject(
  store: Store,
  input: { objectId: string; guildId: string; via: StripeRecordedVia },
): Promise<{ recorded: boolean; record: StripeObjectRecord }> {
  const kind = stripeObjectKind(input.objectId);
  if (!kind)
    throw new Error(
      `Only customers (cus_…), subscriptions (sub_…), checkout sessions (cs_…) and promotion codes (promo_…) are recorded, not ${JSON.stringify(input.objectId)}.`,
    );
  const record: StripeObjectRecord = {
    _id: input.objectId,
    guildId: input.guildId,
    kind,
    recordedVia: input.via,
    recordedAt: new Date(),
  };
  try {
    // Insert-only on the unique _id: of two guilds racing for one object, exactly one wins.
    await store.stripeObjects.create(record);
    return { recorded: true, record };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const existing = await store.stripeObjects.findById(input.objectId).lean<StripeObjectRecord>();
  if (existing?.guildId !== input.guildId) throw new StripeObjectOwnedElsewhere(input.objectId);
  return { recorded: false, record: existing };
}

/**
 * Refuses a Stripe object the guild does not own: what every Stripe action calls before reading
 * or changing an object named in its config (`customerId`, `subscriptionId`, …). The failure is
 * non-retryable (`stripe_object_not_owned`), so the step takes its `error` port at once; the
 * message never says whose object it is.
 *
 * @example
 * await assertStripeObjectOwned(store, { objectId: config.customerId, guildId: context.guildId });
 * const customer = await stripe.customers.retrieve(config.customerId);
 */
export async function assertStripeObjectOwned(
  store: Store,
  input: { objectId: string; guildId: string },
): Promise<void> {
  const owner = await store.stripeObjects
    .findById(input.objectId, { guildId: 1 })
    .lean<Pick<StripeObjectRecord, 'guildId'>>();
  if (owner?.guildId === input.guildId) return;
  const kind = stripeObjectKind(input.objectId)?.replace('_', ' ') ?? 'object';
  throw ApplicationFailure.nonRetryable(
    `Stripe ${kind} ${input.objectId} does not belong to this server: a graph may only use the Stripe objects its server’s graphs created (customers, checkout sessions and what they bought, promotion codes) or the operator recorded for it.`,
    'stripe_object_not_owned',
  );
}

/**
 * The ownership port of the Stripe executors (`StripeOwnership` in connectors/stripe), on the
 * store: `record` after each create (`via: 'action'`), `assertOwned` before each read or change.
 *
 * @example
 * createStripeExecutors({ credentials, ownership: stripeOwnership(mongo), apiBase });
 */
export function stripeOwnership(mongo: Connection) {
  return {
    async record(guildId: string, objectId: string): Promise<void> {
      await recordStripeObject(await openStore(mongo), { objectId, guildId, via: 'action' });
    },
    async assertOwned(guildId: string, objectId: string): Promise<void> {
      await assertStripeObjectOwned(await openStore(mongo), { objectId, guildId });
    },
  };
}
