import type { GraphDocument } from '@guildflow/engine/core';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { clipboardEvent, renderEditor } from '../testing/render-editor.js';
import { PASTE_OFFSET, pasteDocument, selectionToDocument } from './clipboard.js';

afterEach(cleanup);

const otherGraph = (): GraphDocument => ({
  schemaVersion: 1,
  name: 'Other',
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
    { id: 'greet', type: 'flow.stop', position: { x: 300, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'greet' }],
  vars: { welcomeChannelId: 'keep-mine' },
});

describe('clipboard', () => {
  it('copies a selection as a graph document and pastes it into another graph with unique ids', () => {
    const copied = selectionToDocument(welcomeGraph(), new Set(['start', 'greet', 'role']));
    const result = pasteDocument(otherGraph(), JSON.stringify(copied));
    if (!result.ok) throw new Error(result.message);
    // The target's trigger stays the only one; greet clashes and is renamed; role is new.
    expect(result.ids).toEqual(['sendMessage_1', 'role']);
    expect(result.notes[0]).toMatch(/already has a trigger/);
    const pasted = result.doc.nodes.slice(2);
    expect(pasted.map((n) => [n.id, n.type, n.position])).toEqual([
      ['sendMessage_1', 'discord.sendMessage', { x: 300 + PASTE_OFFSET, y: PASTE_OFFSET }],
      ['role', 'discord.addRole', { x: 600 + PASTE_OFFSET, y: PASTE_OFFSET }],
    ]);
    expect(pasted[0]?.config).toEqual(welcomeGraph().nodes[1]?.config);
    // The edge between the pasted nodes follows the rename; the one from the left-out trigger is gone.
    const newEdges = result.doc.edges.slice(1);
    expect(newEdges).toEqual([
      { id: 'e2', source: 'sendMessage_1', sourceHandle: 'out', target: 'role' },
    ]);
    // Missing variables come along; existing ones are not overwritten.
    expect(result.doc.vars).toEqual({
      welcomeChannelId: 'keep-mine',
      newcomerRoleId: '1300000000000000201',
    });
  });

  it('keeps only the edges inside the selection', () => {
    const copied = selectionToDocument(welcomeGraph(), new Set(['greet']));
    expect(copied.nodes.map((n) => n.id)).toEqual(['greet']);
    expect(copied.edges).toEqual([]);
  });

  it('places a paste at a point when given one', () => {
    const copied = selectionToDocument(welcomeGraph(), new Set(['greet', 'role']));
    const result = pasteDocument(otherGraph(), JSON.stringify(copied), { x: 1000, y: 500 });
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.nodes.slice(2).map((n) => n.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1300, y: 500 },
    ]);
  });

  it('refuses text that is not a graph document, and changes nothing', () => {
    expect(pasteDocument(otherGraph(), 'hello')).toEqual({
      ok: false,
      message: expect.stringMatching(/does not hold Guildflow nodes/),
    });
    expect(pasteDocument(otherGraph(), '{"nodes":[{"id":"x"}]}')).toMatchObject({ ok: false });
  });

  it('round-trips through the browser clipboard events from one open graph into another', async () => {
    const first = renderEditor(welcomeGraph());
    act(() => first.store.getState().select(['greet', 'role']));
    const canvas = first.container.querySelector('.react-flow') as HTMLElement;
    const copy = clipboardEvent('copy');
    act(() => void canvas.dispatchEvent(copy.event));
    expect(copy.event.defaultPrevented).toBe(true);
    const text = copy.data.get('text/plain') ?? '';
    expect(JSON.parse(text)).toMatchObject({
      schemaVersion: 1,
      nodes: [{ id: 'greet' }, { id: 'role' }],
    });
    first.unmount();

    const second = renderEditor(otherGraph(), { graphId: 'graph2' });
    const target = second.container.querySelector('.react-flow') as HTMLElement;
    act(() => void target.dispatchEvent(clipboardEvent('paste', text).event));
    expect(second.store.getState().doc.nodes.map((n) => n.id)).toEqual([
      'start',
      'greet',
      'sendMessage_1',
      'role',
    ]);
    expect([...second.store.getState().selectedNodes]).toEqual(['sendMessage_1', 'role']);
    await waitFor(() =>
      expect(
        target.querySelector('.react-flow__node[data-id="sendMessage_1"]')?.textContent,
      ).toMatch(/Send message/),
    );
    expect(screen.getByRole('status').textContent).toMatch(/Pasted 2 node/);

    // One undo step takes the whole paste back.
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(second.store.getState().doc.nodes.map((n) => n.id)).toEqual(['start', 'greet']);
  });

  it('duplicates the selection with Ctrl+D', () => {
    const { store } = renderEditor(welcomeGraph());
    act(() => store.getState().select(['greet', 'role']));
    fireEvent.keyDown(document.body, { key: 'd', ctrlKey: true });
    const nodes = store.getState().doc.nodes;
    expect(nodes.map((n) => n.id)).toEqual([
      'start',
      'greet',
      'role',
      'sendMessage_1',
      'addRole_1',
    ]);
    expect(store.getState().doc.edges.at(-1)).toMatchObject({
      source: 'sendMessage_1',
      target: 'addRole_1',
    });
  });
});
