import type { NodeIdSet } from './ancestry.js';
import { internalIndex, isGraphIndex, type GraphLike } from './graph-index.js';
import type { GraphEdge } from './schema.js';

/**
 * Result of {@link topologicalOrder}: every node in dependency order, or — when the graph has a
 * cycle — the nodes that could be ordered, the cycle members and everything blocked behind them.
 *
 * @example
 * const result = topologicalOrder(doc);
 * if (!result.ok) console.log(`cycle through ${result.cycle.join(', ')}`);
 */
export type TopologicalResult =
  | { ok: true; order: string[] }
  | {
      ok: false;
      /** Nodes ordered before the cycle blocked the rest. */
      order: string[];
      /** Members of cycles (document order). */
      cycle: string[];
      /** Every node that could not be ordered: cycle members and nodes downstream of them. */
      blocked: string[];
    };

/**
 * Kahn's algorithm. Deterministic: ready nodes are taken in document order, first in first out.
 * Edges to or from unknown node ids are ignored (validation reports them).
 *
 * @example
 * const result = topologicalOrder(doc);
 * if (result.ok) for (const id of result.order) visit(id);
 */
export function topologicalOrder(graph: GraphLike): TopologicalResult {
  const index = internalIndex(graph);
  const n = index.nodeIds.length;
  const indegree = new Int32Array(n);
  for (let v = 0; v < n; v += 1) indegree[v] = index.pred[v]?.length ?? 0;
  const queue: number[] = [];
  for (let v = 0; v < n; v += 1) if (indegree[v] === 0) queue.push(v);
  const order: string[] = [];
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head] as number;
    order.push(index.nodeIds[v] as string);
    for (const w of index.succ[v] ?? []) {
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) queue.push(w);
    }
  }
  if (order.length === n) return { ok: true, order };
  const blocked: string[] = [];
  for (let v = 0; v < n; v += 1)
    if ((indegree[v] as number) > 0) blocked.push(index.nodeIds[v] as string);
  return {
    ok: false,
    order,
    cycle: findCycles(index).flat().sort(byPosition(index.position)),
    blocked,
  };
}

function byPosition(position: ReadonlyMap<string, number>) {
  return (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
}

/**
 * The cycles of a graph: its strongly connected components with more than one node, or one node
 * with an edge to itself. Members are in document order; cycles are ordered by their first member.
 *
 * @example
 * findCycles(doc); // [['a', 'b', 'c']] for a → b → c → a
 */
export function findCycles(graph: GraphLike): string[][] {
  const index = internalIndex(graph);
  const { list, cyclic } = index.components();
  const cycles: number[][] = [];
  list.forEach((members, c) => {
    if (cyclic[c]) cycles.push([...members]);
  });
  cycles.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  return cycles.map((members) => members.map((v) => index.nodeIds[v] as string));
}

/**
 * The edges that lie on a cycle (both ends in the same cycle), in document order: what
 * validation reports with an `edgeId` and the builder highlights.
 *
 * @example
 * cycleEdges(doc).map((e) => e.id); // ['e3'] for the closing edge of a → b → a, and 'e2'
 */
export function cycleEdges(graph: GraphLike): GraphEdge[] {
  const index = internalIndex(graph);
  const { of, cyclic } = index.components();
  return index.doc.edges.filter((edge) => {
    const s = index.position.get(edge.source);
    const t = index.position.get(edge.target);
    if (s === undefined || t === undefined) return false;
    const c = of[s] as number;
    return c === of[t] && cyclic[c] === true;
  });
}

/**
 * Nodes reachable from `startId` by following edges, `startId` included (when it exists).
 * With `port`, only edges leaving `startId` from that port are followed first (e.g. the body
 * of a `flow.forEach` is `reachableFrom(g, loopId, { port: 'item' })`).
 *
 * @example
 * const reachable = reachableFrom(doc, triggerNode(doc)!.id);
 * const unreachable = doc.nodes.filter((n) => !reachable.has(n.id));
 */
export function reachableFrom(
  graph: GraphLike,
  startId: string,
  options: { port?: string } = {},
): Set<string> {
  const index = internalIndex(graph);
  const start = index.position.get(startId);
  const seen = new Set<string>();
  if (start === undefined) return seen;
  const visited = new Uint8Array(index.nodeIds.length);
  const stack: number[] = [];
  if (options.port === undefined) {
    stack.push(start);
    visited[start] = 1;
  } else {
    seen.add(startId);
    for (const edge of index.outgoingFrom(startId, options.port)) {
      const t = index.position.get(edge.target) as number;
      if (!visited[t]) {
        visited[t] = 1;
        stack.push(t);
      }
    }
  }
  while (stack.length > 0) {
    const v = stack.pop() as number;
    seen.add(index.nodeIds[v] as string);
    for (const w of index.succ[v] ?? []) {
      if (!visited[w]) {
        visited[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/**
 * Every node downstream of `nodeId` (not the node itself, unless it is on a cycle).
 *
 * @example
 * downstreamOf(doc, 'check'); // nodes that run after `check` on some branch
 */
export function downstreamOf(graph: GraphLike, nodeId: string): Set<string> {
  const index = internalIndex(graph);
  const start = index.position.get(nodeId);
  return start === undefined ? new Set() : walk(index.nodeIds, index.succ, start);
}

/**
 * Every node upstream of `nodeId` (its ancestors: the nodes whose outputs it may read as
 * `nodes.<id>`). Given an index (see {@link indexGraph}), all ancestor sets are computed once
 * in topological order with bitsets and memoised, and each answer is an O(1) view with an O(1)
 * `has`, so asking for each of 1,000 nodes stays fast; given a bare document, one backwards
 * walk into a new `Set`.
 *
 * @example
 * const index = indexGraph(doc);
 * for (const node of doc.nodes) check(node, upstreamOf(index, node.id));
 */
export function upstreamOf(graph: GraphLike, nodeId: string): NodeIdSet {
  if (isGraphIndex(graph)) return graph.ancestry().of(nodeId);
  const index = internalIndex(graph);
  const start = index.position.get(nodeId);
  return start === undefined ? new Set() : walk(index.nodeIds, index.pred, start);
}

/** Nodes reached from `start` along `next` (the start only when it is reached again). */
function walk(
  ids: readonly string[],
  next: readonly (readonly number[])[],
  start: number,
): Set<string> {
  const visited = new Uint8Array(ids.length);
  const stack = [start];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const v = stack.pop() as number;
    for (const w of next[v] ?? []) {
      if (visited[w]) continue;
      visited[w] = 1;
      seen.add(ids[w] as string);
      stack.push(w);
    }
  }
  return seen;
}
