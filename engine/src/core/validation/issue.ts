/**
 * Stable codes of validation problems (the builder and the API rely on them).
 *
 * @example
 * if (issue.code === 'cycle') highlight(issue.edgeId);
 */
export type ValidationCode =
  | 'invalid_document'
  | 'duplicate_node_id'
  | 'duplicate_edge_id'
  | 'unknown_node_type'
  | 'node_not_available'
  | 'missing_trigger'
  | 'multiple_triggers'
  | 'dangling_edge'
  | 'unknown_port'
  | 'edge_into_trigger'
  | 'self_loop'
  | 'duplicate_edge'
  | 'cycle'
  | 'unreachable'
  | 'invalid_config'
  | 'invalid_expression'
  | 'unknown_node_reference'
  | 'reference_not_upstream'
  | 'scope_not_available'
  | 'item_outside_loop'
  | 'join_misuse'
  | 'loop_misuse';

/**
 * One problem of a graph document (docs/graph-format.md, Validation: `{ nodeId?, edgeId?, path, code, message }`).
 * `path` points into the document, e.g. `nodes[2].config.content` or `edges[0].target`.
 *
 * @example
 * { nodeId: 'greet', path: 'nodes[1].config.channelId', code: 'invalid_config', message: 'channelId is required' }
 */
export interface ValidationIssue {
  nodeId?: string;
  edgeId?: string;
  path: string;
  code: ValidationCode;
  message: string;
}

/** Turns a JSON pointer (`/nodes/2/config/content`) into a path (`nodes[2].config.content`). */
export function pointerToPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += path === '' ? part : `.${part}`;
  }
  return path;
}
