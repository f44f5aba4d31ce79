import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GuildPicker } from './guild-picker.js';
import { queryKeys } from '../api/queries.js';
import { SANDBOX_GUILD } from './testing/fixtures.js';

afterEach(cleanup);

describe('GuildPicker (outside the panel)', () => {
  it('picks a role of the guild by name and gives its id', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.guildDiscord(SANDBOX_GUILD.guild.id), SANDBOX_GUILD);
    client.setQueryDefaults(queryKeys.guildDiscord(SANDBOX_GUILD.guild.id), { staleTime: Infinity });
    const chosen: (string | undefined)[] = [];
    function Form() {
      const [value, setValue] = useState('');
      return (
        <>
          <label htmlFor="newcomer">Newcomer role</label>
          <GuildPicker
            guildId={SANDBOX_GUILD.guild.id}
            kind="role"
            id="newcomer"
            label="Newcomer role"
            value={value}
            onChange={(v) => {
              chosen.push(v);
              setValue(v ?? '');
            }}
          />
        </>
      );
    }
    render(
      <QueryClientProvider client={client}>
        <Form />
      </QueryClientProvider>,
    );
    await userEvent.type(screen.getByRole('combobox', { name: 'Newcomer role' }), 'newc{Enter}');
    expect(chosen.at(-1)).toBe('1300000000000000201');
    expect(
      (screen.getByRole('combobox', { name: 'Newcomer role' }) as HTMLInputElement).value,
    ).toBe('@Newcomer');
  });
});
