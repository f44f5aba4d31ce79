import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { editorAt, typeInto } from '../config/testing/editors.js';
import { renderEditor } from '../testing/render-editor.js';
import { updateNode } from './document-edits.js';

afterEach(cleanup);

const key = (init: KeyboardEventInit) => fireEvent.keyDown(document.body, init);
const ids = (store: ReturnType<typeof renderEditor>['store']) =>
  store.getState().doc.nodes.map((n) => n.id);

describe('editor', () => {
  it('undoes and redoes with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, and the toolbar says so', async () => {
    const { store } = renderEditor(welcomeGraph());
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    act(() => store.getState().select(['role']));
    key({ key: 'Delete' });
    expect(ids(store)).toEqual(['start', 'greet']);
    expect(undo.disabled).toBe(false);
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    key({ key: 'z', ctrlKey: true });
    expect(ids(store)).toEqual(['start', 'greet', 'role']);
    key({ key: 'Z', ctrlKey: true, shiftKey: true });
    expect(ids(store)).toEqual(['start', 'greet']);
    key({ key: 'z', ctrlKey: true });
    key({ key: 'y', ctrlKey: true });
    expect(ids(store)).toEqual(['start', 'greet']);
  });

  it('selects everything with Ctrl+A and deletes it with Backspace', () => {
    const { store } = renderEditor(welcomeGraph());
    key({ key: 'a', ctrlKey: true });
    expect(store.getState().selectedNodes.size).toBe(3);
    key({ key: 'Backspace' });
    expect(store.getState().doc.nodes).toEqual([]);
    expect(store.getState().doc.edges).toEqual([]);
  });

  it('leaves keys typed into a field alone', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(welcomeGraph());
    act(() => store.getState().select(['role']));
    const label = screen.getByRole('textbox', { name: 'Label on the canvas' });
    await user.type(label, 'Give{Backspace}{Backspace}ve role');
    expect(ids(store)).toEqual(['start', 'greet', 'role']);
    expect(store.getState().doc.nodes[2]?.label).toBe('Give role');
  });

  it('shows the shortcut sheet with ?', () => {
    renderEditor(welcomeGraph());
    key({ key: '?', shiftKey: true });
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByRole('rowheader', { name: 'Undo' })).toBeTruthy();
    expect(sheet.textContent).toContain('Ctrl+Shift+Z');
    fireEvent.keyDown(sheet, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('runs commands and adds nodes from the Ctrl+K palette', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(welcomeGraph());
    key({ key: 'k', ctrlKey: true });
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await user.type(within(palette).getByRole('combobox'), 'add role');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
    expect(store.getState().doc.nodes.at(-1)?.type).toBe('discord.addRole');

    key({ key: 'k', ctrlKey: true });
    const again = screen.getByRole('dialog', { name: 'Command palette' });
    await user.type(within(again).getByRole('combobox'), 'tidy');
    await user.keyboard('{Enter}');
    // Tidy up is one undo step that moved the nodes into left-to-right order.
    const x = (id: string) =>
      store.getState().doc.nodes.find((n) => n.id === id)?.position.x ?? NaN;
    expect(x('start')).toBeLessThan(x('greet'));
    expect(x('greet')).toBeLessThan(x('role'));
  });

  it('validates every edit, lists the issues and takes you to the field from one', async () => {
    const user = userEvent.setup();
    const { store, container } = renderEditor(welcomeGraph());
    const toggle = await screen.findByRole('button', { name: 'No issues' });
    act(() =>
      store.getState().edit((doc) =>
        updateNode(doc, 'greet', {
          config: { channelId: '{{ vars.welcomeChannelId }}', content: '{{ nodes.role.x }}' },
        }),
      ),
    );
    await waitFor(() => expect(toggle.textContent).toBe('1 issue'));
    await waitFor(() =>
      expect(
        container.querySelector('.react-flow__node[data-id="greet"] .gf-editor-node-issues'),
      ).toBeTruthy(),
    );

    await user.click(toggle);
    const issue = screen.getByRole('button', { name: /Send message \(greet\).*role/ });
    await user.click(issue);
    expect([...store.getState().selectedNodes]).toEqual(['greet']);
    expect(store.getState().focus).toMatchObject({ nodeId: 'greet', path: 'content' });
    // The side panel opened on that node with its config field focused.
    const panel = screen.getByRole('complementary', { name: 'Selected node' });
    expect(within(panel).getAllByRole('heading', { name: 'Send message' }).length).toBeGreaterThan(
      0,
    );
    expect(document.activeElement).toBe(editorAt(panel, 'content').contentDOM);

    // Fixing it clears the issue.
    act(() =>
      store
        .getState()
        .edit((doc) => updateNode(doc, 'greet', { config: { channelId: '1', content: 'hi' } })),
    );
    await waitFor(() => expect(toggle.textContent).toBe('No issues'));
  });

  it('writes config changes from the side panel into the document as one undo step per burst', async () => {
    const { store } = renderEditor(welcomeGraph());
    act(() => store.getState().select(['greet']));
    const panel = screen.getByRole('complementary', { name: 'Selected node' });
    const content = editorAt(panel, 'content');
    act(() => typeInto(content, 'a'));
    act(() => typeInto(content, 'ab'));
    expect(store.getState().doc.nodes[1]?.config).toMatchObject({ content: 'ab' });
    expect(store.getState().past).toHaveLength(1);
  });

  it('connects ports from the side panel with the keyboard, offering only what canConnect accepts', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(welcomeGraph());
    act(() => store.getState().select(['greet']));
    const picker = screen.getByRole('combobox', { name: 'Connect Error to' });
    const options = within(picker)
      .getAllByRole('option')
      .map((o) => o.textContent);
    // Not the trigger, not itself, not role twice from `out` — but role from `error` is fine.
    expect(options).toEqual(['Connect error to…', 'Add role (role)']);
    await user.selectOptions(picker, 'role');
    expect(store.getState().doc.edges.at(-1)).toMatchObject({
      source: 'greet',
      sourceHandle: 'error',
      target: 'role',
    });
  });
});
