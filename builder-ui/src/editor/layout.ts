import { Graph, layout } from '@dagrejs/dagre';
import {
  DEFAULT_PORT,
  portsOf,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '@guildflow/engine/core';
import type { XY } from './document-edits.js';
import type { Size } from './editor-store.js';

/** The size assumed for a node the canvas has not measured (e.g. off-screen on first open). */
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 88 };

const SPACING = { nodesep: 36, ranksep: 90 };

/**
 * A node's outgoing edges in its port order (the declared ports, then any others), each
 * port's edges in document order: the order its handles are drawn top to bottom.
 */
export function edgesInPortOrder(
  node: GraphNode | undefined,
  outgoing: readonly GraphEdge[],
): GraphEdge[] {
  const order = new Map((node ? portsOf(node) : []).map((port, i) => [port.id, i]));
  const rank = (edge: GraphEdge) => order.get(edge.sourceHandle ?? DEFAULT_PORT) ?? order.size;
  return outgoing
    .map((edge, i) => ({ edge, i }))
    .sort((a, b) => rank(a.edge) - rank(b.edge) || a.i - b.i)
    .map(({ edge }) => edge);
}

/**
 * Left-to-right layered layout (dagre) that keeps each node's branches in its port order: the
 * `true` branch above `false`, switch cases in case order, `error` last. Returns every node's new
 * top-left position; the layout starts where the graph's top-left corner was.
 *
 * @example
 * const positions = layoutPositions(doc, measuredSizes);
 * store.getState().edit((d) => moveNodes(d, positions));
 */
export function layoutPositions(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, Size>,
): Map<string, XY> {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ...SPACING, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const byId = new Map<string, GraphNode>();
  for (const node of doc.nodes) {
    if (byId.has(node.id)) continue;
    byId.set(node.id, node);
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    g.setNode(node.id, { width: size.width, height: size.height });
  }

  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of doc.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    const list = outgoing.get(edge.source);
    if (list) list.push(edge);
    else outgoing.set(edge.source, [edge]);
  }

  // Port order as ordering constraints between a node's successive children ("left" is above
  // in a left-to-right layout), skipping any that would contradict ones already set.
  const constraints: { left: string; right: string }[] = [];
  const after = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length) {
      const at = stack.pop() as string;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(after.get(at) ?? []));
    }
    return false;
  };
  for (const [source, edges] of outgoing) {
    const ordered = edgesInPortOrder(byId.get(source), edges);
    ordered.forEach((edge) => g.setEdge(edge.source, edge.target, {}, edge.id));
    const children = [...new Set(ordered.map((edge) => edge.target))];
    for (let i = 1; i < children.length; i += 1) {
      const left = children[i - 1] as string;
      const right = children[i] as string;
      if (reaches(right, left)) continue;
      constraints.push({ left, right });
      const set = after.get(left);
      if (set) set.add(right);
      else after.set(left, new Set([right]));
    }
  }

  layout(g, { constraints });

  const origin = {
    x: Math.min(...doc.nodes.map((n) => n.position.x)),
    y: Math.min(...doc.nodes.map((n) => n.position.y)),
  };
  const positions = new Map<string, XY>();
  let minX = Infinity;
  let minY = Infinity;
  for (const id of byId.keys()) {
    const { x, y, width, height } = g.node(id) as {
      x: number;
      y: number;
      width: number;
      height: number;
    };
    const topLeft = { x: x - width / 2, y: y - height / 2 };
    minX = Math.min(minX, topLeft.x);
    minY = Math.min(minY, topLeft.y);
    positions.set(id, topLeft);
  }
  for (const [id, p] of positions) {
    positions.set(id, {
      x: Math.round(p.x - minX + origin.x),
      y: Math.round(p.y - minY + origin.y),
    });
  }
  return positions;
}
