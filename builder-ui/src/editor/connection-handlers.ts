import type { ConnectionRequest } from '@guildflow/engine/core';
import { checkConnection, connect, type XY } from './document-edits.js';
import type { PendingConnection } from './editor-actions.js';
import type { EditorStore } from './editor-store.js';

/**
 * Draws an edge when the core's `canConnect` allows it; otherwise the store says why (the
 * editor shows and announces it) and nothing changes. Returns whether it connected.
 */
export function tryConnect(store: EditorStore, connection: ConnectionRequest): boolean {
  let refusal: string | undefined;
  store.getState().edit((doc) => {
    const result = connect(doc, connection);
    if (!result.check.ok) refusal = result.check.reason;
    return result.doc;
  });
  if (refusal) store.getState().say(`Cannot connect: ${refusal}`, 'error');
  return refusal === undefined;
}

/** What React Flow reports when a connection drag ends (the part used here). */
export interface ConnectionEnd {
  isValid: boolean | null;
  fromNode: { id: string } | null;
  fromHandle: { id?: string | null; type: 'source' | 'target' } | null;
  toNode: { id: string } | null;
  toHandle: { id?: string | null } | null;
}

/**
 * After a connection drag ends without connecting: dropped on a node that refused, the store
 * says why in the core's words; dropped on empty canvas, the answer is the pending connection
 * the node picker should complete there.
 */
export function connectionEnded(store: EditorStore, end: ConnectionEnd): PendingConnection | null {
  if (end.isValid || !end.fromNode || !end.fromHandle) return null;
  const fromSource = end.fromHandle.type === 'source';
  if (end.toNode) {
    const request: ConnectionRequest = fromSource
      ? { source: end.fromNode.id, sourceHandle: end.fromHandle.id ?? null, target: end.toNode.id }
      : { source: end.toNode.id, sourceHandle: end.toHandle?.id ?? null, target: end.fromNode.id };
    const check = checkConnection(store.getState().doc, request);
    if (!check.ok) store.getState().say(`Cannot connect: ${check.reason}`, 'error');
    return null;
  }
  return {
    nodeId: end.fromNode.id,
    handleId: end.fromHandle.id ?? null,
    handleType: fromSource ? 'source' : 'target',
  };
}

/** Where the picked node goes, next to where the connection was dropped. */
export function quickAddPosition(at: XY, pending: PendingConnection): XY {
  return pending.handleType === 'source'
    ? { x: at.x, y: at.y - 30 }
    : { x: at.x - 240, y: at.y - 30 };
}
