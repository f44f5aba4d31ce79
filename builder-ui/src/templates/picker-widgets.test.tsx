import Form from '@rjsf/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GuildDiscord } from '../api/queries.js';
import { installSchema, installUiSchema } from './install-form.js';
import { ChannelWidget, MemberWidget, RoleWidget, type PickerContext } from './picker-widgets.js';
import { formValidator } from '../ui/rjsf-validator.js';

afterEach(cleanup);

const directory: GuildDiscord = {
  guild: { id: '1', name: 'Test' },
  channels: [
    { id: '10', name: 'Community', type: 4, parentId: null },
    { id: '11', name: 'general', type: 0, parentId: '10' },
    { id: '12', name: 'welcome', type: 0, parentId: null },
    { id: '13', name: 'Lounge', type: 2, parentId: '10' },
    { id: '14', name: 'ideas', type: 15, parentId: null },
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

function draw(context: PickerContext, onSubmit = vi.fn()) {
  render(
    <Form
      schema={installSchema(parameters)}
      uiSchema={{ ...installUiSchema(parameters), 'ui:submitButtonOptions': {} }}
      validator={formValidator}
      noValidate
      widgets={{ channel: ChannelWidget, role: RoleWidget, member: MemberWidget }}
      formContext={context}
      onSubmit={(event) => onSubmit(event.formData)}
    />,
  );
  return onSubmit;
}

describe('the install form’s pickers', () => {
  it('offer the channels one can post in by category, roles by name and members by display name', async () => {
    const user = userEvent.setup();
    const onSubmit = draw({ directory });
    const channel = screen.getByRole('combobox', { name: /Channel/ });
    const options = [...channel.querySelectorAll('option')].map((o) => o.textContent);
    // Categories and forums are not places to post; the voice channel's text chat is.
    expect(options).toEqual(['Choose a channel…', '#general', '#Lounge', '#welcome']);
    expect(channel.querySelector('optgroup')?.getAttribute('label')).toBe('Community');
    const role = screen.getByRole('combobox', { name: /Role/ });
    expect(screen.getByRole('option', { name: '@Bot (managed by an integration)' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.selectOptions(channel, '#welcome');
    await user.selectOptions(role, '@Newcomer');
    await user.click(screen.getByRole('button', { name: /Add/i }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Member 1' }), 'Alice (@alice)');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ channelId: '12', roleId: '22', hostIds: ['31'] });
  });

  it('take typed ids when the server cannot be read', async () => {
    const user = userEvent.setup();
    const onSubmit = draw({ directory: undefined, problem: 'The bot is not in this server' });
    const channel = screen.getByRole('textbox', { name: /Channel/ });
    expect(channel.getAttribute('placeholder')).toBe('channel id (digits)');
    await user.type(channel, '1234');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ channelId: '1234' });
  });
});
