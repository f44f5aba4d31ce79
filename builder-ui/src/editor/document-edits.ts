import {
  DEFAULT_PORT,
  canConnect,
  indexGraph,
  isTrigger,
  type ConnectionCheck,
  type ConnectionRequest,
  type GraphDocument,
  type GraphEdge,
  type GraphIndex,
  type GraphNode,
} from '@guildflow/engine/core';

/**
 * Pure edits of a graph document. Each returns a new document sharing every untouched node and
 * edge object with the old one (the canvas keeps those nodes as they are), or the same document
 * when nothing changed (so no undo step is recorded).
 */

export interface XY {
  x: number;
  y: number;
}

const indexes = new WeakMap<GraphDocument, GraphIndex>();

/** The core's adjacency index of a document, built once per document version. */
export function indexOf(doc: GraphDocument): GraphIndex {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = indexGraph(doc)));
  return index;
}

/** The core's `canConnect` on the (cached) index of this document version. */
export function checkConnection(
  doc: GraphDocument,
  connection: ConnectionRequest,
): ConnectionCheck {
  return canConnect(indexOf(doc), connection);
}

/** `sendMessage_1`, `sendMessage_2`, …: the first id of this type's name not in `taken`. */
export function uniqueNodeId(type: string, taken: ReadonlySet<string>): string {
  const name = (type.split('.')[1] ?? 'node').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 56);
  for (let n = 1; ; n += 1) {
    const id = `${name}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A fresh edge id (`e1`, `e2`, …) not among `taken`. */
export function uniqueEdgeId(taken: ReadonlySet<string>, from = 1): string {
  for (let n = from; ; n += 1) if (!taken.has(`e${n}`)) return `e${n}`;
}

export function nodeIds(doc: GraphDocument): Set<string> {
  return new Set(doc.nodes.map((node) => node.id));
}

export function edgeIds(doc: GraphDocument): Set<string> {
  return new Set(doc.edges.map((edge) => edge.id));
}

/** True when the document already has a trigger (a graph has exactly one). */
export function hasTrigger(doc: GraphDocument): boolean {
  return doc.nodes.some((node) => isTrigger(node.type));
}

/** Adds a node of `type` at `position`; returns the new document and the node's id. */
export function addNode(
  doc: GraphDocument,
  type: string,
  position: XY,
): { doc: GraphDocument; id: string } {
  const id = uniqueNodeId(type, nodeIds(doc));
  const node: GraphNode = { id, type, position: roundXY(position), config: {} };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/**
 * Adds an edge when the core's `canConnect` allows it; otherwise returns the refusal and the
 * document unchanged.
 */
export function connect(
  doc: GraphDocument,
  connection: ConnectionRequest,
): { doc: GraphDocument; check: ConnectionCheck; edgeId?: string } {
  const check = checkConnection(doc, connection);
  if (!check.ok) return { doc, check };
  const edge: GraphEdge = {
    id: uniqueEdgeId(edgeIds(doc), doc.edges.length + 1),
    source: connection.source,
    sourceHandle: connection.sourceHandle ?? DEFAULT_PORT,
    target: connection.target,
  };
  return { doc: { ...doc, edges: [...doc.edges, edge] }, check, edgeId: edge.id };
}

/** Removes nodes (and every edge touching them) and edges. */
export function removeElements(
  doc: GraphDocument,
  nodes: ReadonlySet<string>,
  edges: ReadonlySet<string> = new Set(),
): GraphDocument {
  if (nodes.size === 0 && edges.size === 0) return doc;
  const keptNodes = doc.nodes.filter((node) => !nodes.has(node.id));
  const keptEdges = doc.edges.filter(
    (edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target),
  );
  if (keptNodes.length === doc.nodes.length && keptEdges.length === doc.edges.length) return doc;
  return { ...doc, nodes: keptNodes, edges: keptEdges };
}

/** Moves nodes to new positions (ids not in the document are ignored). */
export function moveNodes(doc: GraphDocument, positions: ReadonlyMap<string, XY>): GraphDocument {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const to = positions.get(node.id);
    if (!to) return node;
    const rounded = roundXY(to);
    if (rounded.x === node.position.x && rounded.y === node.position.y) return node;
    changed = true;
    return { ...node, position: rounded };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Replaces one node's fields (`config`, `label`). */
export function updateNode(
  doc: GraphDocument,
  id: string,
  patch: Partial<Pick<GraphNode, 'config' | 'label'>>,
): GraphDocument {
  const at = doc.nodes.findIndex((node) => node.id === id);
  const node = doc.nodes[at];
  if (!node) return doc;
  const next: GraphNode = { ...node, ...patch };
  if (patch.label !== undefined && patch.label.trim() === '') delete next.label;
  if (JSON.stringify(next) === JSON.stringify(node)) return doc;
  const nodes = [...doc.nodes];
  nodes[at] = next;
  return { ...doc, nodes };
}

/** Renames the graph (the document's `name`). */
export function rename(doc: GraphDocument, name: string): GraphDocument {
  return doc.name === name ? doc : { ...doc, name };
}

/**
 * True when two documents differ at most in node positions: validation reads nothing else that
 * a drag changes, so it need not run again.
 */
export function sameButPositions(a: GraphDocument, b: GraphDocument): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.vars !== b.vars || a.name !== b.name) return false;
  if (a.description !== b.description || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, i) => {
    const other = b.nodes[i];
    if (node === other) return true;
    return (
      other !== undefined &&
      node.id === other.id &&
      node.type === other.type &&
      node.config === other.config &&
      node.label === other.label
    );
  });
}

function roundXY({ x, y }: XY): XY {
  return { x: Math.round(x), y: Math.round(y) };
}
