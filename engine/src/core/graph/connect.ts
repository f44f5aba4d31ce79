import { getNodeType, isTrigger, outputPortsOf } from '../catalog/registry.js';
import { downstreamOf } from './algorithms.js';
import { internalIndex, isGraphIndex, type GraphLike } from './graph-index.js';
import { DEFAULT_PORT, type GraphNode } from './schema.js';

/**
 * Why {@link canConnect} refused a connection.
 */
export type ConnectionRefusal =
  | 'unknown-source'
  | 'unknown-target'
  | 'unknown-type'
  | 'unknown-port'
  | 'no-input'
  | 'self-loop'
  | 'duplicate'
  | 'cycle';

/**
 * Answer of {@link canConnect}.
 */
export type ConnectionCheck = { ok: true } | { ok: false; code: ConnectionRefusal; reason: string };

/** A connection the user is drawing (React Flow's `Connection`). */
export interface ConnectionRequest {
  source: string;
  /** Output port; `out` when null or omitted. */
  sourceHandle?: string | null;
  target: string;
}

/**
 * Whether an edge from `source`'s port to `target` may be added: the port exists on the source
 * type (dynamic ports resolved from its config), the target takes input (not a trigger), it is
 * not a self-loop, not a duplicate of an existing edge, and does not close a cycle. The builder
 * uses it as React Flow's `isValidConnection`; pass an index (see `indexGraph`) to answer
 * repeated questions on the same document fast.
 *
 * @example
 * const index = indexGraph(doc);
 * <ReactFlow isValidConnection={(c) => canConnect(index, c).ok} />
 */
export function canConnect(graph: GraphLike, connection: ConnectionRequest): ConnectionCheck {
  const index = internalIndex(graph);
  const source = index.nodes.get(connection.source);
  if (!source) return refuse('unknown-source', `There is no node "${connection.source}".`);
  const target = index.nodes.get(connection.target);
  if (!target) return refuse('unknown-target', `There is no node "${connection.target}".`);
  const sourceType = getNodeType(source.type);
  if (!sourceType) return refuse('unknown-type', `Unknown node type "${source.type}".`);
  const port = connection.sourceHandle ?? DEFAULT_PORT;
  const ports = outputPortsOf(sourceType, source.config);
  if (!ports.some((p) => p.id === port)) {
    const list = ports.map((p) => p.id).join(', ');
    return refuse(
      'unknown-port',
      `${sourceType.title} has no "${port}" output${list ? ` (it has ${list})` : ' (it ends the run)'}.`,
    );
  }
  const targetType = getNodeType(target.type);
  if (!targetType) return refuse('unknown-type', `Unknown node type "${target.type}".`);
  if (targetType.ports.inputs === 'none')
    return refuse(
      'no-input',
      `${targetType.title} is a trigger: it starts the run, nothing connects into it.`,
    );
  if (source.id === target.id)
    return refuse(
      'self-loop',
      'A node cannot connect to itself; repeat with For each or a schedule.',
    );
  if (index.outgoingFrom(source.id, port).some((edge) => edge.target === target.id)) {
    return refuse('duplicate', 'These nodes are already connected this way.');
  }
  const closesCycle = isGraphIndex(graph)
    ? graph.ancestry().has(source.id, target.id)
    : downstreamOf(index, target.id).has(source.id);
  if (closesCycle)
    return refuse(
      'cycle',
      'This would create a loop; graphs cannot loop (use For each, or a schedule).',
    );
  return { ok: true };
}

function refuse(code: ConnectionRefusal, reason: string): ConnectionCheck {
  return { ok: false, code, reason };
}

/**
 * The graph's trigger node (the first node of a trigger type), or undefined when it has none.
 * A valid graph has exactly one; see {@link triggerNodes}.
 *
 * @example
 * const trigger = triggerNode(doc);
 * const reachable = trigger ? reachableFrom(doc, trigger.id) : new Set();
 */
export function triggerNode(doc: { nodes: readonly GraphNode[] }): GraphNode | undefined {
  return doc.nodes.find((node) => isTrigger(node.type));
}

/**
 * Every trigger node of the graph (validation reports anything but exactly one).
 *
 * @example
 * if (triggerNodes(doc).length !== 1) issues.push({ path: 'nodes', code: 'trigger-count', message: 'A graph needs exactly one trigger.' });
 */
export function triggerNodes(doc: { nodes: readonly GraphNode[] }): GraphNode[] {
  return doc.nodes.filter((node) => isTrigger(node.type));
}
