import { log, messageOf } from '../log.js';
import { withKeyLock, type GraphRecord, type Store } from '../storage/index.js';
import type { ActivationHooks } from './activation.js';
import { findVersion, snapshotOf } from './graph-store.js';

/**
 * Brings the trigger side in line with the store after a crash: a publish or rollback that
 * stopped between moving the graph's pointer and finishing its activation hooks is completed
 * (the store is the truth: what it shows as published becomes live), and a disable or delete
 * that stopped before its hooks is finished. Hooks are idempotent, so running this at every
 * start is safe. Returns the graph ids it touched.
 */
export async function reconcileActivations(
  store: Store,
  hooks: ActivationHooks,
): Promise<{ activated: string[]; deactivated: string[]; failed: string[] }> {
  const result = { activated: [] as string[], deactivated: [] as string[], failed: [] as string[] };
  const live = await store.graphs.find({ enabled: true, deletedAt: null }).lean<GraphRecord[]>();
  const off = await store.graphs
    .find({
      activatedVersion: { $ne: null },
      $or: [{ enabled: false }, { deletedAt: { $ne: null } }],
    })
    .lean<GraphRecord[]>();
  for (const graph of live.filter((g) => g.activatedVersion !== g.publishedVersion)) {
    await withKeyLock(`graph:${graph._id}`, async () => {
      const version =
        graph.publishedVersion === null
          ? undefined
          : await findVersion(store, graph, graph.publishedVersion);
      if (!version) return;
      try {
        await hooks.activate(
          { id: graph._id, guildId: graph.guildId, name: graph.name },
          snapshotOf(version),
        );
        await store.graphs.updateOne(
          { _id: graph._id, publishedVersion: version.version },
          { $set: { activatedVersion: version.version } },
        );
        result.activated.push(graph._id);
      } catch (error) {
        log('error', 'graph.reconcile_failed', { graphId: graph._id, error: messageOf(error) });
        result.failed.push(graph._id);
      }
    });
  }
  for (const graph of off) {
    await withKeyLock(`graph:${graph._id}`, async () => {
      try {
        await hooks.deactivate({ id: graph._id, guildId: graph.guildId, name: graph.name });
        await store.graphs.updateOne(
          { _id: graph._id, enabled: false },
          { $set: { activatedVersion: null } },
        );
        result.deactivated.push(graph._id);
      } catch (error) {
        log('error', 'graph.reconcile_failed', { graphId: graph._id, error: messageOf(error) });
        result.failed.push(graph._id);
      }
    });
  }
  return result;
}
