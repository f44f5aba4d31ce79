import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { GatewayRecord, Store, TriggerRecord } from '../storage/index.js';

/** Options of {@link GatewayStatus}. */
export interface GatewayStatusOptions {
  /** How often the record is refreshed when nothing changed (default 1 s). */
  heartbeatMs?: number | undefined;
  /** Acknowledgements older than this are dropped from the record (default 60 s). */
  ackRetentionMs?: number | undefined;
  onError?: ((error: unknown) => void) | undefined;
}

/** The record is kept this long after the last heartbeat of a gateway that died. */
const RECORD_TTL_MS = 86_400_000;

/**
 * What one gateway process tells the service through the store: that it is alive, connected
 * and has loaded its trigger index (health), and which trigger revisions it applies (publish
 * waits for them). Acknowledgements are written as soon as a poll applied them; the heartbeat
 * refreshes the record every second.
 *
 * @example
 * const status = new GatewayStatus(() => openStore(mongo));
 * status.start();
 * status.loaded(startedAt); status.setConnected(true);
 */
export class GatewayStatus {
  readonly id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly startedAt = new Date();
  private readonly acks = new Map<string, { revision: number; at: number }>();
  private connected = false;
  private loadedFrom: Date | null = null;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly options: GatewayStatusOptions = {},
  ) {}

  /** Starts the heartbeat (and writes the record now). */
  start(): void {
    this.schedule();
    void this.flush();
  }

  setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    void this.flush();
  }

  /** The first full load of the index finished; it began at `from`. */
  loaded(from: Date): void {
    this.loadedFrom = from;
    void this.flush();
  }

  /** Records the trigger writes a poll applied, and writes them at once. */
  ack(records: readonly TriggerRecord[]): Promise<void> {
    const at = Date.now();
    let changed = false;
    for (const record of records) {
      const revision = record.revision ?? 0;
      const seen = this.acks.get(record._id);
      if (!seen || seen.revision < revision) {
        this.acks.set(record._id, { revision, at });
        changed = true;
      }
    }
    return changed ? this.flush() : Promise.resolve();
  }

  /** Stops the heartbeat and removes the record: a stopped gateway is not waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.writing;
    await (await this.store()).gateways.deleteOne({ _id: this.id }).catch(this.options.onError);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.flush().finally(() => this.schedule());
    }, this.options.heartbeatMs ?? 1000);
    this.timer.unref();
  }

  /** One write at a time; a change during a write is written right after it. */
  private flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.writing) {
      this.again = true;
      return this.writing.then(() => this.flush());
    }
    this.again = false;
    this.writing = this.write()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.writing = undefined;
      });
    return this.writing;
  }

  private async write(): Promise<void> {
    const now = Date.now();
    const retention = this.options.ackRetentionMs ?? 60_000;
    for (const [graphId, ack] of this.acks) if (now - ack.at > retention) this.acks.delete(graphId);
    const record: Omit<GatewayRecord, '_id' | 'startedAt'> = {
      heartbeatAt: new Date(now),
      connected: this.connected,
      indexLoaded: this.loadedFrom !== null,
      loadedFrom: this.loadedFrom,
      acks: Object.fromEntries([...this.acks].map(([graphId, ack]) => [graphId, ack.revision])),
      expiresAt: new Date(now + RECORD_TTL_MS),
    };
    await (
      await this.store()
    ).gateways.updateOne(
      { _id: this.id },
      { $set: record, $setOnInsert: { startedAt: this.startedAt } },
      { upsert: true },
    );
  }
}
