import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { chain, renderPanel } from './testing/panel-harness.js';

describe('ConfigPanel', () => {
  it('renders the send message form', async () => {
    const doc = chain([
      { id: 'start', type: 'trigger.memberJoined', config: {} },
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: { channelId: '1300000000000000101', content: 'Hi' },
      },
    ]);
    renderPanel({ doc, nodeId: 'greet' });
    expect(screen.getByRole('heading', { name: 'Send message' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: /Channel/ }) as HTMLInputElement).value).toBe(
      '#welcome',
    );
    const user = userEvent.setup();
    void user;
  });
});
