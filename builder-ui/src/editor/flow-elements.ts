import { DEFAULT_PORT, getNodeType, type GraphEdge, type GraphNode } from '@guildflow/engine/core';
import type { Edge, Node } from '@xyflow/react';
import type { EditorState, Size } from './editor-store.js';

/** What a canvas node draws: the document node minus its position (a drag keeps it as is). */
export interface GraphNodeData extends Record<string, unknown> {
  id: string;
  type: string;
  config: GraphNode['config'];
  label?: string | undefined;
}

export type FlowNode = Node<GraphNodeData, 'graph'>;
export type FlowEdge = Edge<Record<string, never>, 'graph'>;

interface NodeEntry {
  source: GraphNode;
  selected: boolean;
  size: Size | undefined;
  flow: FlowNode;
}

interface EdgeEntry {
  source: GraphEdge;
  selected: boolean;
  flow: FlowEdge;
}

/**
 * Derives React Flow's nodes and edges from the document, one cached object per document node
 * and edge: an unchanged node keeps the very same object, so React Flow skips it, and an edit
 * of one node of 500 rebuilds one. Call the selectors with successive states of one store.
 */
export function createFlowSelectors() {
  let nodeCache = new Map<string, NodeEntry>();
  let edgeCache = new Map<string, EdgeEntry>();
  let lastNodesInput: unknown[] = [];
  let lastNodes: FlowNode[] = [];
  let lastEdgesInput: unknown[] = [];
  let lastEdges: FlowEdge[] = [];

  function nodes(state: EditorState): FlowNode[] {
    const input = [state.doc.nodes, state.selectedNodes, state.measured];
    if (input.every((value, i) => value === lastNodesInput[i])) return lastNodes;
    lastNodesInput = input;
    const next = new Map<string, NodeEntry>();
    lastNodes = state.doc.nodes.map((node) => {
      const selected = state.selectedNodes.has(node.id);
      const size = state.measured.get(node.id);
      const old = nodeCache.get(node.id);
      if (old && old.source === node && old.selected === selected && old.size === size) {
        next.set(node.id, old);
        return old.flow;
      }
      const sameData =
        old &&
        old.source.type === node.type &&
        old.source.config === node.config &&
        old.source.label === node.label;
      const data: GraphNodeData = sameData
        ? old.flow.data
        : { id: node.id, type: node.type, config: node.config, label: node.label };
      const title = getNodeType(node.type)?.title ?? node.type;
      const flow: FlowNode = {
        id: node.id,
        type: 'graph',
        position: node.position,
        data,
        selected,
        ariaLabel: `${node.label ?? title} (${node.id})`,
        ...(size ? { measured: size } : {}),
      };
      next.set(node.id, { source: node, selected, size, flow });
      return flow;
    });
    nodeCache = next;
    return lastNodes;
  }

  function edges(state: EditorState): FlowEdge[] {
    const input = [state.doc.edges, state.selectedEdges];
    if (input.every((value, i) => value === lastEdgesInput[i])) return lastEdges;
    lastEdgesInput = input;
    const next = new Map<string, EdgeEntry>();
    lastEdges = state.doc.edges.map((edge) => {
      const selected = state.selectedEdges.has(edge.id);
      const old = edgeCache.get(edge.id);
      if (old && old.source === edge && old.selected === selected) {
        next.set(edge.id, old);
        return old.flow;
      }
      const flow: FlowEdge = {
        id: edge.id,
        type: 'graph',
        source: edge.source,
        target: edge.target,
        sourceHandle: edge.sourceHandle ?? DEFAULT_PORT,
        selected,
        ariaLabel: `Connection from ${edge.source} (${edge.sourceHandle ?? DEFAULT_PORT}) to ${edge.target}`,
      };
      next.set(edge.id, { source: edge, selected, flow });
      return flow;
    });
    edgeCache = next;
    return lastEdges;
  }

  return { nodes, edges };
}
