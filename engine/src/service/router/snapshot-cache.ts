import type { GraphSnapshot } from '../../interpreter/contract.js';
import { snapshotOf, versionKey } from '../graphs/graph-store.js';
import type { GraphVersionRecord, Store } from '../storage/index.js';

/**
 * Published versions by `graphId:version`, most recently used kept. Versions are immutable, so
 * a cached snapshot never goes stale; a matching event reads the store only the first time a
 * version runs in this process.
 *
 * @example
 * const snapshots = new SnapshotCache(() => openStore(mongo));
 * const snapshot = await snapshots.get('g_…', 3);
 */
export class SnapshotCache {
  private readonly entries = new Map<string, Promise<GraphSnapshot | undefined>>();

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly capacity = 1000,
  ) {}

  get(graphId: string, version: number): Promise<GraphSnapshot | undefined> {
    const key = versionKey(graphId, version);
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const loading = this.load(key);
    this.entries.set(key, loading);
    // A failed or missing read is not remembered: the next event tries again.
    loading.then(
      (snapshot) => snapshot ?? this.entries.delete(key),
      () => this.entries.delete(key),
    );
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return loading;
  }

  private async load(key: string): Promise<GraphSnapshot | undefined> {
    const record = await (await this.store()).versions.findById(key).lean<GraphVersionRecord>();
    return record ? snapshotOf(record) : undefined;
  }
}
