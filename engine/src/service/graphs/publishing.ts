import { validateGraph } from '../../core/index.js';
import { ApiError } from '../errors.js';
import { log, messageOf } from '../log.js';
import { preconditionFailed } from '../http/preconditions.js';
import {
  isDuplicateKey,
  recordAudit,
  withKeyLock,
  type Actor,
  type GraphRecord,
  type GraphVersionRecord,
  type Store,
} from '../storage/index.js';
import type { PublishEntitlements } from '../billing/entitlements.js';
import { activationFailed, type ActivatedGraph, type ActivationHooks } from './activation.js';
import { draftOf } from './graph-resource.js';
import {
  findVersion,
  invalidGraph,
  restoreGraph,
  snapshotOf,
  updateAtRevision,
  versionKey,
} from './graph-store.js';

/** What a publishing operation needs. */
export interface PublishContext {
  store: Store;
  activation: ActivationHooks;
  actor: Actor;
  /** The plan's limits on going live (billing on only); checked before anything is written. */
  entitlements?: PublishEntitlements | undefined;
}

// A version above the graph's pointer older than this is the orphan of an interrupted publish;
// a younger one belongs to a publish still in progress.
const ORPHAN_AGE_MS = 2 * 60_000;

/**
 * Publishes the draft as version n+1: validate → insert the immutable version → flip the
 * graph's pointer (conditional on its revision) and enable it → run the activation hooks.
 * Each step undoes the previous ones when it fails, so a failed publish leaves the graph as it
 * was (a crash between insert and flip leaves an invisible orphan version, reclaimed later).
 * With billing on, the plan's limits are checked before anything is written (402), one publish
 * per guild at a time.
 *
 * @example
 * const published = await publishGraph(ctx, graph); // published.publishedVersion === graph.latestVersion + 1
 */
export async function publishGraph(ctx: PublishContext, graph: GraphRecord): Promise<GraphRecord> {
  return limitedByPlan(ctx, graph, () => publishNow(ctx, graph));
}

/**
 * Runs a change that takes a published-graph slot one at a time per guild when a plan limits
 * them, so two publishes cannot both take the last slot.
 */
function limitedByPlan<T>(ctx: PublishContext, graph: GraphRecord, change: () => Promise<T>) {
  return ctx.entitlements ? withKeyLock(`plan-slots:${graph.guildId}`, change) : change();
}

async function publishNow(ctx: PublishContext, graph: GraphRecord): Promise<GraphRecord> {
  const { store } = ctx;
  const issues = validateGraph(draftOf(graph));
  if (issues.length > 0) throw invalidGraph(issues, 'publish');
  await ctx.entitlements?.check(graph, draftOf(graph));
  const version = graph.latestVersion + 1;
  const record: GraphVersionRecord = {
    _id: versionKey(graph._id, version),
    graphId: graph._id,
    guildId: graph.guildId,
    version,
    documentJson: graph.draftJson,
    publishedBy: ctx.actor.id,
    publishedAt: new Date(),
  };
  await insertVersion(store, record);
  let published: GraphRecord;
  try {
    published = await updateAtRevision(
      store,
      graph,
      { $set: { publishedVersion: version, latestVersion: version, enabled: true } },
      ctx.actor,
    );
  } catch (error) {
    await store.versions.deleteOne({ _id: record._id });
    throw error;
  }
  try {
    await ctx.activation.activate(activated(graph), snapshotOf(record));
  } catch (error) {
    await restoreGraph(store, graph, { publishedVersion: version }, [
      'publishedVersion',
      'latestVersion',
      'enabled',
    ]);
    await store.versions.deleteOne({ _id: record._id });
    await reinstate(ctx, graph, 'publish');
    throw activationFailed(`Publishing version ${version}`, error);
  }
  await completeActivation(store, ctx, 'graph.publish', graph, published, version);
  return published;
}

/**
 * Re-points the graph to an existing version, enables it and re-runs the activation hooks
 * (runs already going keep the version they started with).
 */
export async function rollbackGraph(
  ctx: PublishContext,
  graph: GraphRecord,
  version: number,
): Promise<GraphRecord> {
  return limitedByPlan(ctx, graph, () => rollbackNow(ctx, graph, version));
}

async function rollbackNow(
  ctx: PublishContext,
  graph: GraphRecord,
  version: number,
): Promise<GraphRecord> {
  const { store } = ctx;
  const target = await findVersion(store, graph, version);
  if (!target) {
    throw new ApiError(
      400,
      'unknown_version',
      `This graph has no published version ${version}. GET …/versions lists the versions you can roll back to.`,
    );
  }
  await ctx.entitlements?.check(graph, snapshotOf(target).document);
  const rolled = await updateAtRevision(
    store,
    graph,
    { $set: { publishedVersion: version, enabled: true } },
    ctx.actor,
  );
  try {
    await ctx.activation.activate(activated(graph), snapshotOf(target));
  } catch (error) {
    await restoreGraph(store, graph, { publishedVersion: version }, [
      'publishedVersion',
      'enabled',
    ]);
    await reinstate(ctx, graph, 'rollback');
    throw activationFailed(`Rolling back to version ${version}`, error);
  }
  await completeActivation(store, ctx, 'graph.rollback', graph, rolled, version);
  return rolled;
}

/** Disables a graph: no new runs start (running runs continue). Idempotent. */
export async function disableGraph(ctx: PublishContext, graph: GraphRecord): Promise<GraphRecord> {
  const { store } = ctx;
  if (!graph.enabled) {
    await ctx.activation.deactivate(activated(graph)).catch((error: unknown) => {
      throw activationFailed('Disabling', error);
    });
    return graph;
  }
  const disabled = await updateAtRevision(store, graph, { $set: { enabled: false } }, ctx.actor);
  try {
    await ctx.activation.deactivate(activated(graph));
  } catch (error) {
    await restoreGraph(store, graph, { enabled: false }, ['enabled']);
    await reinstate(ctx, graph, 'disable');
    throw activationFailed('Disabling', error);
  }
  await markActivated(store, disabled, null);
  await recordAudit(store, {
    actor: ctx.actor,
    action: 'graph.disable',
    guildId: graph.guildId,
    graphId: graph._id,
    before: { revision: graph.revision, enabled: true },
    after: { revision: disabled.revision, enabled: false },
  });
  return disabled;
}

/**
 * Deletes a graph: it disappears from the API at once (soft delete: its versions stay, for the
 * runs that pinned them and for the audit trail), its hooks are deactivated and its webhook
 * secret is destroyed.
 */
export async function deleteGraph(ctx: PublishContext, graph: GraphRecord): Promise<void> {
  const { store } = ctx;
  const deletedAt = new Date();
  const deleted = await updateAtRevision(
    store,
    graph,
    { $set: { deletedAt, enabled: false } },
    ctx.actor,
  );
  if (graph.enabled) {
    try {
      await ctx.activation.deactivate(activated(graph));
    } catch (error) {
      await restoreGraph(store, graph, { deletedAt }, ['deletedAt', 'enabled']);
      await reinstate(ctx, graph, 'delete');
      throw activationFailed('Deleting the graph', error);
    }
  }
  await store.webhooks.deleteMany({ graphId: graph._id });
  // Pins are test data of this graph only.
  await store.pins.deleteMany({ guildId: graph.guildId, graphId: graph._id });
  await recordAudit(store, {
    actor: ctx.actor,
    action: 'graph.delete',
    guildId: graph.guildId,
    graphId: graph._id,
    before: {
      revision: graph.revision,
      publishedVersion: graph.publishedVersion,
      enabled: graph.enabled,
    },
    after: { revision: deleted.revision, enabled: false },
  });
}

/**
 * Runs the hooks that match the graph's stored state again after a failed change (their
 * partial work may have touched the previous setup). Best effort: a failure is logged, and
 * `activatedVersion` keeps saying what is known to be live.
 */
async function reinstate(ctx: PublishContext, before: GraphRecord, during: string): Promise<void> {
  try {
    const current =
      before.enabled && before.publishedVersion !== null
        ? await findVersion(ctx.store, before, before.publishedVersion)
        : undefined;
    if (current) await ctx.activation.activate(activated(before), snapshotOf(current));
    else await ctx.activation.deactivate(activated(before));
  } catch (error) {
    log('error', 'graph.reinstate_failed', {
      graphId: before._id,
      during,
      error: messageOf(error),
    });
    await ctx.store.graphs
      .updateOne({ _id: before._id }, { $set: { activatedVersion: null } })
      .catch(() => {});
  }
}

/** Inserts a version; an orphan of an interrupted publish with the same number is reclaimed. */
async function insertVersion(store: Store, record: GraphVersionRecord): Promise<void> {
  try {
    await store.versions.create(record);
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const existing = await store.versions.findById(record._id).lean<GraphVersionRecord>();
  if (existing && Date.now() - existing.publishedAt.getTime() < ORPHAN_AGE_MS) {
    throw new ApiError(
      409,
      'publish_in_progress',
      'Another publish of this graph is in progress. Wait a moment, reload the graph and try again.',
    );
  }
  // Only a version above the graph's pointer (as it is now) is an orphan; anything else is real.
  const pointer = await store.graphs
    .findById(record.graphId, { latestVersion: 1 })
    .lean<Pick<GraphRecord, 'latestVersion'>>();
  if (!pointer || pointer.latestVersion >= record.version) throw preconditionFailed();
  if (existing)
    await store.versions.deleteOne({ _id: existing._id, publishedAt: existing.publishedAt });
  try {
    await store.versions.create(record);
  } catch (error) {
    if (isDuplicateKey(error)) throw preconditionFailed();
    throw error;
  }
}

/** Records which version the hooks completed for (null: none live), without a new revision. */
async function markActivated(
  store: Store,
  graph: GraphRecord,
  version: number | null,
): Promise<void> {
  await store.graphs.updateOne({ _id: graph._id }, { $set: { activatedVersion: version } });
  graph.activatedVersion = version;
}

function activated(graph: GraphRecord): ActivatedGraph {
  return { id: graph._id, guildId: graph.guildId, name: graph.name };
}

/** Marks a publish or rollback activated and audits the switch from the old pointer to the new. */
async function completeActivation(
  store: Parameters<typeof markActivated>[0],
  ctx: { actor: Parameters<typeof recordAudit>[1]['actor'] },
  action: 'graph.publish' | 'graph.rollback',
  graph: {
    guildId: string;
    _id: string;
    revision: number;
    publishedVersion?: number | null;
    enabled: boolean;
  },
  updated: Parameters<typeof markActivated>[1] & { revision: number },
  version: number,
): Promise<void> {
  await markActivated(store, updated, version);
  await recordAudit(store, {
    actor: ctx.actor,
    action,
    guildId: graph.guildId,
    graphId: graph._id,
    before: {
      revision: graph.revision,
      publishedVersion: graph.publishedVersion,
      enabled: graph.enabled,
    },
    after: { revision: updated.revision, publishedVersion: version, enabled: true },
  });
}
