import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuildDiscordProvider, type GuildDiscord } from '../config/guild-discord.js';
import { GUILD_PICKER_WIDGETS } from '../config/guild-picker.js';
import { Dialog } from '../ui/dialog.js';
import { formValidator } from '../ui/rjsf-validator.js';
import { installSchema, installUiSchema, varErrors } from './install-form.js';

// The install form's channel, role and member settings use the config panel's pickers.

afterEach(cleanup);

const directory: GuildDiscord = {
  guild: { id: '1', name: 'Test' },
  channels: [
    { id: '10', name: 'Community', type: 4, parentId: null },
    { id: '11', name: 'general', type: 0, parentId: '10' },
    { id: '12', name: 'welcome', type: 0, parentId: null },
  ],
  roles: [
    { id: '21', name: 'Bot', color: 0, position: 3, managed: true, mentionable: false },
    { id: '22', name: 'Newcomer', color: 0, position: 1, managed: false, mentionable: true },
  ],
  members: [
    { id: '31', username: 'alice', displayName: 'Alice' },
    { id: '32', username: 'frank', displayName: 'frank' },
  ],
};

const parameters = {
  type: 'object',
  properties: {
    channelId: { type: 'string', title: 'Channel', 'x-widget': 'channel' },
    roleId: { type: 'string', title: 'Role', 'x-widget': 'role' },
    hostIds: { type: 'array', title: 'Hosts', items: { type: 'string', 'x-widget': 'member' } },
  },
  required: ['channelId'],
};

function draw(
  guild: { data?: GuildDiscord; error?: string },
  extraErrors?: ErrorSchema,
  onSubmit = vi.fn(),
  wrap = (form: ReactNode) => form,
) {
  render(
    <GuildDiscordProvider value={{ data: guild.data, loading: false, error: guild.error }}>
      {wrap(
        <Form
          schema={installSchema(parameters)}
          uiSchema={{ ...installUiSchema(parameters), 'ui:submitButtonOptions': {} }}
          validator={formValidator}
          noValidate
          widgets={GUILD_PICKER_WIDGETS}
          {...(extraErrors ? { extraErrors } : {})}
          onSubmit={(event) => onSubmit(event.formData)}
        />,
      )}
    </GuildDiscordProvider>,
  );
  return onSubmit;
}

const optionsOf = (name: string) =>
  within(screen.getByRole('listbox', { name }))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('the install form’s pickers', () => {
  it('pick a channel, a role and list members by name, and submit their ids', async () => {
    const user = userEvent.setup();
    const onSubmit = draw({ data: directory });
    const channel = screen.getByRole('combobox', { name: /Channel/ });
    expect(channel.getAttribute('aria-required')).toBe('true');
    await user.click(channel);
    // Channels with their category; the category itself is not a place to post.
    expect(optionsOf('Channel: channels')).toEqual(['#generalCommunity', '#welcomeText channels']);
    await user.type(channel, 'wel{Enter}');
    expect((channel as HTMLInputElement).value).toBe('#welcome');

    const role = screen.getByRole('combobox', { name: /Role/ });
    await user.click(role);
    const bot = screen.getByRole('option', { name: /@Bot/ });
    // Discord refuses to give a role an integration manages: shown, not choosable.
    expect(bot.getAttribute('aria-disabled')).toBe('true');
    await user.click(bot);
    expect((role as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('option', { name: '@Newcomer' }));

    await user.click(screen.getByRole('button', { name: /Add/i }));
    await user.type(screen.getByRole('combobox', { name: 'Member 1' }), 'ali{Enter}');
    expect((screen.getByRole('combobox', { name: 'Member 1' }) as HTMLInputElement).value).toBe(
      'Alice (@alice)',
    );
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ channelId: '12', roleId: '22', hostIds: ['31'] });
  });

  it('take typed ids when the server cannot be read, and no expressions', async () => {
    const user = userEvent.setup();
    const onSubmit = draw({ error: 'The bot is not in this server.' });
    const channel = screen.getByRole('combobox', { name: /Channel/ });
    expect(channel.getAttribute('placeholder')).toBe('channel id (digits)');
    expect(channel.getAttribute('aria-describedby')).toContain('root_channelId__status');
    expect(
      screen.getAllByText(
        'Could not load this server’s channels: The bot is not in this server. You can still type its id.',
      ),
    ).toHaveLength(1);
    // A setting holds an id: `{{` is searched for, not turned into an expression.
    await user.type(channel, '{{{{');
    expect((channel as HTMLInputElement).value).toBe('{{');
    await user.clear(channel);
    await user.type(channel, '1234');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ channelId: '1234' });
  });

  it('show the service’s problem of a setting under its picker, which it describes', () => {
    // As the dialog turns the service's `invalid_vars` details into errors under fields.
    draw({ data: directory }, varErrors([{ var: 'channelId', message: 'must be a Discord id' }]));
    const channel = screen.getByRole('combobox', { name: /Channel/ });
    expect(channel.getAttribute('aria-invalid')).toBe('true');
    expect(channel.getAttribute('aria-describedby')).toContain('root_channelId__error');
    expect(document.getElementById('root_channelId__error')?.textContent).toContain(
      'must be a Discord id',
    );
    expect(screen.getByRole('combobox', { name: /Role/ }).getAttribute('aria-invalid')).toBeNull();
  });

  it('work from the keyboard in the dialog: the focus leaves the list closed, Escape closes the list first', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    draw({ data: directory }, undefined, vi.fn(), (form) => (
      <Dialog title="Install" onClose={onClose}>
        {form}
      </Dialog>
    ));
    // The dialog focuses its first field; a list covering the form as it opens would hide it.
    const channel = screen.getByRole('combobox', { name: /Channel/ });
    expect(document.activeElement).toBe(channel);
    expect(channel.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(channel.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(channel.getAttribute('aria-expanded')).toBe('false');
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
