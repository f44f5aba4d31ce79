import type { Store, TriggerRecord } from '@guildflow/engine/service';
import type { TriggerIndex } from './trigger-index.js';

/** Options of {@link syncTriggers}. */
export interface TriggerSyncOptions {
  /**
   * How often to look for changes (default 250 ms: one indexed query that usually finds
   * nothing; publishing waits for the gateways' acknowledgements, so this is its latency).
   */
  intervalMs?: number | undefined;
  /**
   * How far back each poll looks before the newest change it saw (default 10 s), so a write
   * that committed late with an older `updatedAt` (another process, clock skew) is not missed;
   * re-applying a record is a no-op.
   */
  overlapMs?: number;
  onError?: ((error: unknown) => void) | undefined;
  /** The records a poll applied (the gateway acknowledges their revisions); awaited. */
  onApplied?: ((records: TriggerRecord[]) => Promise<void>) | undefined;
  /** The first full load finished; it began at `from` (every earlier write is in the index). */
  onLoaded?: ((from: Date) => void) | undefined;
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
  const intervalMs = options.intervalMs ?? 250;
  const overlapMs = options.overlapMs ?? 10_000;
  let newest = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  let loaded = false;
  const poll = async (): Promise<number> => {
    const s = await store();
    const startedAt = new Date();
    const query = !loaded
      ? { active: true }
      : { updatedAt: { $gte: new Date(newest - overlapMs) } };
    const records = await s.triggers.find(query).sort({ updatedAt: 1 }).lean<TriggerRecord[]>();
    let changed = 0;
    for (const record of records) {
      if (index.apply(record)) changed++;
      newest = Math.max(newest, new Date(record.updatedAt).getTime());
    }
    // An empty store still counts as loaded: look back from the load's start next time.
    if (!loaded) {
      newest = Math.max(newest, startedAt.getTime() - overlapMs);
      loaded = true;
      options.onLoaded?.(startedAt);
    }
    if (records.length > 0) await options.onApplied?.(records);
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
