import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { welcomeGraph } from '../../testing/editor-fixtures.js';
import { renderEditor } from '../../testing/render-editor.js';
import { rename, updateNode } from '../document-edits.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const DELAY = 150;
const open = () => renderEditor(welcomeGraph(), { saveDelayMs: DELAY, retryDelaysMs: [100] });
const saveState = (container: HTMLElement) =>
  container.querySelector('.gf-save-state')?.textContent ?? '';
const putBodies = (api: ReturnType<typeof open>['api']) =>
  api
    .writes()
    .filter((r) => r.method === 'PUT')
    .map((r) => [r.ifMatch, (r.body as { name: string }).name]);

describe('autosave', () => {
  it('saves the latest draft once typing pauses, with If-Match, and says so', async () => {
    const { store, api, container } = open();
    expect(saveState(container)).toBe('Saved');
    act(() => store.getState().edit((d) => rename(d, 'W'), { coalesce: 'name' }));
    act(() => store.getState().edit((d) => rename(d, 'We'), { coalesce: 'name' }));
    expect(saveState(container)).toBe('Unsaved changes');
    // Nothing is sent while the user is still typing.
    await new Promise((resolve) => setTimeout(resolve, DELAY / 2));
    act(() => store.getState().edit((d) => rename(d, 'Welcome'), { coalesce: 'name' }));
    expect(api.writes()).toEqual([]);
    await waitFor(() => expect(saveState(container)).toBe('Saved'));
    expect(putBodies(api)).toEqual([['"1"', 'Welcome']]);
    expect(store.getState()).toMatchObject({ baseRevision: 2, dirty: false });

    // The next save goes from the revision the last one answered.
    act(() => store.getState().edit((d) => rename(d, 'Welcome!')));
    await waitFor(() => expect(putBodies(api)).toHaveLength(2));
    expect(putBodies(api)[1]).toEqual(['"2"', 'Welcome!']);
  });

  it('never sends two saves at once: edits made during a save are saved after it, latest only', async () => {
    const { store, api, container } = open();
    const release = api.hold();
    act(() => store.getState().edit((d) => rename(d, 'First')));
    await waitFor(() => expect(saveState(container)).toBe('Saving…'));
    act(() => store.getState().edit((d) => rename(d, 'Second')));
    act(() => store.getState().edit((d) => rename(d, 'Third')));
    // Well past the pause: still one request on its way.
    await new Promise((resolve) => setTimeout(resolve, DELAY * 3));
    expect(putBodies(api)).toEqual([['"1"', 'First']]);
    release();
    await waitFor(() => expect(putBodies(api)).toHaveLength(2));
    expect(putBodies(api)[1]).toEqual(['"2"', 'Third']);
    await waitFor(() => expect(saveState(container)).toBe('Saved'));
    expect(api.maxInFlight()).toBe(1);
    expect(api.state.draft.name).toBe('Third');
  });

  it('keeps retrying while the service cannot be reached, then saves', async () => {
    const { store, api, container } = open();
    api.fail('network', { status: 503, code: 'store_unavailable', message: 'The store is down.' });
    act(() => store.getState().edit((d) => rename(d, 'Offline edit')));
    await waitFor(() => expect(saveState(container)).toBe('Not saved: retrying'));
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeTruthy();
    await waitFor(() => expect(saveState(container)).toBe('Saved'), { timeout: 3000 });
    expect(api.state.draft.name).toBe('Offline edit');
    expect(putBodies(api).map(([ifMatch]) => ifMatch)).toEqual(['"1"', '"1"', '"1"']);
  });

  it('shows a refusal with the service’s message and tries again on the next edit', async () => {
    const { store, api, container } = open();
    api.fail({ status: 400, code: 'invalid_document', message: 'name: must not be empty.' });
    act(() => store.getState().edit((d) => rename(d, '')));
    await waitFor(() => expect(saveState(container)).toBe('Not saved'));
    expect(container.querySelector('.gf-save-state')?.getAttribute('title')).toBe(
      'name: must not be empty.',
    );
    act(() => store.getState().edit((d) => rename(d, 'Named again')));
    await waitFor(() => expect(saveState(container)).toBe('Saved'));
    expect(api.state.draft.name).toBe('Named again');
  });

  it('saves at once with Ctrl+S, even from a text field', async () => {
    const { store, api, container } = renderEditor(welcomeGraph(), { saveDelayMs: 60_000 });
    act(() => store.getState().edit((d) => rename(d, 'Saved by hand')));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Graph name' }), {
      key: 's',
      ctrlKey: true,
    });
    await waitFor(() => expect(saveState(container)).toBe('Saved'));
    expect(api.state.draft.name).toBe('Saved by hand');
  });
});

describe('an edit conflict', () => {
  /** Someone else saves first, then this tab edits: its save answers 412. */
  async function conflicted() {
    const view = open();
    const theirs = welcomeGraph();
    theirs.name = 'Their name';
    theirs.nodes = theirs.nodes.filter((n) => n.id !== 'role');
    theirs.edges = theirs.edges.filter((e) => e.target !== 'role');
    view.api.saveElsewhere(theirs);
    act(() =>
      view.store
        .getState()
        .edit((d) => updateNode(d, 'greet', { config: { channelId: '1', content: 'Mine!' } })),
    );
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Someone else saved this graph',
    });
    return { ...view, dialog, user: userEvent.setup() };
  }

  it('stops saving and shows what differs, never overwriting theirs on its own', async () => {
    const { store, api, dialog, container } = await conflicted();
    expect(saveState(container)).toBe('Not saved: conflict');
    await within(dialog).findAllByText('Yours');
    const text = dialog.textContent ?? '';
    expect(text).toContain('Added Add role (role)');
    expect(text).toContain('“Welcome {{ trigger.member.mention }}!”');
    expect(text).toContain('“Mine!”');
    expect(text).toContain('“Their name”');
    // More edits: still nothing sent.
    act(() => store.getState().edit((d) => rename(d, 'Still mine')));
    await new Promise((resolve) => setTimeout(resolve, DELAY * 3));
    expect(api.writes()).toHaveLength(1);
    expect(api.state.draft.name).toBe('Their name');
  });

  it('loads theirs on request, with mine one Ctrl+Z away', async () => {
    const { store, api, dialog, user, container } = await conflicted();
    await user.click(within(dialog).getByRole('button', { name: 'Load theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(store.getState().doc.name).toBe('Their name');
    expect(saveState(container)).toBe('Saved');
    expect(store.getState().baseRevision).toBe(api.state.revision);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(store.getState().doc.nodes.find((n) => n.id === 'greet')?.config).toMatchObject({
      content: 'Mine!',
    });
    // Saving mine now is an ordinary save over theirs, at their revision.
    await waitFor(() => expect(api.state.draft.name).toBe('Welcome new members'));
  });

  it('keeps mine and overwrites theirs on request, at their revision', async () => {
    const { api, dialog, user, container } = await conflicted();
    const theirRevision = api.state.revision;
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine and overwrite' }));
    await waitFor(() => expect(saveState(container)).toBe('Saved'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.writes().at(-1)?.ifMatch).toBe(`"${theirRevision}"`);
    expect(api.state.draft.name).toBe('Welcome new members');
    expect(api.state.draft.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'role']);
  });

  it('downloads mine as a file and keeps asking; closed, it can be reopened', async () => {
    const { store, dialog, user } = await conflicted();
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:mine';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(within(dialog).getByRole('button', { name: 'Download mine' }));
    expect(click).toHaveBeenCalledOnce();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('welcome-new-members.json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(store.getState().doc);
    expect(screen.getByRole('alertdialog')).toBe(dialog);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    expect(
      await screen.findByRole('alertdialog', { name: 'Someone else saved this graph' }),
    ).toBeTruthy();
  });
});
