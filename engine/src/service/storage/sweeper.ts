import type { Store } from './store.js';

/**
 * Deletes expired documents (data keys, waits, sessions, closed collect windows and their
 * entries, stats, claims of webhook deliveries, records of gateways gone for a day). On MongoDB the TTL indexes do this too; FerretDB 1.x has none, and readers never
 * rely on either: they filter on the expiry themselves.
 *
 * @example
 * const removed = await sweepExpired(store); // { dataKeys: 3, waits: 0, … }
 */
export async function sweepExpired(
  store: Store,
  now = new Date(),
): Promise<Record<string, number>> {
  const expired = { $lte: now };
  const [
    dataKeys,
    waits,
    sessions,
    collectWindows,
    collectEntries,
    stats,
    hookDeliveries,
    gateways,
  ] = await Promise.all([
    store.dataKeys.deleteMany({ expiresAt: expired }),
    store.waits.deleteMany({ expiresAt: expired }),
    store.sessions.deleteMany({ expiresAt: expired }),
    store.collectWindows.deleteMany({ purgeAt: expired }),
    store.collectEntries.deleteMany({ purgeAt: expired }),
    store.stats.deleteMany({ expiresAt: expired }),
    store.hookDeliveries.deleteMany({ expiresAt: expired }),
    store.gateways.deleteMany({ expiresAt: expired }),
  ]);
  return {
    dataKeys: dataKeys.deletedCount,
    waits: waits.deletedCount,
    sessions: sessions.deletedCount,
    collectWindows: collectWindows.deletedCount,
    collectEntries: collectEntries.deletedCount,
    stats: stats.deletedCount,
    hookDeliveries: hookDeliveries.deletedCount,
    gateways: gateways.deletedCount,
  };
}

/**
 * Runs `sweepExpired` every `intervalMs` in the background (errors are reported, never thrown:
 * a store outage just skips a round). Returns a stop function.
 */
export function startSweeper(
  getStore: () => Promise<Store>,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    getStore()
      .then((store) => sweepExpired(store))
      .catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
