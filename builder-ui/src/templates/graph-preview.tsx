import { Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { READ_ONLY_FLOW } from '../ui/read-only-flow.js';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useCatalog, type ApiGraphDocument } from '../api/queries.js';

/**
 * A read-only drawing of a graph (a template's): its nodes by title, coloured by the node
 * type's colour, with their connections. It is one image to assistive technology, described
 * by the node titles in order.
 *
 * @example
 * <GraphPreview graph={template.graph} />
 */
export function GraphPreview({ graph }: { graph: ApiGraphDocument }) {
  const catalog = useCatalog();
  const { nodes, edges, description } = useMemo(() => {
    const byType = new Map(catalog.data?.nodes.map((n) => [n.type, n]));
    const nodes: Node[] = graph.nodes.map((node) => {
      const declaration = byType.get(node.type);
      const color = (declaration?.ui as { color?: string } | undefined)?.color;
      return {
        id: node.id,
        position: node.position,
        data: { label: node.label ?? declaration?.title ?? node.type },
        className: `gf-preview-node${declaration?.kind === 'trigger' ? ' gf-preview-trigger' : ''}`,
        ...(color ? { style: { borderLeftColor: color } } : {}),
        // Graphs read left to right, as in the editor.
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
      };
    });
    const edges: Edge[] = graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      focusable: false,
      selectable: false,
    }));
    const titles = nodes.map((n) => String(n.data.label));
    return { nodes, edges, description: `Graph of ${nodes.length} steps: ${titles.join(', ')}.` };
  }, [graph, catalog.data]);

  return (
    <div className="gf-preview" role="img" aria-label={description}>
      <ReactFlow
        {...READ_ONLY_FLOW}
        nodes={nodes}
        edges={edges}
        fitViewOptions={{ padding: 0.15 }}
        panOnDrag={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
      />
    </div>
  );
}
