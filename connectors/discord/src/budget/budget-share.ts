import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Connection } from 'mongoose';
import type { DiscordBudget } from './discord-budget.js';

/** The store collection where worker processes say they share the bot's Discord budget. */
export const BUDGET_MEMBERS_COLLECTION = 'discordBudgetMembers';

interface Member {
  _id: string;
  seenAt: Date;
}

/** Options of {@link shareDiscordBudget}. */
export interface BudgetShareOptions {
  /** How often this process says it is alive and recounts the others. */
  everyMs?: number;
  /** A process not heard from for this long no longer counts. */
  staleMs?: number;
  /** The store collection (tests use their own); {@link BUDGET_MEMBERS_COLLECTION} by default. */
  collection?: string;
  /** Told when the share changes or the store cannot be reached. */
  onChange?: (event: { members: number; share: number } | { error: Error }) => void;
}

/**
 * Keeps `budget.share` at 1 / (the worker processes alive): each process writes its heartbeat to
 * the store and counts the heartbeats of the last `staleMs`. So two workers each hold half the
 * bot's Discord budget and its per-guild shares, with nothing to configure; when one stops, the
 * other takes the whole budget back within `staleMs`. Until the first count (or while the store
 * is unreachable) the process keeps its last share — 1 at start, like a single worker.
 *
 * @example
 * const stop = shareDiscordBudget(budget, storeConnection);
 * // on shutdown:
 * await stop();
 */
export function shareDiscordBudget(
  budget: DiscordBudget,
  store: Connection,
  options: BudgetShareOptions = {},
): () => Promise<void> {
  const everyMs = options.everyMs ?? 5_000;
  const staleMs = options.staleMs ?? 3 * everyMs;
  const members = store.collection<Member>(options.collection ?? BUDGET_MEMBERS_COLLECTION);
  const id = `${hostname()}:${process.pid}:${randomUUID()}`;
  let stopped = false;
  const beat = async (): Promise<void> => {
    try {
      const now = new Date();
      await members.updateOne({ _id: id }, { $set: { seenAt: now } }, { upsert: true });
      const alive = await members.countDocuments({
        seenAt: { $gt: new Date(now.getTime() - staleMs) },
      });
      const share = 1 / Math.max(1, alive);
      if (share !== budget.share) {
        budget.share = share;
        options.onChange?.({ members: Math.max(1, alive), share });
      }
    } catch (error) {
      options.onChange?.({ error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  let running = beat();
  const timer = setInterval(() => {
    if (!stopped) running = beat();
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    // Leaving at once gives the others the budget back now, not after `staleMs`.
    await members.deleteOne({ _id: id }).catch(() => {});
  };
}
