import { afterEach, describe, expect, it, vi } from 'vitest';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { addNode, moveNodes, removeElements, updateNode } from './document-edits.js';
import { COALESCE_MS, createEditorStore } from './editor-store.js';

const open = () =>
  createEditorStore({ guildId: 'g', graphId: 'x', doc: welcomeGraph(), revision: 7 });

afterEach(() => vi.useRealTimers());

describe('editor store', () => {
  it('undoes and redoes every edit, and a new edit drops the redo steps', () => {
    const store = open();
    const { edit, undo, redo } = store.getState();
    const original = store.getState().doc;
    edit((doc) => addNode(doc, 'flow.stop', { x: 900, y: 0 }).doc);
    edit((doc) => removeElements(doc, new Set(['role'])));
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'stop_1']);

    undo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual([
      'start',
      'greet',
      'role',
      'stop_1',
    ]);
    undo();
    expect(store.getState().doc).toBe(original);
    redo();
    redo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'stop_1']);

    undo();
    edit((doc) => updateNode(doc, 'greet', { label: 'Hello' }));
    expect(store.getState().future).toHaveLength(0);
    redo(); // nothing to redo
    expect(store.getState().doc.nodes.find((n) => n.id === 'role')).toBeDefined();
  });

  it('counts a drag as one undo step, however many moves it made', () => {
    const store = open();
    const { edit, beginGesture, endGesture, undo } = store.getState();
    beginGesture();
    for (let x = 1; x <= 30; x += 1)
      edit((doc) => moveNodes(doc, new Map([['greet', { x: 300 + x * 10, y: x }]])));
    endGesture();
    expect(store.getState().doc.nodes[1]?.position).toEqual({ x: 600, y: 30 });
    expect(store.getState().past).toHaveLength(1);
    undo();
    expect(store.getState().doc.nodes[1]?.position).toEqual({ x: 300, y: 0 });
  });

  it('merges typing into one step, but not edits far apart in time', () => {
    vi.useFakeTimers();
    const store = open();
    const { edit } = store.getState();
    for (const label of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      edit((doc) => updateNode(doc, 'greet', { label }), { coalesce: 'label:greet' });
      vi.advanceTimersByTime(100);
    }
    expect(store.getState().past).toHaveLength(1);
    vi.advanceTimersByTime(COALESCE_MS + 1);
    edit((doc) => updateNode(doc, 'greet', { label: 'Hello!' }), { coalesce: 'label:greet' });
    expect(store.getState().past).toHaveLength(2);
  });

  it('marks the draft dirty on edits, keeps the base revision for saving, and cleans on save', () => {
    const store = open();
    expect(store.getState()).toMatchObject({ dirty: false, baseRevision: 7 });
    store.getState().edit((doc) => updateNode(doc, 'greet', { label: 'Hi' }));
    expect(store.getState().dirty).toBe(true);
    store.getState().markSaved(8, store.getState().doc);
    expect(store.getState()).toMatchObject({ dirty: false, baseRevision: 8 });
  });

  it('records no step for an edit that changes nothing', () => {
    const store = open();
    store.getState().edit((doc) => moveNodes(doc, new Map([['greet', { x: 300, y: 0 }]])));
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('drops deleted nodes from the selection, and undo keeps the selection to what exists', () => {
    const store = open();
    store.getState().select(['greet', 'role'], ['e2']);
    store.getState().edit((doc) => removeElements(doc, new Set(['role'])));
    expect([...store.getState().selectedNodes]).toEqual(['greet']);
    expect([...store.getState().selectedEdges]).toEqual([]);
  });
});
