/**
 * A small bounded cache with least-recently-used eviction, built on Map insertion order.
 * Deterministic: no clocks, eviction depends only on the sequence of calls.
 *
 * @example
 * const cache = new BoundedCache<number>(2);
 * cache.set('a', 1);
 * cache.get('a'); // 1
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
