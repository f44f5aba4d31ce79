import type { ServiceDeps } from '../deps.js';
import { noActivation } from '../graphs/activation.js';
import { disableGraph } from '../graphs/publishing.js';
import { log, messageOf } from '../log.js';
import {
  recordAudit,
  type Actor,
  type GraphRecord,
  type GraphVersionRecord,
  type Store,
} from '../storage/index.js';
import { PUBLISHED, readGuildPlan } from './billing-state.js';
import type { DisabledGraph } from './guild-billing-model.js';
import { PLANS, type PlanId } from './plans.js';

/** Who billing's own changes are audited as. */
export const BILLING_ACTOR: Actor = { kind: 'admin', id: 'billing' };

/**
 * Brings a guild within its plan's published-graph limit: the graphs published most recently
 * beyond the limit are disabled (their drafts and versions stay; runs already going finish),
 * audited, and remembered as the billing answer's `disabledGraphs`. Returns what it disabled.
 *
 * @example
 * await enforceGraphLimit(deps, store, guildId, 'free'); // [{ graphId, name }, …]
 */
export async function enforceGraphLimit(
  deps: ServiceDeps,
  store: Store,
  guildId: string,
  plan: PlanId,
): Promise<DisabledGraph[]> {
  const limit = PLANS[plan].limits.publishedGraphs;
  if (limit === null) return [];
  const graphs = await store.graphs.find({ guildId, ...PUBLISHED }).lean<GraphRecord[]>();
  if (graphs.length <= limit) return [];
  // "Newest" is when the live version was published, not when the draft was last edited.
  const versions = await store.versions
    .find(
      { _id: { $in: graphs.map((g) => `${g._id}:${g.publishedVersion}`) } },
      { graphId: 1, publishedAt: 1 },
    )
    .lean<Pick<GraphVersionRecord, 'graphId' | 'publishedAt'>[]>();
  const publishedAt = new Map(versions.map((v) => [v.graphId, v.publishedAt.getTime()]));
  const newestFirst = [...graphs].sort(
    (a, b) => (publishedAt.get(b._id) ?? 0) - (publishedAt.get(a._id) ?? 0),
  );
  const disabled: DisabledGraph[] = [];
  const ctx = { store, activation: deps.activation ?? noActivation, actor: BILLING_ACTOR };
  for (const graph of newestFirst.slice(0, graphs.length - limit)) {
    try {
      await disableGraph(ctx, graph);
      disabled.push({ graphId: graph._id, name: graph.name });
    } catch (error) {
      // A graph changed meanwhile (412) or its hooks failed: the next downgrade check retries.
      log('warn', 'billing.disable_failed', {
        guildId,
        graphId: graph._id,
        error: messageOf(error),
      });
    }
  }
  await store.guilds.updateOne({ _id: guildId }, { $set: { 'billing.disabledGraphs': disabled } });
  await recordAudit(store, {
    actor: BILLING_ACTOR,
    action: 'billing.downgrade',
    guildId,
    note: `${PLANS[plan].name} allows ${limit} published graph(s): disabled ${disabled
      .map((g) => `"${g.name}" (${g.graphId})`)
      .join(', ')}`,
  });
  return disabled;
}

/**
 * Makes an ended grace period stick: the guild's plan becomes Free (once: the update is
 * conditional on the grace period still being recorded) and its graphs beyond Free's limit are
 * disabled. Called where the plan is read for a decision or shown (billing answer, publish).
 */
export async function settleGrace(
  deps: ServiceDeps,
  store: Store,
  guildId: string,
  now: Date,
): Promise<void> {
  const current = await readGuildPlan(store, guildId, now);
  if (!current.graceExpired || !current.billing) return;
  const { modifiedCount } = await store.guilds.updateOne(
    { _id: guildId, 'billing.graceEndsAt': current.billing.graceEndsAt },
    { $set: { plan: 'free', 'billing.status': 'canceled', 'billing.graceEndsAt': null } },
  );
  if (modifiedCount !== 1) return;
  await recordAudit(store, {
    actor: BILLING_ACTOR,
    action: 'billing.event',
    guildId,
    note: 'grace period after a failed payment ended: plan free',
  });
  await enforceGraphLimit(deps, store, guildId, 'free');
}
