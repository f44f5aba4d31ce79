import type { ApiGraphDocument } from '../api/queries.js';

/** The document of a new, empty graph (the editor adds the trigger). */
export function emptyGraph(name: string): ApiGraphDocument {
  return { schemaVersion: 1, name, description: '', nodes: [], edges: [], vars: {} };
}
