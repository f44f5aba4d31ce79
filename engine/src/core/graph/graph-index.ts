import { DEFAULT_PORT, type GraphDocument, type GraphEdge, type GraphNode } from './schema.js';

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
 * A read-only adjacency index of a graph document, built once and shared by the algorithms
 * (validation, the interpreter and the builder all use it; none re-implements it). Edges whose
 * source or target is not a node are kept out of the adjacency and listed in `danglingEdges`;
 * of duplicate node ids the first wins.
 *
 * @example
 * const index = indexGraph(doc);
 * index.outgoingFrom('check', 'true').map((e) => e.target);
 */
export interface GraphIndex {
  readonly doc: GraphDocument;
  /** Node ids in document order, without duplicates. */
  readonly nodeIds: readonly string[];
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Edges referencing a node id that does not exist. */
  readonly danglingEdges: readonly GraphEdge[];
  /** Edges leaving `nodeId`, in document order. */
  outgoing(nodeId: string): readonly GraphEdge[];
  /** Edges leaving `nodeId` from output port `port` (`out` when an edge names none). */
  outgoingFrom(nodeId: string, port: string): readonly GraphEdge[];
  /** Outgoing edges of `nodeId` grouped by port. */
  outgoingByPort(nodeId: string): ReadonlyMap<string, readonly GraphEdge[]>;
  /** Edges entering `nodeId`, in document order. */
  incoming(nodeId: string): readonly GraphEdge[];
  /** Ancestor sets of all nodes, computed on first use and memoised on this index. */
  ancestry(): Ancestry;
  /** Strongly connected components, sinks first (Tarjan order); memoised. */
  components(): Components;
}

/**
 * The strongly connected components of a graph (internal numeric form, for the algorithms).
 *
 * @example
 * const { list, cyclic } = indexGraph(doc).components();
 */
export interface Components {
  /** Components as lists of node positions (in `nodeIds`), sinks first. */
  readonly list: readonly (readonly number[])[];
  /** Component number of each node position. */
  readonly of: Int32Array;
  /** Per component: true when it is a cycle (several nodes, or a self-loop). */
  readonly cyclic: readonly boolean[];
}

const EMPTY: readonly GraphEdge[] = Object.freeze([]);
const EMPTY_PORTS: ReadonlyMap<string, readonly GraphEdge[]> = new Map();
const EMPTY_SET: NodeIdSet = new Set<string>();

class Index implements GraphIndex {
  readonly nodeIds: string[] = [];
  readonly nodes = new Map<string, GraphNode>();
  readonly danglingEdges: GraphEdge[] = [];
  /** Position of each node id in `nodeIds`. */
  readonly position = new Map<string, number>();
  /** Successor and predecessor positions (one entry per edge). */
  readonly succ: number[][] = [];
  readonly pred: number[][] = [];
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly byPort = new Map<string, Map<string, GraphEdge[]>>();
  private readonly in = new Map<string, GraphEdge[]>();
  private memoAncestry: Ancestry | undefined;
  private memoComponents: Components | undefined;

  constructor(readonly doc: GraphDocument) {
    for (const node of doc.nodes) {
      if (this.nodes.has(node.id)) continue;
      this.position.set(node.id, this.nodeIds.length);
      this.nodeIds.push(node.id);
      this.nodes.set(node.id, node);
      this.succ.push([]);
      this.pred.push([]);
    }
    for (const edge of doc.edges) {
      const s = this.position.get(edge.source);
      const t = this.position.get(edge.target);
      if (s === undefined || t === undefined) {
        this.danglingEdges.push(edge);
        continue;
      }
      this.succ[s]?.push(t);
      this.pred[t]?.push(s);
      push(this.out, edge.source, edge);
      push(this.in, edge.target, edge);
      let ports = this.byPort.get(edge.source);
      if (!ports) this.byPort.set(edge.source, (ports = new Map()));
      push(ports, edge.sourceHandle ?? DEFAULT_PORT, edge);
    }
  }

  outgoing(nodeId: string): readonly GraphEdge[] {
    return this.out.get(nodeId) ?? EMPTY;
  }

  outgoingFrom(nodeId: string, port: string): readonly GraphEdge[] {
    return this.byPort.get(nodeId)?.get(port) ?? EMPTY;
  }

  outgoingByPort(nodeId: string): ReadonlyMap<string, readonly GraphEdge[]> {
    return this.byPort.get(nodeId) ?? EMPTY_PORTS;
  }

  incoming(nodeId: string): readonly GraphEdge[] {
    return this.in.get(nodeId) ?? EMPTY;
  }

  components(): Components {
    return (this.memoComponents ??= tarjan(this.succ));
  }

  ancestry(): Ancestry {
    return (this.memoAncestry ??= computeAncestry(this, this.components()));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the adjacency index of a document. Build it once per document version and pass it to
 * the algorithms when you ask several questions: they then share its memoised results.
 *
 * @example
 * const index = indexGraph(doc);
 * const order = topologicalOrder(index);
 * const upstream = upstreamOf(index, 'role');
 */
export function indexGraph(doc: GraphDocument): GraphIndex {
  return new Index(doc);
}

/**
 * A document or its index: every algorithm accepts either.
 *
 * @example
 * const order = (g: GraphLike) => topologicalOrder(g);
 */
export type GraphLike = GraphDocument | GraphIndex;

/**
 * True when `graph` is an index built by {@link indexGraph} (rather than a bare document).
 *
 * @example
 * const index = isGraphIndex(g) ? g : indexGraph(g);
 */
export function isGraphIndex(graph: GraphLike): graph is GraphIndex {
  return graph instanceof Index;
}

/**
 * @internal The internal index of a document or index (builds one for a document).
 *
 * @example
 * const index = internalIndex(doc);
 */
export function internalIndex(graph: GraphLike): Index {
  return graph instanceof Index ? graph : new Index(graph as GraphDocument);
}

export type { Index as InternalIndex };

/** Tarjan's strongly connected components, iteratively (no recursion depth limits). */
function tarjan(succ: readonly (readonly number[])[]): Components {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const of = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const list: number[][] = [];
  const cyclic: boolean[] = [];
  let counter = 0;
  const callNode: number[] = [];
  const callEdge: number[] = [];
  for (let root = 0; root < n; root += 1) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top] as number;
      const edges = succ[v] ?? [];
      const e = callEdge[top] as number;
      if (e < edges.length) {
        callEdge[top] = e + 1;
        const w = edges[e] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      const parent = callNode[callNode.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      const c = list.length;
      for (;;) {
        const w = stack.pop() as number;
        onStack[w] = 0;
        of[w] = c;
        component.push(w);
        if (w === v) break;
      }
      component.sort((a, b) => a - b);
      list.push(component);
      cyclic.push(component.length > 1 || (succ[v] ?? []).includes(v));
    }
  }
  return { list, of, cyclic };
}

/**
 * Ancestors by component: components come sinks first from Tarjan, so walking the list
 * backwards visits every component after all of its predecessors. One bitset per component.
 */
function computeAncestry(index: Index, components: Components): Ancestry {
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
