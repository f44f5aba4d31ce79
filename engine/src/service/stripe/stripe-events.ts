import type { ServiceDeps } from '../deps.js';
import { snapshotOf, versionKey } from '../graphs/graph-store.js';
import { log, messageOf } from '../log.js';
import { startRun } from '../runs/start-run.js';
import { temporalCall } from '../runs/temporal-calls.js';
import {
  openStore,
  type GraphVersionRecord,
  type Store,
  type TriggerRecord,
} from '../storage/index.js';
import { StripeObjectOwnedElsewhere, recordStripeObject } from './stripe-ownership.js';

/** The node type of the Stripe trigger. */
const STRIPE_TRIGGER = 'trigger.stripeEvent';

/**
 * The parts of a verified Stripe event the router reads.
 *
 * @example
 * { id: 'evt_1', type: 'invoice.paid', created: 1718000000, data: { object: { id: 'in_1', customer: 'cus_1' } } }
 */
export interface StripeEventLike {
  id: string;
  type: string;
  created: number;
  data: { object: unknown };
}

/**
 * What routing one Stripe event did.
 *
 * @example
 * { guildId: '123', runIds: ['stripe_evt_1_g_abc'], started: 1 }
 */
export interface StripeRouting {
  /** Every run of this event, new or started by an earlier delivery. */
  runIds: string[];
  /** How many runs this delivery started (0 for a redelivery). */
  started: number;
}

/**
 * True when a `trigger.stripeEvent` pattern covers an event type: `*` (all), a family
 * (`invoice.*`), or the exact type.
 *
 * @example
 * stripeEventMatches('invoice.*', 'invoice.paid'); // true
 */
export function stripeEventMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/**
 * Starts one run per active `trigger.stripeEvent` graph of `guildId` — the guild whose own
 * Stripe account sent the event (verified with its credential's signing secret) — whose event
 * list covers the event type, each with the workflow id `stripe_<event id>_<graph id>` so a
 * redelivered event starts nothing twice. The payload is the trigger's output:
 * `{ id, type, created, data: { object } }`. A completed checkout of a session the guild's
 * graph created first records what it bought as the guild's (`recordCheckoutPurchases`).
 */
export async function startStripeRuns(
  deps: ServiceDeps,
  guildId: string,
  event: StripeEventLike,
): Promise<StripeRouting> {
  const store = await openStore(deps.mongo);
  await recordCheckoutPurchases(store, guildId, event);
  const triggers = await store.triggers
    .find({ guildId, triggerType: STRIPE_TRIGGER, active: true })
    .lean<TriggerRecord[]>();
  const matching = triggers.filter((t) =>
    eventsOf(t.configJson).some((pattern) => stripeEventMatches(pattern, event.type)),
  );
  const payload = {
    id: event.id,
    type: event.type,
    created: event.created,
    data: { object: event.data.object },
  };
  const results = await Promise.all(
    matching.map(async (trigger) => {
      const version = await store.versions
        .findById(versionKey(trigger._id, trigger.version))
        .lean<GraphVersionRecord>();
      if (!version) {
        log('warn', 'stripe.version_missing', { graphId: trigger._id, version: trigger.version });
        return undefined;
      }
      return temporalCall(deps, () =>
        startRun({
          client: deps.temporal.client,
          taskQueue: deps.taskQueue,
          snapshot: snapshotOf(version),
          trigger: { type: STRIPE_TRIGGER, payload },
          triggerType: STRIPE_TRIGGER,
          workflowId: `stripe_${event.id}_${trigger._id}`,
        }),
      );
    }),
  );
  const runs = results.filter((r) => r !== undefined);
  return {
    runIds: runs.map((r) => r.runId),
    started: runs.filter((r) => r.started).length,
  };
}

function eventsOf(configJson: string): string[] {
  try {
    const events = (JSON.parse(configJson) as { events?: unknown }).events;
    return Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

// A completed checkout created its customer and subscription.
const CHECKOUT_DONE = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
]);

/**
 * When a checkout session the guild owns (a `stripe.createCheckoutSession` step made it)
 * completes, records the customer and subscription it created as the guild's, so its Stripe
 * steps may read and cancel them. Only the session's own record decides — never its metadata,
 * and never for a session the guild did not create (its account may be shared with another
 * server). An object another guild already owns keeps its owner (logged).
 *
 * @example
 * await recordCheckoutPurchases(store, guildId, event); // before the runs start
 */
export async function recordCheckoutPurchases(
  store: Store,
  guildId: string,
  event: StripeEventLike,
): Promise<void> {
  if (!CHECKOUT_DONE.has(event.type)) return;
  const session = event.data.object as { id?: unknown; customer?: unknown; subscription?: unknown };
  if (typeof session?.id !== 'string') return;
  const owner = await store.stripeObjects
    .findById(session.id, { guildId: 1 })
    .lean<{ guildId: string }>();
  if (owner?.guildId !== guildId) return;
  for (const ref of [session.customer, session.subscription]) {
    const objectId = typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : ref;
    if (typeof objectId !== 'string' || !/^(cus|sub)_/.test(objectId)) continue;
    try {
      await recordStripeObject(store, { objectId, guildId, via: 'checkout' });
    } catch (error) {
      if (!(error instanceof StripeObjectOwnedElsewhere)) throw error;
      log('warn', 'stripe.owner_conflict', {
        eventId: event.id,
        objectId,
        guildId,
        error: messageOf(error),
      });
    }
  }
}
