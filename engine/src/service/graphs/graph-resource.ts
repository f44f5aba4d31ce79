import type { Static } from '@sinclair/typebox';
import { getNodeType, type GraphDocument, type GraphNode } from '../../core/index.js';
import type { GraphRecord } from '../storage/index.js';
import type { GraphResourceSchema, GraphSummarySchema, WebhookInfoSchema } from './schemas.js';

export type GraphResource = Static<typeof GraphResourceSchema>;
export type GraphSummary = Static<typeof GraphSummarySchema>;
export type WebhookInfo = Static<typeof WebhookInfoSchema>;

/**
 * The draft document of a graph record.
 *
 * @example
 * const doc = draftOf(record); // doc.nodes, doc.edges…
 */
export function draftOf(record: Pick<GraphRecord, 'draftJson'>): GraphDocument {
  return JSON.parse(record.draftJson) as GraphDocument;
}

/**
 * The trigger node of a (well-formed) document, if it has exactly one catalog trigger first
 * found; undefined when it has none.
 *
 * @example
 * triggerOf(doc)?.type; // 'trigger.webhook'
 */
export function triggerOf(doc: GraphDocument): GraphNode | undefined {
  return doc.nodes.find((node) => getNodeType(node.type)?.kind === 'trigger');
}

/** The API resource of a graph record; `webhook` is given when the draft's trigger is a webhook. */
export function toGraphResource(record: GraphRecord, webhook?: WebhookInfo): GraphResource {
  return {
    id: record._id,
    guildId: record.guildId,
    name: record.name,
    enabled: record.enabled,
    draft: draftOf(record),
    issues: record.issues.map(plainIssue),
    publishedVersion: record.publishedVersion ?? null,
    ...(webhook ? { webhook } : {}),
    revision: record.revision,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** One row of the graph list. */
export function toGraphSummary(record: GraphRecord): GraphSummary {
  return {
    id: record._id,
    guildId: record.guildId,
    name: record.name,
    enabled: record.enabled,
    triggerType: triggerOf(draftOf(record))?.type ?? null,
    issueCount: record.issues.length,
    publishedVersion: record.publishedVersion ?? null,
    revision: record.revision,
    updatedAt: record.updatedAt.toISOString(),
  };
}

// Lean documents may carry nulls for absent optional fields; the API omits them.
function plainIssue(issue: GraphRecord['issues'][number]): GraphRecord['issues'][number] {
  return {
    ...(issue.nodeId ? { nodeId: issue.nodeId } : {}),
    ...(issue.edgeId ? { edgeId: issue.edgeId } : {}),
    path: issue.path,
    code: issue.code,
    message: issue.message,
  };
}
