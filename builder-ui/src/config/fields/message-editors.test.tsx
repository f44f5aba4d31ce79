import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { editorAt, fieldAt, typeInto } from '../testing/editors.js';
import { chain, renderPanel } from '../testing/panel-harness.js';

const start = { id: 'start', type: 'trigger.memberJoined', config: {} };
const send = (config: Record<string, unknown>) =>
  chain([
    start,
    {
      id: 'greet',
      type: 'discord.sendMessage',
      config: { channelId: '1300000000000000101', ...config },
    },
  ]);

describe('button list editor', () => {
  it('adds buttons that are valid as they are, each with its own custom id', async () => {
    const panel = renderPanel({ doc: send({ content: 'Hi' }), nodeId: 'greet' });
    const buttons = fieldAt(panel.container, 'buttons');
    await userEvent.click(within(buttons).getByRole('button', { name: 'Add button' }));
    await userEvent.click(within(buttons).getByRole('button', { name: 'Add button' }));
    expect(panel.config()?.buttons).toEqual([
      { label: 'Button 1', customId: 'button-1' },
      { label: 'Button 2', customId: 'button-2' },
    ]);
    expect(within(buttons).getByText('2 / 25 buttons · 1 / 5 rows')).toBeTruthy();
    expect(panel.container.querySelectorAll('.gf-config-node-issues')).toHaveLength(0);
  });

  it('a link button gets a URL instead of a custom id, and back', async () => {
    const panel = renderPanel({
      doc: send({ content: 'Hi', buttons: [{ label: 'Go', customId: 'go' }] }),
      nodeId: 'greet',
    });
    const style = within(fieldAt(panel.container, 'buttons[0].style')).getByRole('combobox');
    await userEvent.selectOptions(style, 'link');
    expect(panel.config()?.buttons).toEqual([{ label: 'Go', style: 'link', url: 'https://' }]);
    expect(editorAt(panel.container, 'buttons[0].url').state.doc.toString()).toBe('https://');
    await userEvent.selectOptions(style, 'success');
    expect(panel.config()?.buttons).toEqual([
      { label: 'Go', style: 'success', customId: 'button-2' },
    ]);
  });

  it('counts a custom id against Discord’s 100 characters', async () => {
    const panel = renderPanel({
      doc: send({ content: 'Hi', buttons: [{ label: 'Go', customId: 'go' }] }),
      nodeId: 'greet',
    });
    typeInto(editorAt(panel.container, 'buttons[0].customId'), 'x'.repeat(95));
    await waitFor(() =>
      expect(
        within(fieldAt(panel.container, 'buttons[0].customId')).getByText('95 / 100'),
      ).toBeTruthy(),
    );
    expect(
      fieldAt(panel.container, 'buttons[0].customId').querySelector('.gf-config-counter--near'),
    ).not.toBeNull();
    typeInto(editorAt(panel.container, 'buttons[0].customId'), 'x'.repeat(101));
    await waitFor(() =>
      expect(
        within(fieldAt(panel.container, 'buttons[0].customId')).getByText(/101 \/ 100 — too long/),
      ).toBeTruthy(),
    );
  });

  it('moves and removes buttons', async () => {
    const panel = renderPanel({
      doc: send({
        content: 'Hi',
        buttons: [
          { label: 'A', customId: 'a' },
          { label: 'B', customId: 'b' },
        ],
      }),
      nodeId: 'greet',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Move Button 2 up' }));
    expect(panel.config()?.buttons).toEqual([
      { label: 'B', customId: 'b' },
      { label: 'A', customId: 'a' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Button 1' }));
    expect(panel.config()?.buttons).toEqual([{ label: 'A', customId: 'a' }]);
  });
});

describe('embed list editor', () => {
  it('adds an embed, edits its parts and fields, and drops an author left empty', async () => {
    const panel = renderPanel({ doc: send({ content: 'Hi' }), nodeId: 'greet' });
    await userEvent.click(screen.getByRole('button', { name: /Add embed/ }));
    expect(panel.config()?.embeds).toEqual([{ title: 'New embed' }]);
    typeInto(editorAt(panel.container, 'embeds[0].author.name'), 'Guildflow');
    await waitFor(() =>
      expect(panel.config()?.embeds).toEqual([
        { title: 'New embed', author: { name: 'Guildflow' } },
      ]),
    );
    typeInto(editorAt(panel.container, 'embeds[0].author.name'), '');
    await waitFor(() => expect(panel.config()?.embeds).toEqual([{ title: 'New embed' }]));
    await userEvent.click(screen.getByRole('button', { name: 'Add field' }));
    expect(panel.config()?.embeds).toEqual([
      { title: 'New embed', fields: [{ name: 'Field 1', value: 'Value' }] },
    ]);
    fireEvent.change(within(fieldAt(panel.container, 'embeds[0].color')).getByRole('textbox'), {
      target: { value: '#F59E0B' },
    });
    expect((panel.config()?.embeds as { color?: string }[])[0]?.color).toBe('#F59E0B');
  });

  it('shows each embed’s total against 6,000 characters', () => {
    const panel = renderPanel({
      doc: send({
        embeds: [
          {
            title: 'T',
            description: 'd'.repeat(4000),
            fields: [{ name: 'n', value: 'v'.repeat(1000) }],
          },
        ],
      }),
      nodeId: 'greet',
    });
    const card = fieldAt(panel.container, 'embeds[0]');
    expect(within(card).getByText('5,002 / 6,000')).toBeTruthy();
  });
});

describe('list and key/value editors', () => {
  it('a list of role ids uses role pickers', async () => {
    const panel = renderPanel({
      doc: send({ content: 'Hi <@&1300000000000000204>' }),
      nodeId: 'greet',
    });
    const list = fieldAt(panel.container, 'allowedRoleMentions');
    await userEvent.click(within(list).getByRole('button', { name: 'Add allowed role mention' }));
    await userEvent.type(
      within(list).getByRole('combobox', { name: 'Allowed role mentions 1' }),
      'mod{Enter}',
    );
    expect(panel.config()?.allowedRoleMentions).toEqual(['1300000000000000204']);
  });

  it('milestones are numbers; text that is not one is kept', async () => {
    const doc = chain([
      { id: 'start', type: 'trigger.memberCountReached', config: { milestones: [100] } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'start' });
    await userEvent.click(screen.getByRole('button', { name: 'Add milestone' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Milestones 2' }), '5k');
    expect(panel.config()?.milestones).toEqual([100, '5k']);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Milestones 2' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Milestones 2' }), '500');
    expect(panel.config()?.milestones).toEqual([100, 500]);
  });

  it('flow.setVariables: names and values; a value reads as JSON when it is JSON', async () => {
    const doc = chain([
      start,
      { id: 'vars', type: 'flow.setVariables', config: { values: { count: 1 } } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'vars' });
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    expect(screen.getByText('Give it a name.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Values: name 2' }), 'winner');
    typeInto(editorAt(panel.container, 'values.winner'), '{{ trigger.member.id }}');
    await waitFor(() =>
      expect(panel.config()?.values).toEqual({ count: 1, winner: '{{ trigger.member.id }}' }),
    );
    typeInto(editorAt(panel.container, 'values.count'), '7');
    await waitFor(() =>
      expect(panel.config()?.values).toEqual({ count: 7, winner: '{{ trigger.member.id }}' }),
    );
  });
});
