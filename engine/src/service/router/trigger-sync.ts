import type { Store, TriggerRecord } from '../storage/index.js';
import type { TriggerIndex } from './trigger-index.js';

/** Options of {@link syncTriggers}. */
export interface TriggerSyncOptions {
  /** How often to look for changes (default 1 s: a publish is live everywhere within it). */
  intervalMs?: number;
  /**
   * How far back each poll looks before the newest change it saw (default 10 s), so a write
   * that committed late with an older `updatedAt` (another process, clock skew) is not missed;
   * re-applying a record is a no-op.
   */
  overlapMs?: number;
  onError?: (error: unknown) => void;
}

/** A running sync: the first full load has finished once `ready` resolves. */
export interface TriggerSync {
  ready: Promise<void>;
  /** Polls now (tests and the publish path use it to see a change at once). */
  refresh(): Promise<number>;
  stop(): void;
}

/**
 * Keeps `index` in line with the `triggers` collection: loads every live trigger, then polls
 * for changes. Polling works on every MongoDB-compatible store (FerretDB has no change streams)
 * and costs one indexed query per interval however many guilds there are.
 *
 * @example
 * const sync = syncTriggers(() => openStore(mongo), index, { intervalMs: 500 });
 * await sync.ready;
 */
export function syncTriggers(
  store: () => Promise<Store>,
  index: TriggerIndex,
  options: TriggerSyncOptions = {},
): TriggerSync {
  const intervalMs = options.intervalMs ?? 1000;
  const overlapMs = options.overlapMs ?? 10_000;
  let newest = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const poll = async (): Promise<number> => {
    const s = await store();
    const query =
      newest === 0 ? { active: true } : { updatedAt: { $gte: new Date(newest - overlapMs) } };
    const records = await s.triggers.find(query).sort({ updatedAt: 1 }).lean<TriggerRecord[]>();
    let changed = 0;
    for (const record of records) {
      if (index.apply(record)) changed++;
      newest = Math.max(newest, new Date(record.updatedAt).getTime());
    }
    // An empty store still counts as loaded: look back from now next time.
    if (newest === 0) newest = Date.now() - overlapMs;
    return changed;
  };
  const refresh = (): Promise<number> => {
    running ??= poll().finally(() => (running = undefined));
    return running;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) => options.onError?.(error))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  const ready = refresh().then(
    () => schedule(),
    (error: unknown) => {
      schedule();
      throw error;
    },
  );
  return {
    ready,
    refresh,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
