import { isReservedName, reservedVariableMessage } from '../graph/names.js';
import type { GraphDocument } from '../graph/schema.js';
import type { ValidationIssue } from './issue.js';

/**
 * Node ids and graph variables named `__proto__`, `constructor` or `prototype`: the shape
 * allows them (same pattern as any name), but such a document is not well-formed, since those
 * keys would not hold data (`invalid_document`, so the API refuses to save it).
 *
 * @example
 * reservedNameIssues({ ...doc, vars: JSON.parse('{"__proto__": {}}') });
 * // [{ path: 'vars.__proto__', code: 'invalid_document', message: 'The variable name "__proto__" is reserved; …' }]
 */
export function reservedNameIssues(doc: GraphDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  doc.nodes.forEach((node, i) => {
    if (!isReservedName(node.id)) return;
    issues.push({
      nodeId: node.id,
      path: `nodes[${i}].id`,
      code: 'invalid_document',
      message: `The node id "${node.id}" is reserved; give the node another id (ids are read as nodes.<id>).`,
    });
  });
  for (const name of Object.keys(doc.vars ?? {})) {
    if (!isReservedName(name)) continue;
    issues.push({
      path: `vars.${name}`,
      code: 'invalid_document',
      message: reservedVariableMessage(name),
    });
  }
  return issues;
}
