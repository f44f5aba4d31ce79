import type { GraphDiff, GraphDocument, GraphEdge } from '@guildflow/engine/core';
import { DEFAULT_PORT, getNodeType } from '@guildflow/engine/core';
import { Position, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import { READ_ONLY_FLOW } from '../../ui/read-only-flow.js';
import { useMemo } from 'react';
import './versions.css';

type Change = 'added' | 'removed' | 'changed' | 'same';
const TAGS: Record<Change, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  same: '',
};

const edgeKey = (e: GraphEdge) =>
  `${e.source}\u0000${e.sourceHandle ?? DEFAULT_PORT}\u0000${e.target}`;

/**
 * The nodes and edges of both documents in one drawing: the draft's (`after`) where they are,
 * plus what only the older one (`before`) had, each marked added, removed or changed.
 */
export function diffElements(
  diff: GraphDiff,
  before: GraphDocument,
  after: GraphDocument,
): { nodes: Node[]; edges: Edge[] } {
  const changed = new Set(diff.nodes.changed.filter((c) => !c.moved).map((c) => c.id));
  const added = new Set(diff.nodes.added.map((n) => n.id));
  const node = (n: GraphDocument['nodes'][number], change: Change): Node => ({
    id: n.id,
    position: n.position,
    data: {
      label: (
        <>
          <span className="gf-diff-node-title">
            {n.label ?? getNodeType(n.type)?.title ?? n.type}
          </span>
          {change !== 'same' && <span className="gf-diff-node-tag">{TAGS[change]}</span>}
        </>
      ),
    },
    className: `gf-diff-node is-${change}`,
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
  });
  const nodes = [
    ...after.nodes.map((n) =>
      node(n, added.has(n.id) ? 'added' : changed.has(n.id) ? 'changed' : 'same'),
    ),
    ...diff.nodes.removed.map((n) => node(n, 'removed')),
  ];
  const addedEdges = new Set(diff.edges.added.map(edgeKey));
  const edge = (e: GraphEdge, change: Change, prefix: string): Edge => ({
    id: `${prefix}:${e.id}`,
    source: e.source,
    target: e.target,
    className: `gf-diff-edge is-${change}`,
    focusable: false,
    selectable: false,
  });
  const edges = [
    ...after.edges.map((e) => edge(e, addedEdges.has(edgeKey(e)) ? 'added' : 'same', 'after')),
    ...diff.edges.removed.map((e) => edge(e, 'removed', 'before')),
  ];
  return { nodes, edges };
}

/**
 * A read-only drawing of what changed between two graph documents (added in green, removed in
 * red and dashed, changed in amber; each marked in words too). One image to assistive
 * technology, described by its counts; the list beside it says the same in full.
 *
 * @example
 * <DiffCanvas diff={diff} before={version} after={draft} label="Version 2 against the draft" />
 */
export function DiffCanvas({
  diff,
  before,
  after,
  label,
}: {
  diff: GraphDiff;
  before: GraphDocument;
  after: GraphDocument;
  label: string;
}) {
  const { nodes, edges } = useMemo(() => diffElements(diff, before, after), [diff, before, after]);
  const counts = [
    `${diff.nodes.added.length} added`,
    `${diff.nodes.removed.length} removed`,
    `${diff.nodes.changed.filter((c) => !c.moved).length} changed`,
  ].join(', ');
  return (
    // Its own provider: the editor's canvas around it must not share this one's viewport.
    <ReactFlowProvider>
      <div className="gf-diff-canvas" role="img" aria-label={`${label}: steps ${counts}.`}>
        <ReactFlow
          {...READ_ONLY_FLOW}
          nodes={nodes}
          edges={edges}
          fitViewOptions={{ padding: 0.2 }}
        />
      </div>
    </ReactFlowProvider>
  );
}
