import { GUILD_ID_PATTERN } from '../auth/index.js';
import { log, messageOf } from '../log.js';
import type { Store, StripeObjectRecord } from '../storage/index.js';
import {
  StripeObjectOwnedElsewhere,
  recordStripeObject,
  stripeObjectKind,
} from './stripe-ownership.js';

// A completed checkout created its customer and subscription for the session's guild.
const CHECKOUT_DONE = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
]);

/**
 * The ownable Stripe ids an event object names: its own id, and the customer, subscription and
 * checkout session it refers to (as ids or expanded objects; an invoice's subscription also
 * under `parent.subscription_details`).
 *
 * @example
 * stripeObjectRefs({ id: 'in_1', customer: 'cus_1', subscription: { id: 'sub_1' } });
 * // { own: undefined, refs: ['cus_1', 'sub_1'] }
 */
export function stripeObjectRefs(object: unknown): { own: string | undefined; refs: string[] } {
  const read = (...path: string[]): unknown =>
    path.reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      object,
    );
  const idOf = (value: unknown): string | undefined => {
    const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value;
    return typeof id === 'string' && stripeObjectKind(id) ? id : undefined;
  };
  const refs = [
    read('customer'),
    read('subscription'),
    read('checkout_session'),
    read('parent', 'subscription_details', 'subscription'),
  ]
    .map(idOf)
    .filter((id): id is string => id !== undefined);
  return { own: idOf(read('id')), refs: [...new Set(refs)] };
}

/**
 * The guild a verified Stripe event is for — decided only by what Guildflow recorded: the guild
 * that owns the event's object, else the one owning every recorded object it refers to
 * (customer, subscription, checkout session). `metadata.guildId` never decides (any graph could
 * write it); an event no recorded object vouches for, or whose references disagree, is logged
 * as unattributed and gets null. A completed checkout of a recorded session first records the
 * customer and subscription it created for the session's guild, so their later events route.
 *
 * @example
 * const guildId = await attributeStripeEvent(store, event); // null: nothing runs
 */
export async function attributeStripeEvent(
  store: Store,
  event: { id: string; type: string; data: { object: unknown } },
): Promise<string | null> {
  const { own, refs } = stripeObjectRefs(event.data.object);
  const ids = own === undefined ? refs : [own, ...refs.filter((id) => id !== own)];
  const owners = new Map<string, string>();
  if (ids.length > 0) {
    const records = await store.stripeObjects
      .find({ _id: { $in: ids } }, { guildId: 1 })
      .lean<Pick<StripeObjectRecord, '_id' | 'guildId'>[]>();
    for (const record of records) owners.set(record._id, record.guildId);
  }
  // The object's own owner decides; otherwise its recorded references must agree.
  const ownOwner = own === undefined ? undefined : owners.get(own);
  const refOwners = new Set(refs.flatMap((id) => owners.get(id) ?? []));
  const guildId = ownOwner ?? (refOwners.size === 1 ? [...refOwners][0] : undefined);
  if (!guildId) {
    unattributed(event, ids, refOwners.size > 1 ? 'ambiguous' : 'unrecorded');
    return null;
  }
  if (ownOwner && CHECKOUT_DONE.has(event.type))
    await chainCheckout(store, event.id, guildId, refs);
  return guildId;
}

async function chainCheckout(
  store: Store,
  eventId: string,
  guildId: string,
  refs: string[],
): Promise<void> {
  for (const objectId of refs) {
    const kind = stripeObjectKind(objectId);
    if (kind !== 'customer' && kind !== 'subscription') continue;
    try {
      await recordStripeObject(store, { objectId, guildId, via: 'checkout' });
    } catch (error) {
      // Another guild's customer in this guild's checkout: keep the owner, say so.
      if (!(error instanceof StripeObjectOwnedElsewhere)) throw error;
      log('warn', 'stripe.owner_conflict', { eventId, objectId, guildId, error: messageOf(error) });
    }
  }
}

function unattributed(
  event: { id: string; type: string; data: { object: unknown } },
  objectIds: string[],
  reason: 'unrecorded' | 'ambiguous',
): void {
  const metadata = (event.data.object as { metadata?: { guildId?: unknown } } | null)?.metadata;
  const claimed =
    typeof metadata?.guildId === 'string' && GUILD_ID_PATTERN.test(metadata.guildId)
      ? metadata.guildId
      : undefined;
  // A guild named only in metadata is worth a warning: an unrecorded object, or a spoof.
  log(claimed ? 'warn' : 'info', 'stripe.event_unattributed', {
    eventId: event.id,
    type: event.type,
    reason,
    objectIds,
    ...(claimed ? { metadataGuildId: claimed } : {}),
  });
}
