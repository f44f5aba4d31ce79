import type { AnyBulkWriteOperation } from 'mongoose';
import type { RouterEvent } from '@guildflow/engine/core';
import type { StatsRecord, Store } from '@guildflow/engine/service';

/** Counters are kept this long after their day (`data.stats` reads at most 90 days). */
const KEEP_MS = 100 * 86_400_000;

interface Pending {
  guildId: string;
  day: string;
  dim: StatsRecord['dim'];
  key: string;
  messages: number;
  joins: number;
  leaves: number;
  username: string | null;
}

/**
 * Counts messages, joins and leaves per guild, UTC day, channel and member in memory and writes
 * them in one bulk of `$inc` upserts per flush — a busy server costs one write per counter per
 * interval, not one per message. Bot messages are not counted.
 *
 * @example
 * const stats = new StatsRecorder(() => openStore(mongo));
 * stats.start(10_000);
 * stats.record(event);
 */
export class StatsRecorder {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<number> | undefined;

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Counters waiting for the next flush. */
  get size(): number {
    return this.pending.size;
  }

  /** Counts one gateway event (a few map updates; nothing is written here). */
  record(event: RouterEvent, at = new Date()): void {
    const day = at.toISOString().slice(0, 10);
    if (event.kind === 'memberJoined') this.bump(event.guildId, day, 'guild', '', 'joins');
    else if (event.kind === 'memberLeft') this.bump(event.guildId, day, 'guild', '', 'leaves');
    else if (event.kind === 'messageCreated' && !event.author.bot) {
      const { guildId } = event;
      const { channelId } = event.message;
      this.bump(guildId, day, 'guild', '', 'messages');
      this.bump(guildId, day, 'channel', channelId, 'messages');
      this.bump(guildId, day, 'member', event.author.id, 'messages').username =
        event.author.username;
      this.bump(guildId, day, 'memberChannel', `${event.author.id}:${channelId}`, 'messages');
    }
  }

  /** Writes what was counted; counters of a failed write are kept for the next try. */
  flush(): Promise<number> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Flushes every `intervalMs` (default 10 s). */
  start(intervalMs = 10_000): void {
    this.timer = setInterval(() => void this.flush().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(this.onError);
  }

  private bump(
    guildId: string,
    day: string,
    dim: StatsRecord['dim'],
    key: string,
    field: 'messages' | 'joins' | 'leaves',
  ): Pending {
    const id = `${guildId}|${day}|${dim}|${key}`;
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { guildId, day, dim, key, messages: 0, joins: 0, leaves: 0, username: null };
      this.pending.set(id, entry);
    }
    entry[field] += 1;
    return entry;
  }

  private async write(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const ops: AnyBulkWriteOperation<StatsRecord>[] = [...batch.values()].map((p) => ({
      updateOne: {
        filter: { guildId: p.guildId, day: p.day, dim: p.dim, key: p.key },
        update: {
          $inc: { messages: p.messages, joins: p.joins, leaves: p.leaves },
          $set: {
            expiresAt: new Date(Date.parse(`${p.day}T00:00:00Z`) + KEEP_MS),
            ...(p.username !== null ? { username: p.username } : {}),
          },
        },
        upsert: true,
      },
    }));
    try {
      await (await this.store()).stats.bulkWrite(ops, { ordered: false });
    } catch (error) {
      // Put back what was not written (merged with what arrived meanwhile). A bulk error names
      // the operations that failed; any other error (connection lost) may have applied none.
      const failed = (error as { writeErrors?: { index: number }[] }).writeErrors;
      const entries = [...batch];
      const retry = failed
        ? failed.map((e) => entries[e.index]).filter((e) => e !== undefined)
        : entries;
      for (const [id, entry] of retry) {
        const now = this.pending.get(id);
        if (!now) this.pending.set(id, entry);
        else {
          now.messages += entry.messages;
          now.joins += entry.joins;
          now.leaves += entry.leaves;
          now.username ??= entry.username;
        }
      }
      throw error;
    }
    return ops.length;
  }
}
