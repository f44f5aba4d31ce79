/**
 * The graph model: the graph document schema (schemaVersion 1) and the pure graph algorithms
 * validation, the interpreter and the builder share.
 */
export {
  DEFAULT_PORT,
  EDGE_ID_PATTERN,
  GRAPH_LIMITS,
  GraphDocumentSchema,
  GraphEdgeSchema,
  GraphNodeSchema,
  NODE_ID_PATTERN,
  NODE_TYPE_PATTERN,
  PORT_ID_PATTERN,
  SCHEMA_VERSION,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from './schema.js';
export { isReservedName, reservedVariableMessage, withoutReservedNames } from './names.js';
export { indexGraph, isGraphIndex, type GraphIndex, type GraphLike } from './graph-index.js';
export type { Ancestry, NodeIdSet } from './ancestry.js';
export {
  cycleEdges,
  downstreamOf,
  findCycles,
  reachableFrom,
  topologicalOrder,
  upstreamOf,
  type TopologicalResult,
} from './algorithms.js';
export {
  canConnect,
  triggerNode,
  triggerNodes,
  type ConnectionCheck,
  type ConnectionRefusal,
  type ConnectionRequest,
} from './connect.js';
export {
  diffGraphs,
  hasChanges,
  type FieldChange,
  type GraphDiff,
  type NodeChange,
} from './diff.js';
