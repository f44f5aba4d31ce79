import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { editorAt } from '../testing/editors.js';
import { SANDBOX_GUILD, chain, renderPanel } from '../testing/panel-harness.js';

const start = { id: 'start', type: 'trigger.memberJoined', config: {} };
const addRole = (config: Record<string, unknown>) =>
  chain([start, { id: 'role', type: 'discord.addRole', config }], { newcomerRoleId: '' });

describe('entity pickers', () => {
  it('pick a channel by typing part of its name and pressing Enter: the id is stored', async () => {
    const doc = chain([
      start,
      { id: 'greet', type: 'discord.sendMessage', config: { content: 'Hi' } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'greet' });
    const channel = screen.getByRole('combobox', { name: 'Channel' });
    await userEvent.type(channel, 'wel');
    const options = within(screen.getByRole('listbox', { name: 'Channel: channels' })).getAllByRole(
      'option',
    );
    expect(options.map((o) => o.textContent)).toEqual(['#welcomeText channels']);
    await userEvent.keyboard('{Enter}');
    expect(panel.config()).toEqual({ content: 'Hi', channelId: '1300000000000000101' });
    expect((channel as HTMLInputElement).value).toBe('#welcome');
  });

  it('pick a role with the mouse; @everyone is not offered and managed roles cannot be chosen', async () => {
    const panel = renderPanel({
      doc: addRole({ userId: '{{ trigger.member.id }}' }),
      nodeId: 'role',
    });
    const role = screen.getByRole('combobox', { name: /^Role/ });
    await userEvent.click(role);
    const list = screen.getByRole('listbox', { name: 'Role: roles' });
    const labels = within(list)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(labels).toEqual([
      '@Moderator',
      '@Guildflowmanaged by an integration',
      '@Member',
      '@Newcomer',
    ]);
    await userEvent.click(within(list).getByText('@Guildflow'));
    expect(panel.config()?.roleId).toBeUndefined();
    await userEvent.click(within(list).getByText('@Newcomer'));
    expect(panel.config()).toEqual({
      userId: '{{ trigger.member.id }}',
      roleId: '1300000000000000201',
    });
    // the role's issue ("roleId is required") is gone once a role is chosen
    expect(screen.queryByText(/roleId/)).toBeNull();
  });

  it('keeps an id typed by hand, and says when the server has no such channel', async () => {
    const doc = chain([
      start,
      { id: 'greet', type: 'discord.sendMessage', config: { content: 'Hi' } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'greet' });
    await userEvent.type(screen.getByRole('combobox', { name: 'Channel' }), '42');
    expect(panel.config()?.channelId).toBe('42');
    expect(screen.getByText('42 is not a channel of Guildflow Sandbox.')).toBeTruthy();
  });

  it('typing {{ turns the field into an expression editor that keeps the expression', async () => {
    const panel = renderPanel({
      doc: addRole({ userId: '{{ trigger.member.id }}' }),
      nodeId: 'role',
    });
    // user-event reads `{{` as one literal `{`
    await userEvent.type(screen.getByRole('combobox', { name: /^Role/ }), '{{{{');
    expect(panel.config()?.roleId).toBe('{{  }}');
    const editor = editorAt(panel.container, 'roleId');
    await waitFor(() => expect(document.activeElement).toBe(editor.contentDOM));
    expect(editor.state.selection.main.head).toBe(3); // inside the braces
    expect(
      screen
        .getByRole('button', { name: 'Role: pick a value instead' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('an expression value shows in the editor; "pick a value instead" clears it and shows the picker', async () => {
    const panel = renderPanel({
      doc: addRole({ userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' }),
      nodeId: 'role',
    });
    expect(editorAt(panel.container, 'roleId').state.doc.toString()).toBe(
      '{{ vars.newcomerRoleId }}',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Role: pick a value instead' }));
    expect(panel.config()?.roleId).toBeUndefined();
    expect(screen.getByRole('combobox', { name: /^Role/ })).toBeTruthy();
  });

  it('says when the server’s channels are loading or could not be loaded, and still takes an id', async () => {
    const doc = chain([
      start,
      { id: 'greet', type: 'discord.sendMessage', config: { content: 'Hi' } },
    ]);
    const loading = renderPanel({ doc, nodeId: 'greet', guild: 'loading' });
    expect(screen.getByText('Loading this server’s channels…')).toBeTruthy();
    loading.unmount();
    const failed = renderPanel({ doc, nodeId: 'greet', guild: 'error' });
    await waitFor(() =>
      expect(
        screen.getByText(
          'Could not load this server’s channels: Discord did not answer; try again in a minute. You can still type an id or use an expression.',
        ),
      ).toBeTruthy(),
    );
    await userEvent.type(screen.getByRole('combobox', { name: 'Channel' }), '1300000000000000100');
    expect(failed.config()?.channelId).toBe('1300000000000000100');
  });

  it('a parent picker offers channels, then categories', async () => {
    const doc = chain([
      start,
      { id: 'ticket', type: 'discord.createChannel', config: { name: 'ticket' } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'ticket' });
    await userEvent.click(screen.getByRole('combobox', { name: 'Parent' }));
    const list = screen.getByRole('listbox', { name: 'Parent: channels and categories' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '#generalText channels',
      '#welcomeText channels',
      '#mod-logText channels',
      '#giveawaysText channels',
      'SupportCategory',
    ]);
    await userEvent.click(within(list).getByText('Support'));
    expect(panel.config()).toEqual({ name: 'ticket', parentId: '1300000000000000150' });
  });

  it('member pickers show display names', async () => {
    const doc = chain([
      start,
      {
        id: 'mute',
        type: 'discord.timeoutMember',
        config: { duration: '1h', userId: SANDBOX_GUILD.members[1]!.id },
      },
    ]);
    renderPanel({ doc, nodeId: 'mute' });
    expect((screen.getByRole('combobox', { name: /^Member/ }) as HTMLInputElement).value).toBe(
      'Carol (@carol)',
    );
  });
});
