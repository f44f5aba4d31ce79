import { computeAncestry, type Ancestry } from './ancestry.js';
import { tarjan, type Components } from './components.js';
import { DEFAULT_PORT, type GraphDocument, type GraphEdge, type GraphNode } from './schema.js';

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

const EMPTY: readonly GraphEdge[] = Object.freeze([]);
const EMPTY_PORTS: ReadonlyMap<string, readonly GraphEdge[]> = new Map();

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

/** A document or its index: every algorithm accepts either. */
export type GraphLike = GraphDocument | GraphIndex;

/**
 * True when `graph` is an index built by {@link indexGraph} (rather than a bare document).
 */
export function isGraphIndex(graph: GraphLike): graph is GraphIndex {
  return graph instanceof Index;
}

/**
 * @internal The internal index of a document or index (builds one for a document).
 */
export function internalIndex(graph: GraphLike): Index {
  return graph instanceof Index ? graph : new Index(graph as GraphDocument);
}

export type { Index as InternalIndex };
