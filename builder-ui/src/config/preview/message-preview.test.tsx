import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { editorAt, typeInto } from '../testing/editors.js';
import { SANDBOX_GUILD, chain, renderPanel } from '../testing/panel-harness.js';
import { MessagePreview } from './message-preview.js';

const limits = () =>
  within(screen.getByRole('list', { name: 'Discord limits' })).getAllByRole('listitem');
const limit = (what: string) => limits().find((li) => li.textContent?.startsWith(`${what}:`));

describe('MessagePreview', () => {
  it('shows mentions by name, markdown, and expressions as placeholders', () => {
    const { container } = render(
      <MessagePreview
        guild={SANDBOX_GUILD}
        config={{
          content:
            'Welcome {{ trigger.member.mention }} to **the server**! Read <#1300000000000000100>, ping <@&1300000000000000204> or <@1300000000000000301>. You are #{{ trigger.guild.memberCount }}.',
        }}
      />,
    );
    const text = container.querySelector('.gf-preview-text')!;
    expect(within(text as HTMLElement).getByText('@trigger.member')).toBeTruthy();
    expect(text.querySelector('strong')?.textContent).toBe('the server');
    expect([...text.querySelectorAll('.gf-preview-mention')].map((m) => m.textContent)).toEqual([
      '@trigger.member',
      '#general',
      '@Moderator',
      '@Alice',
    ]);
    expect(text.querySelector('.gf-preview-expr:not(.gf-preview-mention)')?.textContent).toBe(
      '{{ trigger.guild.memberCount }}',
    );
    // the role shows its colour
    expect((text.querySelector('.gf-preview-role-dot') as HTMLElement).style.background).toBe(
      'rgb(230, 126, 34)',
    );
  });

  it('renders embeds (colour bar, title, fields, footer) and buttons in their rows and styles', () => {
    const { container } = render(
      <MessagePreview
        guild={SANDBOX_GUILD}
        config={{
          embeds: [
            {
              title: 'Giveaway',
              description: 'Click to *enter*',
              color: '#F59E0B',
              fields: [{ name: 'Prize', value: 'Nitro', inline: true }],
              footer: { text: 'Ends soon' },
            },
          ],
          buttons: [
            { label: 'Enter', customId: 'enter', style: 'success' },
            { label: 'Rules', style: 'link', url: 'https://example.com' },
            { label: 'Later', customId: 'later', row: 1 },
          ],
        }}
      />,
    );
    const embed = container.querySelector('.gf-preview-embed') as HTMLElement;
    expect(embed.style.borderLeftColor).toBe('rgb(245, 158, 11)');
    expect(within(embed).getByText('Giveaway')).toBeTruthy();
    expect(within(embed).getByText('Nitro')).toBeTruthy();
    expect(within(embed).getByText('Ends soon')).toBeTruthy();
    const rows = screen.getAllByRole('group', { name: /^Row/ });
    expect(rows.map((r) => r.textContent)).toEqual(['EnterRules ↗', 'Later']);
    expect(within(rows[0]!).getByText('Enter').className).toContain('gf-preview-button--success');
  });

  it('shows the limits as they are approached and passed', () => {
    const { rerender } = render(
      <MessagePreview guild={SANDBOX_GUILD} config={{ content: 'x'.repeat(1500) }} />,
    );
    expect(limit('Text')?.textContent).toBe('Text: 1,500 / 2,000');
    expect(limit('Text')?.className).toContain('--ok');
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<MessagePreview guild={SANDBOX_GUILD} config={{ content: 'x'.repeat(1850) }} />);
    expect(limit('Text')?.className).toContain('--near');
    expect(screen.getByRole('status').textContent).toBe(
      'Text is close to Discord’s limit of 2,000.',
    );
    rerender(<MessagePreview guild={SANDBOX_GUILD} config={{ content: 'x'.repeat(2001) }} />);
    expect(limit('Text')?.className).toContain('--over');
    expect(screen.getByRole('status').textContent).toBe('Text is over Discord’s limit of 2,000.');
  });

  it('counts embeds against 6,000 characters, buttons against 25 in rows of 5, custom ids against 100', () => {
    render(
      <MessagePreview
        guild={SANDBOX_GUILD}
        config={{
          embeds: [
            {
              title: 't'.repeat(256),
              description: 'd'.repeat(4096),
              fields: [
                { name: 'n', value: 'v'.repeat(1024) },
                { name: 'm', value: 'w'.repeat(1000) },
              ],
            },
          ],
          buttons: [
            ...Array.from({ length: 6 }, (_, i) => ({ label: `B${i}`, customId: `b${i}`, row: 0 })),
            { label: 'Long', customId: 'x'.repeat(95) },
          ],
        }}
      />,
    );
    expect(limit('Embed 1 text')?.textContent).toBe('Embed 1 text: 6,378 / 6,000');
    expect(limit('Embed 1 text')?.className).toContain('--over');
    expect(limit('Buttons')?.textContent).toBe('Buttons: 7 / 25');
    expect(limit('Buttons in row 1')?.textContent).toBe('Buttons in row 1: 6 / 5');
    expect(limit('Buttons in row 1')?.className).toContain('--over');
    expect(limit('Button 7 custom ID')?.textContent).toBe('Button 7 custom ID: 95 / 100');
    expect(limit('Button 7 custom ID')?.className).toContain('--near');
    expect(screen.getByRole('group', { name: 'Row 1' }).className).toContain(
      'gf-preview-row--over',
    );
  });

  it('counts only the text known before sending when there are expressions', () => {
    render(
      <MessagePreview
        guild={SANDBOX_GUILD}
        config={{ content: 'Hi {{ trigger.member.mention }}!' }}
      />,
    );
    expect(limit('Text')?.textContent).toBe('Text: ≥ 4 / 2,000');
  });

  it('follows the content as it is typed in the panel', async () => {
    const doc = chain([
      { id: 'start', type: 'trigger.memberJoined', config: {} },
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: { channelId: '1300000000000000101', content: 'Hi' },
      },
    ]);
    const panel = renderPanel({ doc, nodeId: 'greet' });
    typeInto(editorAt(panel.container, 'content'), 'Hello <@&1300000000000000201>');
    await waitFor(() =>
      expect(panel.container.querySelector('.gf-preview-role')?.textContent).toBe('@Newcomer'),
    );
  });
});
