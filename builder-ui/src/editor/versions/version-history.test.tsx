import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { welcomeGraph } from '../../testing/editor-fixtures.js';
import { renderEditor } from '../../testing/render-editor.js';
import { addNode, connect, removeElements, updateNode } from '../document-edits.js';

afterEach(cleanup);

/** A graph with version 1 published, then a draft that changes it. */
function openWithHistory() {
  const view = renderEditor(welcomeGraph(), { saveDelayMs: 60_000 });
  view.api.publishNow();
  view.api.state.revision = 1;
  act(() => view.store.getState().setPublished({ enabled: true, version: 1 }));
  act(() =>
    view.store.getState().edit((doc) => {
      let d = updateNode(doc, 'greet', {
        label: 'Say hello',
        config: {
          channelId: '{{ vars.welcomeChannelId }}',
          content: 'Hello {{ trigger.member.mention }}',
        },
      });
      d = removeElements(d, new Set(['role']));
      const added = addNode(d, 'flow.delay', { x: 600, y: 0 });
      return connect(added.doc, { source: 'greet', sourceHandle: 'out', target: added.id }).doc;
    }),
  );
  return { ...view, user: userEvent.setup() };
}

const openHistory = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole('button', { name: 'Version history' }));
  return screen.findByRole('dialog', { name: 'Version history' });
};

describe('version history', () => {
  it('says when nothing is published yet', async () => {
    renderEditor(welcomeGraph());
    const dialog = await openHistory(userEvent.setup());
    expect((await within(dialog).findByText(/Nothing published yet/)).textContent).toContain(
      'makes the draft version 1',
    );
  });

  it('compares a version with the draft: drawn and listed, with changed settings before → after', async () => {
    const { user, store } = openWithHistory();
    const dialog = await openHistory(user);
    const compare = await within(dialog).findByRole('region', {
      name: 'Version 1 against the draft',
    });
    expect(within(dialog).getByRole('button', { name: /Version 1\s*Live/ })).toBeTruthy();

    // Drawn: every node of both, each marked in words as well as colour.
    const picture = await within(compare).findByRole('img', {
      name: /steps 1 added, 1 removed, 1 changed/,
    });
    const nodeClass = (id: string) =>
      picture.querySelector(`.react-flow__node[data-id="${id}"]`)?.className ?? '';
    const added = store.getState().doc.nodes.at(-1)?.id ?? '';
    await waitFor(() => expect(nodeClass('role')).toContain('is-removed'));
    expect(nodeClass(added)).toContain('is-added');
    expect(nodeClass('greet')).toContain('is-changed');
    expect(nodeClass('start')).toContain('is-same');
    expect(picture.querySelector(`.react-flow__node[data-id="role"]`)?.textContent).toBe(
      'Add roleRemoved',
    );

    // Listed, with the settings that differ.
    const list = within(compare).getByRole('list', { name: 'Changed steps' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.firstChild?.textContent);
    expect(items).toEqual(['Added', 'Removed', 'Changed', 'Connected', 'Disconnected']);
    const changed = within(compare).getByRole('table', {
      name: 'Settings of Say hello (greet) that differ',
    });
    const rows = within(changed)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Setting', 'Version 1', 'Draft'],
      ['label', 'not set', '“Say hello”'],
      [
        'content',
        '“Welcome {{ trigger.member.mention }}!”',
        '“Hello {{ trigger.member.mention }}”',
      ],
    ]);
    expect(list.textContent).toContain('Disconnected Say hello (greet) → Add role (role)');
  });

  it('makes an older version live again, after asking', async () => {
    const { user, api, container } = openWithHistory();
    api.publishNow(); // version 2, as this tab had seen it
    api.state.revision = 1;
    const dialog = await openHistory(user);
    await user.click(await within(dialog).findByRole('button', { name: /^Version 1/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Make version 1 live' }));
    const ask = screen.getByRole('alertdialog', { name: 'Make version 1 live?' });
    expect(ask.textContent).toContain('The draft stays as it is.');
    await user.click(within(ask).getByRole('button', { name: 'Make version 1 live' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.state.publishedVersion).toBe(1);
    expect(api.writes().at(-1)).toMatchObject({ body: { version: 1 } });
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: /Version 1\s*Live/ })).toBeTruthy(),
    );
    expect(container.querySelector('.gf-publish-state')?.textContent).toBe('Live · version 1');
  });

  it('keeps the editor’s shortcuts out of the dialog (Ctrl+Z there undoes nothing)', async () => {
    const { user, store } = openWithHistory();
    const edited = store.getState().doc;
    const dialog = await openHistory(user);
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), {
      key: 'z',
      ctrlKey: true,
    });
    expect(store.getState().doc).toBe(edited);
  });

  it('copies a version into the draft as one undo step', async () => {
    const { user, store } = openWithHistory();
    const edited = store.getState().doc;
    const dialog = await openHistory(user);
    await within(dialog).findByRole('img', { name: /against the draft/ });
    await user.click(within(dialog).getByRole('button', { name: 'Copy into the draft' }));
    expect(screen.queryByRole('dialog', { name: 'Version history' })).toBeNull();
    expect(store.getState().doc).toEqual(welcomeGraph());
    expect(store.getState().dirty).toBe(true);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(store.getState().doc).toBe(edited);
  });
});
