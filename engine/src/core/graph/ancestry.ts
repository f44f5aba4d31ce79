import type { Components } from './components.js';

/** What the ancestry needs of a graph index: node positions and predecessor lists. */
interface IndexedPositions {
  readonly nodeIds: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly pred: readonly (readonly number[])[];
}

const EMPTY_SET: NodeIdSet = new Set<string>();

/**
 * Ancestor sets of every node, computed once (bitsets over the strongly connected components,
 * in topological order) and queried in O(1) (`has`) or materialised on demand (`of`).
 *
 * @example
 * const ancestry = indexGraph(doc).ancestry();
 * ancestry.has('role', 'start'); // true when `start` is upstream of `role`
 */
export interface Ancestry {
  /** True when `ancestorId` is upstream of `nodeId` (a node in a cycle is its own ancestor). */
  has(nodeId: string, ancestorId: string): boolean;
  /** Every node upstream of `nodeId` (empty for unknown ids); a view, O(1) to get. */
  of(nodeId: string): NodeIdSet;
}

/**
 * A read-only set of node ids (a `Set<string>` is one): membership, size and iteration.
 * Upstream sets are views over a shared bitset; copy one with `new Set(ids)` to keep or change it.
 *
 * @example
 * const upstream: NodeIdSet = upstreamOf(index, 'role');
 * if (!upstream.has('greet')) report('greet has not run yet at role');
 * const copy = new Set(upstream);
 */
export interface NodeIdSet extends Iterable<string> {
  has(id: string): boolean;
  readonly size: number;
}

/**
 * Ancestors by component: components come sinks first from Tarjan, so walking the list
 * backwards visits every component after all of its predecessors. One bitset per component.
 */
export function computeAncestry(index: IndexedPositions, components: Components): Ancestry {
  const n = index.nodeIds.length;
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(Math.max(1, components.list.length * words));
  for (let c = components.list.length - 1; c >= 0; c -= 1) {
    const base = c * words;
    const members = components.list[c] ?? [];
    for (const v of members) {
      for (const p of index.pred[v] ?? []) {
        const pc = components.of[p] as number;
        if (pc !== c) {
          const pBase = pc * words;
          for (let w = 0; w < words; w += 1) bits[base + w]! |= bits[pBase + w]!;
        }
        bits[base + (p >>> 5)]! |= 1 << (p & 31);
      }
    }
    // A member of a cycle reaches every member, itself included; the loop above already set
    // the members that have a predecessor inside the component (all of them, in a cycle).
  }
  const views = new Map<string, NodeIdSet>();
  return {
    has(nodeId, ancestorId) {
      const v = index.position.get(nodeId);
      const a = index.position.get(ancestorId);
      if (v === undefined || a === undefined) return false;
      const c = components.of[v] as number;
      return (bits[c * words + (a >>> 5)]! & (1 << (a & 31))) !== 0;
    },
    of(nodeId) {
      let view = views.get(nodeId);
      if (!view) {
        const v = index.position.get(nodeId);
        view =
          v === undefined
            ? EMPTY_SET
            : new BitSetView(
                index.nodeIds,
                index.position,
                bits,
                (components.of[v] as number) * words,
                words,
              );
        views.set(nodeId, view);
      }
      return view;
    },
  };
}

/**
 * A read-only set of node ids backed by a slice of the ancestry bitset: `has` is O(1) and
 * nothing is copied until it is iterated, so asking for the upstream set of every node of a
 * long chain stays linear.
 */
class BitSetView implements NodeIdSet {
  private count = -1;

  constructor(
    private readonly ids: readonly string[],
    private readonly position: ReadonlyMap<string, number>,
    private readonly bits: Uint32Array,
    private readonly base: number,
    private readonly words: number,
  ) {}

  has(id: string): boolean {
    const a = this.position.get(id);
    return a !== undefined && (this.bits[this.base + (a >>> 5)]! & (1 << (a & 31))) !== 0;
  }

  get size(): number {
    if (this.count < 0) {
      let count = 0;
      for (let w = 0; w < this.words; w += 1) {
        let word = this.bits[this.base + w]!;
        while (word !== 0) {
          word &= word - 1;
          count += 1;
        }
      }
      this.count = count;
    }
    return this.count;
  }

  *[Symbol.iterator](): Generator<string, void, undefined> {
    for (let w = 0; w < this.words; w += 1) {
      let word = this.bits[this.base + w]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        yield this.ids[w * 32 + bit] as string;
        word &= word - 1;
      }
    }
  }
}
