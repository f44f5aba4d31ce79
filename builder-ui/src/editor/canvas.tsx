import { getNodeType } from '@guildflow/engine/core';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import {
  useCallback,
  useMemo,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { connectionEnded, quickAddPosition, tryConnect } from './connection-handlers.js';
import { checkConnection, moveNodes, type XY } from './document-edits.js';
import type { EditorActions, PendingConnection } from './editor-actions.js';
import { useEditor, useEditorStore } from './editor-context.js';
import type { Size } from './editor-store.js';
import { createFlowSelectors, type FlowEdge, type FlowNode } from './flow-elements.js';
import { GraphEdge } from './graph-edge.js';
import { GraphNode } from './graph-node.js';
import { FIT_VIEW, MIN_ZOOM, initialViewport } from './initial-viewport.js';

/** The palette's drag payload type: a node type id. */
export const NODE_DRAG_TYPE = 'application/x-guildflow-node-type';

const nodeTypes = { graph: GraphNode };
const edgeTypes = { graph: GraphEdge };
const GROUP_COLORS: Readonly<Record<string, string>> = {
  Triggers: '#d97706',
  Discord: '#5865f2',
  Flow: '#64748b',
  Data: '#059669',
};

export interface QuickAddRequest {
  /** Where on screen to open the node picker. */
  screen: XY;
  /** Where on the canvas the new node goes. */
  at: XY;
  pending: PendingConnection;
}

export interface CanvasProps {
  actions: EditorActions;
  /** The pointer's canvas position as it moves (pastes land there). */
  onPointer(at: XY): void;
  onQuickAdd(request: QuickAddRequest): void;
}

/**
 * The React Flow canvas: nodes and edges derived from the document (one cached object per
 * document node), every change written back to the document through the store.
 */
export function Canvas({ actions, onPointer, onQuickAdd }: CanvasProps) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const selectors = useMemo(() => createFlowSelectors(), []);
  const nodes = useEditor(selectors.nodes);
  const edges = useEditor(selectors.edges);
  const [defaultViewport] = useState(() =>
    initialViewport(store.getState().doc.nodes, {
      width: window.innerWidth,
      height: window.innerHeight,
    }),
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = store.getState();
      const positions = new Map<string, XY>();
      const sizes = new Map<string, Size>();
      let dragging = false;
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          positions.set(change.id, change.position);
          if (change.dragging) dragging = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes.set(change.id, change.dimensions);
        } else if (change.type === 'select') {
          selection ??= new Set(state.selectedNodes);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (sizes.size > 0) state.setMeasured(sizes);
      if (selection) state.select(selection, state.selectedEdges);
      if (positions.size > 0) {
        // A drag is one undo step; arrow-key nudges in a row are one too.
        if (dragging) state.beginGesture();
        state.edit((doc) => moveNodes(doc, positions), { coalesce: 'move' });
        if (!dragging) state.endGesture();
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const state = store.getState();
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(state.selectedEdges);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) state.select(state.selectedNodes, selection);
    },
    [store],
  );

  const onNodeDragStop = useCallback(() => store.getState().endGesture(), [store]);

  const isValidConnection = useCallback<IsValidConnection<FlowEdge>>(
    (c) => checkConnection(store.getState().doc, c).ok,
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => void tryConnect(store, connection),
    [store],
  );

  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, state) => {
      // Let go over a node that offers no handle for it (e.g. the trigger's body): that is a
      // refusal to explain, not empty canvas.
      const over =
        event.target instanceof Element ? event.target.closest('.react-flow__node') : null;
      const overId = over?.getAttribute('data-id');
      const pending = connectionEnded(
        store,
        overId && !state.toNode ? { ...state, toNode: { id: overId } } : state,
      );
      if (!pending) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const screen = { x: point.clientX, y: point.clientY };
      onQuickAdd({
        screen,
        at: quickAddPosition(flow.screenToFlowPosition(screen), pending),
        pending,
      });
    },
    [store, flow, onQuickAdd],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!type) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      actions.addAt(type, { x: at.x - 40, y: at.y - 20 });
    },
    [flow, actions],
  );

  const onPointerMove = useCallback(
    (event: ReactMouseEvent) => {
      onPointer(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, onPointer],
  );

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={onNodeDragStop}
      onSelectionDragStop={onNodeDragStop}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPaneMouseMove={onPointerMove}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control']}
      defaultViewport={defaultViewport}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={MIN_ZOOM}
      maxZoom={2}
      onlyRenderVisibleElements={nodes.length > 150}
      aria-label="Graph canvas"
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} aria-label="Zoom controls" />
      <MiniMap<FlowNode>
        pannable
        zoomable
        ariaLabel="Mini map"
        nodeColor={(node) => GROUP_COLORS[getNodeType(node.data.type)?.group ?? ''] ?? '#94a3b8'}
        nodeStrokeWidth={0}
      />
    </ReactFlow>
  );
}
