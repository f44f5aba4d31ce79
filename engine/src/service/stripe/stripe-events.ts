import type { ServiceDeps } from '../deps.js';
import { snapshotOf, versionKey } from '../graphs/graph-store.js';
import { log } from '../log.js';
import { startRun } from '../runs/start-run.js';
import { temporalCall } from '../runs/temporal-calls.js';
import { openStore, type GraphVersionRecord, type TriggerRecord } from '../storage/index.js';
import { attributeStripeEvent } from './stripe-attribution.js';

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
  /** The guild that owns the event's object, as Guildflow recorded it (null: none, nothing runs). */
  guildId: string | null;
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
 * Starts one run per active `trigger.stripeEvent` graph of the event's guild (the guild that
 * owns its object, see `attributeStripeEvent`) whose event list covers the event type, each with the workflow id `stripe_<event id>_<graph id>` so a
 * redelivered event starts nothing twice. The payload is the trigger's output:
 * `{ id, type, created, data: { object } }`.
 */
export async function startStripeRuns(
  deps: ServiceDeps,
  event: StripeEventLike,
): Promise<StripeRouting> {
  const store = await openStore(deps.mongo);
  const guildId = await attributeStripeEvent(store, event);
  if (!guildId) return { guildId, runIds: [], started: 0 };
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
    guildId,
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
