import type { ActivatedGraph, RoutingConfirmation } from '../graphs/activation.js';
import type { GatewayRecord, Store, TriggerRecord } from '../storage/index.js';
import { ROUTED_TRIGGER_TYPES } from '../../core/index.js';

/** A gateway whose heartbeat is older than this is gone (it beats every second). */
export const GATEWAY_FRESH_MS = 5000;
/** How long publish, rollback, disable and delete wait for every gateway to confirm. */
export const CONFIRM_TIMEOUT_MS = 3000;
const CHECK_EVERY_MS = 20;

/**
 * The gateways that are running now (heartbeat within {@link GATEWAY_FRESH_MS}).
 */
export async function liveGateways(store: Store, now = Date.now()): Promise<GatewayRecord[]> {
  return store.gateways
    .find({ heartbeatAt: { $gt: new Date(now - GATEWAY_FRESH_MS) } })
    .lean<GatewayRecord[]>();
}

/**
 * Waits until every running gateway routes by the graph's newest trigger write (its revision),
 * or the timeout: the answer of publish, rollback, disable and delete says which. Undefined for
 * a graph no gateway routes (schedules, webhooks, Stripe, manual runs take effect at once).
 *
 * @example
 * const routing = await confirmRouting(() => openStore(mongo), graph); // { live: true, gateways: [...] }
 */
export async function confirmRouting(
  store: () => Promise<Store>,
  graph: ActivatedGraph,
  timeoutMs = CONFIRM_TIMEOUT_MS,
): Promise<RoutingConfirmation | undefined> {
  const s = await store();
  const trigger = await s.triggers.findById(graph.id).lean<TriggerRecord>();
  if (!trigger || !routed(trigger)) return undefined;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gateways = await liveGateways(s);
    if (gateways.length === 0) {
      return {
        live: false,
        gateways: [],
        message:
          'No gateway is running, so Discord events do not reach any graph now: start Guildflow with `npm start` (it runs one), or check the gateway process and its log (data/logs/gateway.log).',
      };
    }
    const states = gateways.map((g) => ({ id: g._id, confirmed: reflects(g, trigger) }));
    const waiting = states.filter((g) => !g.confirmed);
    if (waiting.length === 0) return { live: true, gateways: states };
    if (Date.now() >= deadline) {
      return {
        live: false,
        gateways: states,
        message: `Saved, but gateway ${waiting.map((g) => g.id).join(', ')} did not confirm within ${timeoutMs / 1000} s that it routes by this change: until it does, its events may still follow the previous state. Check that gateway's log (data/logs/gateway.log) and the store; restarting it loads every trigger afresh.`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
  }
}

function routed(trigger: TriggerRecord): boolean {
  return (
    ROUTED_TRIGGER_TYPES.includes(trigger.triggerType) ||
    (trigger.previousType !== null && ROUTED_TRIGGER_TYPES.includes(trigger.previousType))
  );
}

/** The gateway applied this write, or loaded its whole index after it was made. */
function reflects(gateway: GatewayRecord, trigger: TriggerRecord): boolean {
  if (!gateway.indexLoaded) return false;
  if ((gateway.acks[trigger._id] ?? 0) >= trigger.revision) return true;
  return gateway.loadedFrom !== null && gateway.loadedFrom > trigger.updatedAt;
}
