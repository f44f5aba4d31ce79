import type Stripe from 'stripe';
import type { ServiceDeps } from '../deps.js';
import { log } from '../log.js';
import { isDuplicateKey, recordAudit, type GuildRecord, type Store } from '../storage/index.js';
import { GRACE_MS, effectivePlan } from './billing-state.js';
import { billingNow, type BillingSettings } from './billing-settings.js';
import { BILLING_ACTOR, enforceGraphLimit } from './downgrade.js';
import { MAX_INVOICES, type BillingStatus, type InvoiceRecord } from './guild-billing-model.js';
import { PAID_PLANS, PLANS, isPaidPlan, planOf, type PlanId } from './plans.js';

/** The events that keep a guild's plan; Stripe may send others, which are acknowledged. */
export const BILLING_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;

/** What applying one verified event did. */
export interface BillingEventResult {
  /** False for a replay, an event type billing ignores, or a customer no guild has. */
  applied: boolean;
  duplicate: boolean;
  guildId: string | null;
}

type Change = { $set: Record<string, unknown> };

/**
 * Applies one verified Stripe event of the service's own account to the guild whose customer it
 * concerns (the customer the service created for that guild at checkout — never an id from the
 * event's metadata alone). Idempotent by event id: a replay changes nothing. Every applied event
 * is audited; a downgrade disables the newest graphs beyond the new plan's limit.
 *
 * @example
 * await applyBillingEvent(deps, settings, store, event); // { applied: true, guildId: '…' }
 */
export async function applyBillingEvent(
  deps: ServiceDeps,
  settings: BillingSettings,
  store: Store,
  event: Stripe.Event,
): Promise<BillingEventResult> {
  if (await store.billingEvents.exists({ _id: event.id }))
    return { applied: false, duplicate: true, guildId: null };
  const object = event.data.object as unknown as Record<string, unknown>;
  const customerId = idOf(object.customer);
  const guild =
    customerId && (BILLING_EVENTS as readonly string[]).includes(event.type)
      ? await store.guilds.findOne({ 'billing.customerId': customerId }).lean<GuildRecord>()
      : null;
  if (!guild) {
    if ((BILLING_EVENTS as readonly string[]).includes(event.type))
      log('warn', 'billing.unattributed', { eventId: event.id, type: event.type, customerId });
    await remember(store, event, null);
    return { applied: false, duplicate: false, guildId: null };
  }
  const now = billingNow(settings);
  const before = effectivePlan(guild, now).plan;
  const change = changeFor(settings, event, object, guild, now);
  if (change) await store.guilds.updateOne({ _id: guild._id }, change);
  const after = planOf(change?.$set.plan ?? guild.plan);
  await recordAudit(store, {
    actor: BILLING_ACTOR,
    action: 'billing.event',
    guildId: guild._id,
    note: `${event.type} (${event.id}): plan ${before} → ${after}`,
  });
  if (PLANS[after].rank < PLANS[before].rank)
    await enforceGraphLimit(deps, store, guild._id, after);
  await remember(store, event, guild._id);
  return { applied: true, duplicate: false, guildId: guild._id };
}

function changeFor(
  settings: BillingSettings,
  event: Stripe.Event,
  object: Record<string, unknown>,
  guild: GuildRecord,
  now: Date,
): Change | undefined {
  switch (event.type) {
    case 'checkout.session.completed': {
      // The plan is what this service put on the session when it opened it, for this guild.
      const plan = (object.metadata as Record<string, unknown> | null)?.plan;
      if (!isPaidPlan(plan) || object.client_reference_id !== guild._id) {
        log('warn', 'billing.checkout_mismatch', { eventId: event.id, guildId: guild._id });
        return undefined;
      }
      return {
        $set: {
          plan,
          'billing.subscriptionId': idOf(object.subscription),
          'billing.status': 'active',
          'billing.graceEndsAt': null,
          'billing.disabledGraphs': [],
        },
      };
    }
    case 'customer.subscription.updated': {
      const status = String(object.status);
      if (status === 'canceled' || status === 'incomplete_expired') return cancelled();
      const item = (object.items as { data?: Record<string, unknown>[] } | undefined)?.data?.[0];
      const plan = planOfPrice(settings, item?.price) ?? planOf(guild.plan);
      const periodEnd = Number(item?.current_period_end);
      const pastDue = status === 'past_due' || status === 'unpaid';
      const set: Record<string, unknown> = {
        plan,
        'billing.subscriptionId': idOf(object.id),
        'billing.status': (pastDue ? 'past_due' : 'active') satisfies BillingStatus,
        ...(Number.isFinite(periodEnd) ? { 'billing.renewsAt': new Date(periodEnd * 1000) } : {}),
      };
      if (!pastDue) set['billing.graceEndsAt'] = null;
      else if (!guild.billing?.graceEndsAt)
        set['billing.graceEndsAt'] = new Date(now.getTime() + GRACE_MS);
      return { $set: set };
    }
    case 'customer.subscription.deleted':
      return cancelled();
    case 'invoice.paid':
      return {
        $set: {
          'billing.status': 'active',
          'billing.graceEndsAt': null,
          'billing.invoices': withInvoice(guild, object),
        },
      };
    case 'invoice.payment_failed':
      return {
        $set: {
          'billing.status': 'past_due',
          // A second failed retry does not extend the grace period.
          'billing.graceEndsAt': guild.billing?.graceEndsAt ?? new Date(now.getTime() + GRACE_MS),
          'billing.invoices': withInvoice(guild, object),
        },
      };
    default:
      return undefined;
  }
}

function cancelled(): Change {
  return {
    $set: {
      plan: 'free',
      'billing.subscriptionId': null,
      'billing.status': 'canceled',
      'billing.graceEndsAt': null,
      'billing.renewsAt': null,
    },
  };
}

/**
 * The plan a subscription item's price sells: the configured price id, else the plan's lookup
 * key. A price of neither keeps the stored plan (logged by the caller's audit as no change).
 */
function planOfPrice(settings: BillingSettings, price: unknown): PlanId | undefined {
  if (!price || typeof price !== 'object') return undefined;
  const { id, lookup_key: lookupKey } = price as { id?: unknown; lookup_key?: unknown };
  return PAID_PLANS.find(
    (plan) =>
      (settings.prices?.[plan] !== undefined && settings.prices[plan] === id) ||
      (lookupKey !== null && PLANS[plan].lookupKey === lookupKey),
  );
}

/** The guild's invoices with this one first (replacing an earlier state of the same invoice). */
function withInvoice(guild: GuildRecord, object: Record<string, unknown>): InvoiceRecord[] {
  const invoice: InvoiceRecord = {
    id: String(object.id),
    number: typeof object.number === 'string' ? object.number : null,
    status: String(object.status ?? 'open'),
    amountPaid: Number(object.amount_paid ?? 0),
    currency: String(object.currency ?? 'usd'),
    createdAt: new Date(Number(object.created ?? 0) * 1000),
    url: typeof object.hosted_invoice_url === 'string' ? object.hosted_invoice_url : null,
  };
  const others = (guild.billing?.invoices ?? []).filter((i) => i.id !== invoice.id);
  return [invoice, ...others].slice(0, MAX_INVOICES);
}

async function remember(store: Store, event: Stripe.Event, guildId: string | null): Promise<void> {
  try {
    await store.billingEvents.create({
      _id: event.id,
      type: event.type,
      guildId,
      processedAt: new Date(),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string')
    return (value as { id: string }).id;
  return null;
}
