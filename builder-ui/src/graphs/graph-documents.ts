import type { ApiGraphDocument } from '../api/queries.js';

/**
 * The document of a new, empty graph (the editor adds the trigger).
 *
 * @example
 * createGraph.mutate(emptyGraph('Welcome new members'));
 */
export function emptyGraph(name: string): ApiGraphDocument {
  return { schemaVersion: 1, name, description: '', nodes: [], edges: [], vars: {} };
}
