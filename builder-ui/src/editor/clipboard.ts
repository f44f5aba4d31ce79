import {
  SCHEMA_VERSION,
  graphDocumentValidator,
  isTrigger,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '@guildflow/engine/core';
import {
  edgeIds,
  hasTrigger,
  nodeIds,
  uniqueEdgeId,
  uniqueNodeId,
  type XY,
} from './document-edits.js';

/** How far a paste without a target point lands from the copied nodes. */
export const PASTE_OFFSET = 40;

/**
 * The selected nodes as a graph document (with the edges between them and the graph's
 * variables): the clipboard format, so a copy pastes into another tab or another graph, and a
 * whole exported graph pastes too.
 */
export function selectionToDocument(
  doc: GraphDocument,
  selected: ReadonlySet<string>,
): GraphDocument {
  const nodes = doc.nodes.filter((node) => selected.has(node.id));
  const edges = doc.edges.filter((edge) => selected.has(edge.source) && selected.has(edge.target));
  return { schemaVersion: SCHEMA_VERSION, name: doc.name, nodes, edges, vars: doc.vars };
}

export type PasteResult =
  | {
      ok: true;
      doc: GraphDocument;
      /** Ids of the pasted nodes in the new document. */
      ids: string[];
      /** Why something was left out (a second trigger), for the user. */
      notes: string[];
    }
  | { ok: false; message: string };

/**
 * Pastes a clipboard document into `doc`: node ids that clash are renamed (edges follow),
 * edges keep their ends, the graph's missing variables are added, and a trigger is left out
 * when the graph has one already. With `at`, the pasted group's top-left corner goes there;
 * otherwise it lands {@link PASTE_OFFSET} from where it was copied.
 */
export function pasteDocument(doc: GraphDocument, text: string, at?: XY): PasteResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The clipboard does not hold Guildflow nodes (copy nodes or a graph document).',
    };
  }
  if (!graphDocumentValidator()(parsed)) {
    return {
      ok: false,
      message: 'The clipboard does not hold a Guildflow graph document: nothing was pasted.',
    };
  }
  const source = parsed as GraphDocument;
  if (source.nodes.length === 0) return { ok: false, message: 'The clipboard holds no nodes.' };

  const notes: string[] = [];
  let triggerTaken = hasTrigger(doc);
  const incoming = source.nodes.filter((node) => {
    if (!isTrigger(node.type)) return true;
    if (!triggerTaken) return (triggerTaken = true);
    notes.push(`The graph already has a trigger, so the copied trigger "${node.id}" was left out.`);
    return false;
  });
  if (incoming.length === 0) return { ok: false, message: notes[0] ?? 'Nothing to paste.' };

  const taken = nodeIds(doc);
  const renamed = new Map<string, string>();
  for (const node of incoming) {
    const id = taken.has(node.id) ? uniqueNodeId(node.type, taken) : node.id;
    taken.add(id);
    renamed.set(node.id, id);
  }

  const minX = Math.min(...incoming.map((n) => n.position.x));
  const minY = Math.min(...incoming.map((n) => n.position.y));
  const dx = at ? at.x - minX : PASTE_OFFSET;
  const dy = at ? at.y - minY : PASTE_OFFSET;
  const nodes: GraphNode[] = incoming.map((node) => ({
    ...node,
    id: renamed.get(node.id) as string,
    position: { x: Math.round(node.position.x + dx), y: Math.round(node.position.y + dy) },
  }));

  const takenEdges = edgeIds(doc);
  const edges: GraphEdge[] = [];
  for (const edge of source.edges) {
    const s = renamed.get(edge.source);
    const t = renamed.get(edge.target);
    if (s === undefined || t === undefined) continue;
    const id = takenEdges.has(edge.id) ? uniqueEdgeId(takenEdges, doc.edges.length + 1) : edge.id;
    takenEdges.add(id);
    edges.push({ ...edge, id, source: s, target: t });
  }

  const missingVars = Object.entries(source.vars ?? {}).filter(
    ([name]) => !Object.hasOwn(doc.vars, name),
  );
  return {
    ok: true,
    doc: {
      ...doc,
      nodes: [...doc.nodes, ...nodes],
      edges: [...doc.edges, ...edges],
      vars: missingVars.length ? { ...doc.vars, ...Object.fromEntries(missingVars) } : doc.vars,
    },
    ids: nodes.map((n) => n.id),
    notes,
  };
}
