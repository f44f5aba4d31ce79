import { getNodeType, isTrigger, portsOf, type ConnectionRequest } from '@guildflow/engine/core';
import { useReactFlow } from '@xyflow/react';
import { useMemo, type RefObject } from 'react';
import { pasteDocument, selectionToDocument } from './clipboard.js';
import {
  addNode,
  connect,
  hasTrigger,
  indexOf,
  moveNodes,
  removeElements,
  type XY,
} from './document-edits.js';
import { useEditorStore } from './editor-context.js';
import { DEFAULT_NODE_SIZE, layoutPositions } from './layout.js';

/** Where a connection dropped on empty canvas came from: the new node gets connected to it. */
export interface PendingConnection {
  nodeId: string;
  handleId: string | null;
  /** `source`: from an output port (the new node follows); `target`: into an input. */
  handleType: 'source' | 'target';
}

export interface EditorActions {
  /** Adds a node from the palette: after the selected node (connected) or mid-view. */
  addFromPalette(type: string): void;
  /** Adds a node at a canvas point, optionally connected to a pending connection. */
  addAt(type: string, at: XY, pending?: PendingConnection): void;
  deleteSelection(): void;
  copyText(): string | null;
  paste(text: string): void;
  duplicate(): void;
  layout(): void;
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
}

const GAP_X = 90;

/**
 * The editor's commands, shared by the toolbar, the shortcuts, the command palette and the
 * palette. Each edit is one undo step. Needs React Flow's provider (for the viewport).
 */
export function useEditorActions(
  canvasRef: RefObject<HTMLElement | null>,
  pointer: RefObject<XY | null>,
): EditorActions {
  const store = useEditorStore();
  const flow = useReactFlow();

  return useMemo(() => {
    const state = () => store.getState();

    const sizeOf = (id: string) => state().measured.get(id) ?? DEFAULT_NODE_SIZE;

    const viewCenter = (): XY => {
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!rect) return { x: 0, y: 0 };
      const center = flow.screenToFlowPosition({
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
      });
      return {
        x: center.x - DEFAULT_NODE_SIZE.width / 2,
        y: center.y - DEFAULT_NODE_SIZE.height / 2,
      };
    };

    /** Nudges a new node down until it does not sit on top of another one. */
    const freeSpot = (at: XY): XY => {
      const taken = state().doc.nodes.map((n) => n.position);
      const spot = { ...at };
      while (taken.some((p) => Math.abs(p.x - spot.x) < 24 && Math.abs(p.y - spot.y) < 24))
        spot.y += DEFAULT_NODE_SIZE.height + 24;
      return spot;
    };

    const refuseSecondTrigger = (type: string): boolean => {
      if (!isTrigger(type) || !hasTrigger(state().doc)) return false;
      state().say(
        'This graph already has a trigger: a graph starts from exactly one. Delete it first to use another.',
        'error',
      );
      return true;
    };

    const addAt = (type: string, at: XY, pending?: PendingConnection) => {
      if (refuseSecondTrigger(type)) return;
      let refusal: string | undefined;
      let added = '';
      state().edit((doc) => {
        const result = addNode(doc, type, at);
        added = result.id;
        if (!pending) return result.doc;
        const connection: ConnectionRequest =
          pending.handleType === 'source'
            ? { source: pending.nodeId, sourceHandle: pending.handleId, target: result.id }
            : {
                source: result.id,
                sourceHandle: portsOf({ type, config: {} })[0]?.id ?? null,
                target: pending.nodeId,
              };
        const connected = connect(result.doc, connection);
        if (!connected.check.ok) refusal = connected.check.reason;
        return connected.doc;
      });
      if (added) state().select([added]);
      const title = getNodeType(type)?.title ?? type;
      if (refusal) state().say(`${title} was added but not connected: ${refusal}`, 'error');
      else state().say(`${title} added${pending ? ' and connected' : ''}.`);
    };

    const addFromPalette = (type: string) => {
      const { doc, selectedNodes } = state();
      const [only] = selectedNodes.size === 1 ? [...selectedNodes] : [];
      const from = only ? doc.nodes.find((n) => n.id === only) : undefined;
      const ports = from ? portsOf(from) : [];
      if (from && ports.length > 0 && !isTrigger(type)) {
        // Like n8n: a node added while one is selected follows it, on its first free port.
        const index = indexOf(doc);
        const port =
          ports.find((p) => p.id !== 'error' && index.outgoingFrom(from.id, p.id).length === 0) ??
          ports[0];
        const at = freeSpot({
          x: from.position.x + sizeOf(from.id).width + GAP_X,
          y: from.position.y,
        });
        addAt(type, at, { nodeId: from.id, handleId: port?.id ?? null, handleType: 'source' });
        return;
      }
      addAt(type, freeSpot(viewCenter()));
    };

    const deleteSelection = () => {
      const { selectedNodes, selectedEdges } = state();
      const count = selectedNodes.size + selectedEdges.size;
      if (count === 0) return;
      state().edit((doc) => removeElements(doc, selectedNodes, selectedEdges));
      state().say(
        `Deleted ${selectedNodes.size} node(s) and ${selectedEdges.size} connection(s). Ctrl+Z brings them back.`,
      );
    };

    const copyText = () => {
      const { doc, selectedNodes } = state();
      if (selectedNodes.size === 0) return null;
      return JSON.stringify(selectionToDocument(doc, selectedNodes), null, 2);
    };

    const paste = (text: string) => {
      const result = pasteDocument(state().doc, text, pointer.current ?? undefined);
      if (!result.ok) {
        state().say(result.message, 'error');
        return;
      }
      state().edit(() => result.doc, { select: result.ids });
      state().say([`Pasted ${result.ids.length} node(s).`, ...result.notes].join(' '));
    };

    const duplicate = () => {
      const text = copyText();
      if (!text) return;
      const result = pasteDocument(state().doc, text);
      if (!result.ok) return state().say(result.message, 'error');
      state().edit(() => result.doc, { select: result.ids });
      state().say([`Duplicated ${result.ids.length} node(s).`, ...result.notes].join(' '));
    };

    const fitView = () => void flow.fitView({ padding: 0.15, duration: 200 });

    const layout = () => {
      const { doc, measured } = state();
      if (doc.nodes.length === 0) return;
      state().edit((d) => moveNodes(d, layoutPositions(d, measured)));
      state().say('Tidied up the layout. Ctrl+Z puts the nodes back.');
      // Fit once React Flow has the new positions.
      requestAnimationFrame(() => requestAnimationFrame(fitView));
    };

    return {
      addFromPalette,
      addAt,
      deleteSelection,
      copyText,
      paste,
      duplicate,
      layout,
      fitView,
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
    };
  }, [store, flow, canvasRef, pointer]);
}
