import type { GraphDocument } from '../core/index.js';

type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];
type EdgeSpec = [source: string, port: string, target: string];

/** Builds a graph document tersely for interpreter fixtures. */
export function graph(
  nodes: NodeSpec[],
  edges: EdgeSpec[],
  vars: Record<string, unknown> = {},
): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'fixture',
    nodes: nodes.map(([id, type, config], i) => ({
      id,
      type,
      position: { x: i * 200, y: 0 },
      config: config ?? {},
    })),
    edges: edges.map(([source, sourceHandle, target], i) => ({
      id: `e${i + 1}`,
      source,
      sourceHandle,
      target,
    })),
    vars,
  } as GraphDocument;
}
