import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { editorAt } from '../../config/testing/editors.js';
import { welcomeGraph } from '../../testing/editor-fixtures.js';
import { renderEditor } from '../../testing/render-editor.js';
import { rename, updateNode } from '../document-edits.js';

afterEach(cleanup);

const open = () => {
  const view = renderEditor(welcomeGraph(), { saveDelayMs: 60_000 });
  return { ...view, user: userEvent.setup() };
};
const publishedState = (container: HTMLElement) =>
  container.querySelector('.gf-publish-state')?.textContent;

describe('publishing', () => {
  it('saves the draft first, publishes it and says which version is live', async () => {
    const { store, api, user, container } = open();
    expect(publishedState(container)).toBe('Not published');
    act(() => store.getState().edit((d) => rename(d, 'Welcome v1')));
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(publishedState(container)).toBe('Live · version 1'));
    expect(api.writes().map((r) => [r.method, r.path.split('/').at(-1), r.ifMatch])).toEqual([
      ['PUT', 'graph1', '"1"'],
      ['POST', 'publish', '"2"'],
    ]);
    expect(api.state.versions[0]?.document.name).toBe('Welcome v1');
    expect(screen.getByRole('switch', { name: 'Graph on' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(screen.getByText('Published version 1: new runs use it.')).toBeTruthy();
    // The publish moved the revision on: the next save goes from it, not into a conflict.
    expect(store.getState().baseRevision).toBe(api.state.revision);
  });

  it('lists the issues of a refused publish; one takes you to its node and field', async () => {
    const { store, api, user, container } = open();
    act(() =>
      store.getState().edit((d) =>
        updateNode(d, 'greet', {
          config: { channelId: '{{ vars.welcomeChannelId }}', content: '{{ nodes.role.x }}' },
        }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const refusal = await screen.findByRole('alertdialog', { name: 'Not published' });
    expect(refusal.textContent).toContain('The draft has 1 issue to fix first.');
    expect(api.state.versions).toEqual([]);
    expect(publishedState(container)).toBe('Not published');

    await user.click(within(refusal).getByRole('button', { name: /Send message \(greet\)/ }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect([...store.getState().selectedNodes]).toEqual(['greet']);
    const panel = screen.getByRole('complementary', { name: 'Selected node' });
    await waitFor(() => expect(document.activeElement).toBe(editorAt(panel, 'content').contentDOM));
  });

  it('shows what the check before publishing found in the server, and publishes only when asked', async () => {
    const { api, user, container } = open();
    api.state.preflightWarnings = [
      {
        code: 'role_above_bot',
        severity: 'warning',
        nodeId: 'role',
        field: '/roleId',
        message:
          'The role "Moderator" sits above the bot’s highest role: drag the bot’s role above it.',
      },
    ];
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const check = await screen.findByRole('alertdialog', { name: 'Before you publish' });
    expect(check.textContent).toContain('1 thing may fail when the graph runs');
    expect(check.textContent).toContain('sits above the bot’s highest role');
    await user.click(within(check).getByRole('button', { name: 'Fix first' }));
    expect(api.state.versions).toEqual([]);
    expect(publishedState(container)).toBe('Not published');

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Before you publish' })).getByRole(
        'button',
        { name: 'Publish anyway' },
      ),
    );
    await waitFor(() => expect(publishedState(container)).toBe('Live · version 1'));
  });

  it('keeps a gateway’s warning in view when the change is saved but not live yet', async () => {
    const { api, user, container } = open();
    api.state.routing = {
      live: false,
      gateways: [{ id: 'gw-1', confirmed: false }],
      message: 'Gateway gw-1 has not confirmed yet: events may use the old version for a moment.',
    };
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain(
      'Published version 1: new runs use it. Gateway gw-1 has not confirmed yet',
    );
    expect(publishedState(container)).toBe('Live · version 1');
    await user.click(within(warning).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns the graph off and on again with the version that was live, never the draft', async () => {
    const { store, api, user, container } = open();
    api.publishNow();
    api.state.revision = 1;
    act(() => store.getState().setPublished({ enabled: true, version: 1 }));
    act(() => store.getState().edit((d) => rename(d, 'Unpublished edit')));
    const toggle = screen.getByRole('switch', { name: 'Graph on' });

    await user.click(toggle);
    await waitFor(() => expect(publishedState(container)).toBe('Off · version 1'));
    await user.click(toggle);
    await waitFor(() => expect(publishedState(container)).toBe('Live · version 1'));
    const writes = api.writes().map((r) => [r.path.split('/').at(-1), r.ifMatch, r.body]);
    expect(writes).toEqual([
      ['disable', '"1"', undefined],
      ['rollback', '"2"', { version: 1 }],
    ]);
    // The draft's edit was neither published nor lost: it is saved as usual, from the new revision.
    expect(api.state.versions).toHaveLength(1);
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.state.draft.name).toBe('Unpublished edit'));
    expect(api.writes().at(-1)?.ifMatch).toBe('"3"');
  });

  it('does not publish over someone else’s save: the conflict dialog asks first', async () => {
    const { api, user } = open();
    api.saveElsewhere({ ...welcomeGraph(), name: 'Theirs' });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByRole('alertdialog', { name: 'Someone else saved this graph' });
    expect(api.state.versions).toEqual([]);
    expect(api.writes().map((r) => r.path.split('/').at(-1))).toEqual(['publish']);
  });
});
