import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { renderEditor } from '../testing/render-editor.js';
import { connectionEnded, tryConnect } from './connection-handlers.js';

afterEach(cleanup);

describe('connections', () => {
  it('refuses an edge into the trigger, says why where everyone can read it, and changes nothing', async () => {
    const { store } = renderEditor(welcomeGraph());
    const before = store.getState().doc;
    act(() => void tryConnect(store, { source: 'role', sourceHandle: 'out', target: 'start' }));
    expect(store.getState().doc).toBe(before);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(
      'Cannot connect: Member joined is a trigger: it starts the run, nothing connects into it.',
    );
  });

  it('refuses a loop with the core’s reason', () => {
    const { store } = renderEditor(welcomeGraph());
    act(() => void tryConnect(store, { source: 'role', sourceHandle: 'out', target: 'greet' }));
    expect(screen.getByRole('status').textContent).toMatch(/would create a loop/);
    expect(store.getState().doc.edges).toHaveLength(2);
  });

  it('accepts a valid connection as one undo step', () => {
    const { store } = renderEditor(welcomeGraph());
    act(() => void tryConnect(store, { source: 'greet', sourceHandle: 'error', target: 'role' }));
    expect(store.getState().doc.edges.at(-1)).toMatchObject({
      source: 'greet',
      sourceHandle: 'error',
      target: 'role',
    });
    act(() => store.getState().undo());
    expect(store.getState().doc.edges).toHaveLength(2);
  });

  it('explains a drop on a node that refuses the connection', () => {
    const { store } = renderEditor(welcomeGraph());
    let pending: unknown;
    act(() => {
      pending = connectionEnded(store, {
        isValid: false,
        fromNode: { id: 'greet' },
        fromHandle: { id: 'out', type: 'source' },
        toNode: { id: 'greet' },
        toHandle: null,
      });
    });
    expect(pending).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/cannot connect to itself/);
  });

  it('opens the node picker where a connection is dropped on empty canvas and adds the node connected', async () => {
    const user = userEvent.setup();
    const { store, container } = renderEditor(welcomeGraph());
    await waitFor(() =>
      expect(container.querySelector('.react-flow__node[data-id="role"]')).toBeTruthy(),
    );
    const pending = connectionEnded(store, {
      isValid: null,
      fromNode: { id: 'role' },
      fromHandle: { id: 'error', type: 'source' },
      toNode: null,
      toHandle: null,
    });
    expect(pending).toEqual({ nodeId: 'role', handleId: 'error', handleType: 'source' });

    // Through the canvas: drag from role's error port and let go over empty canvas.
    const pane = container.querySelector('.react-flow__pane') as HTMLElement;
    document.elementFromPoint ??= () => pane;
    const handle = container.querySelector(
      '.react-flow__node[data-id="role"] [data-port="error"] .react-flow__handle',
    ) as HTMLElement;
    fireEvent.mouseDown(handle, { button: 0, clientX: 10, clientY: 10 });
    fireEvent.mouseMove(document, { clientX: 400, clientY: 300 });
    fireEvent.mouseUp(document, { clientX: 400, clientY: 300 });
    const picker = await screen.findByRole('dialog', { name: 'Add a connected node' });
    expect(picker.textContent).toContain('Connects from role (error)');
    // Triggers cannot follow a node.
    expect(picker.querySelector('[data-type="trigger.manual"]')).toBeNull();
    await user.type(
      screen.getByRole('searchbox', { name: 'Search next node' }),
      'send message{Enter}',
    );
    expect(screen.queryByRole('dialog', { name: 'Add a connected node' })).toBeNull();
    const { doc } = store.getState();
    expect(doc.nodes.at(-1)).toMatchObject({ id: 'sendMessage_1', type: 'discord.sendMessage' });
    expect(doc.edges.at(-1)).toMatchObject({
      source: 'role',
      sourceHandle: 'error',
      target: 'sendMessage_1',
    });
  });
});
