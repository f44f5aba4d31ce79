import { DEFAULT_PORT, type GraphDocument, type GraphEdge, type GraphNode } from './schema.js';

/** One value that differs between two documents, at a path like `content` or `buttons[0].label`. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** A node present in both documents whose type, label or config differ (or that only moved). */
export interface NodeChange {
  id: string;
  /** Set when the node's type changed. */
  type?: { before: string; after: string };
  /** Set when its label on the canvas changed (undefined: no label, the type's title shows). */
  label?: { before: string | undefined; after: string | undefined };
  /** Config fields that differ (leaf paths). */
  fields: FieldChange[];
  /** Only its position differs (no other change): not shown as a change by default. */
  moved: boolean;
}

/** What changed from one graph document to another (e.g. a published version → the draft). */
export interface GraphDiff {
  nodes: { added: GraphNode[]; removed: GraphNode[]; changed: NodeChange[] };
  /** Edges are compared by what they connect (source, port, target), not by edge id. */
  edges: { added: GraphEdge[]; removed: GraphEdge[] };
  /** Document fields other than nodes and edges: `name`, `description`, `vars.<name>`. */
  graph: FieldChange[];
}

/**
 * The differences between two graph documents: nodes added, removed and changed (with the config
 * fields that changed, and changed types and labels), edges added and removed, and changed
 * names, descriptions and vars.
 * Positions alone count as `moved`, not as a change. Pure and deterministic: the builder shows
 * it for a version against the draft.
 *
 * @example
 * const diff = diffGraphs(version.document, draft);
 * diff.nodes.changed[0]; // { id: 'greet', fields: [{ path: 'content', before: 'Hi', after: 'Hello' }], moved: false }
 */
export function diffGraphs(before: GraphDocument, after: GraphDocument): GraphDiff {
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const changed: NodeChange[] = [];
  for (const [id, node] of now) {
    const old = was.get(id);
    if (!old) continue;
    const fields: FieldChange[] = [];
    diffValues(old.config ?? {}, node.config ?? {}, '', fields);
    const typeChanged = old.type !== node.type;
    const labelChanged = (old.label ?? undefined) !== (node.label ?? undefined);
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    if (typeChanged || labelChanged || fields.length > 0 || moved) {
      changed.push({
        id,
        ...(typeChanged ? { type: { before: old.type, after: node.type } } : {}),
        ...(labelChanged ? { label: { before: old.label, after: node.label } } : {}),
        fields,
        moved: moved && !typeChanged && !labelChanged && fields.length === 0,
      });
    }
  }
  const edgeKey = (e: GraphEdge) =>
    `${e.source}\u0000${e.sourceHandle ?? DEFAULT_PORT}\u0000${e.target}`;
  const edgesBefore = new Set(before.edges.map(edgeKey));
  const edgesAfter = new Set(after.edges.map(edgeKey));
  const graph: FieldChange[] = [];
  for (const key of ['name', 'description'] as const) {
    if (before[key] !== after[key])
      graph.push({ path: key, before: before[key], after: after[key] });
  }
  diffValues(before.vars ?? {}, after.vars ?? {}, 'vars', graph);
  return {
    nodes: {
      added: after.nodes.filter((n) => !was.has(n.id)),
      removed: before.nodes.filter((n) => !now.has(n.id)),
      changed,
    },
    edges: {
      added: after.edges.filter((e) => !edgesBefore.has(edgeKey(e))),
      removed: before.edges.filter((e) => !edgesAfter.has(edgeKey(e))),
    },
    graph,
  };
}

/** True when the diff has anything but moves. */
export function hasChanges(diff: GraphDiff): boolean {
  return (
    diff.nodes.added.length > 0 ||
    diff.nodes.removed.length > 0 ||
    diff.nodes.changed.some((c) => !c.moved) ||
    diff.edges.added.length > 0 ||
    diff.edges.removed.length > 0 ||
    diff.graph.length > 0
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Appends the leaf paths where `a` and `b` differ (lists element by element, objects by key). */
function diffValues(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      diffValues(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) diffValues(a[key], b[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (!Object.is(a, b)) out.push({ path, before: a, after: b });
}
