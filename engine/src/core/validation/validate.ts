import { getNodeType } from '../catalog/registry.js';
import { indexGraph } from '../graph/graph-index.js';
import type { GraphDocument } from '../graph/schema.js';
import { readableErrors } from './ajv-errors.js';
import { graphDocumentValidator } from './compiled-schemas.js';
import { configIssues } from './expressions.js';
import type { ValidationIssue } from './issue.js';
import { reservedNameIssues } from './names.js';
import { loopBodies, structuralIssues } from './structure.js';

/**
 * Validates a graph document and returns every problem at once (an empty list means valid):
 * first its shape (JSON Schema, then reserved names); when the shape is sound, the graph rules,
 * then each node's config and expressions.
 *
 * @example
 * const issues = validateGraph(body);
 * if (issues.length) res.status(400).json({ error: { code: 'invalid_graph', message: '…', details: issues } });
 */
export function validateGraph(input: unknown): ValidationIssue[] {
  const validateShape = graphDocumentValidator();
  if (!validateShape(input)) {
    const doc = input as { nodes?: { id?: unknown }[]; edges?: { id?: unknown }[] };
    return readableErrors(validateShape.errors ?? []).map(({ path, message }) => {
      const nodeAt = /^nodes\[(\d+)\]/.exec(path)?.[1];
      const edgeAt = /^edges\[(\d+)\]/.exec(path)?.[1];
      const nodeId = nodeAt === undefined ? undefined : doc.nodes?.[Number(nodeAt)]?.id;
      const edgeId = edgeAt === undefined ? undefined : doc.edges?.[Number(edgeAt)]?.id;
      return {
        ...(typeof nodeId === 'string' ? { nodeId } : {}),
        ...(typeof edgeId === 'string' ? { edgeId } : {}),
        path,
        code: 'invalid_document' as const,
        message: path ? message : `The document ${message.replace(/^the value /, '')}`,
      };
    });
  }
  const doc = input as GraphDocument;
  // Reserved names are shape problems too: the rest assumes names that hold data.
  const reserved = reservedNameIssues(doc);
  if (reserved.length > 0) return reserved;
  const index = indexGraph(doc);
  const issues = structuralIssues(doc, index);
  const ancestry = index.ancestry();
  const inLoops = loopBodies(doc, index);
  doc.nodes.forEach((node, at) => {
    const declaration = getNodeType(node.type);
    if (!declaration) return; // reported as unknown_node_type
    if (declaration.unavailable !== undefined)
      issues.push({
        nodeId: node.id,
        path: `nodes[${at}].type`,
        code: 'node_not_available',
        message: `${declaration.title} (${node.type}) is not available yet: ${declaration.unavailable}. Remove the node to publish or run the graph.`,
      });
    issues.push(
      ...configIssues({ node, at, declaration, index, ancestry, insideLoop: inLoops.has(node.id) }),
    );
  });
  return issues;
}

/**
 * True when the document is a well-formed, valid graph.
 *
 * @example
 * if (isValidGraph(doc)) publish(doc);
 */
export function isValidGraph(input: unknown): input is GraphDocument {
  return validateGraph(input).length === 0;
}
