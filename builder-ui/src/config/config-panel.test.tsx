import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { editorAt, fieldAt, issuesShownAt, typeInto } from './testing/editors.js';
import { chain, renderPanel } from './testing/panel-harness.js';

const WELCOME = '1300000000000000101';
const start = { id: 'start', type: 'trigger.memberJoined', config: {} };

/** Labels of the fields the form shows at the top level, in order. */
function topLabels(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.gf-config-object > [data-config-path]')]
    .filter((f) => !f.parentElement?.closest('[data-config-path]'))
    .map(
      (f) => f.querySelector('.gf-config-label, legend')?.textContent?.replace(/ \*.*$/, '') ?? '',
    );
}

describe('ConfigPanel: forms generated from the catalog', () => {
  it('discord.sendMessage: pickers, an expression editor, embeds, buttons, a preview — no option pickers', () => {
    const doc = chain([
      start,
      { id: 'greet', type: 'discord.sendMessage', config: { channelId: WELCOME, content: 'Hi' } },
    ]);
    const { container } = renderPanel({ doc, nodeId: 'greet' });
    expect(screen.getByRole('heading', { name: 'Send message' })).toBeTruthy();
    expect(topLabels(container)).toEqual([
      'Channel',
      'Member',
      'Content',
      'Embeds',
      'Buttons',
      'Buttons from',
      'Allowed role mentions',
    ]);
    expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLInputElement).value).toBe(
      '#welcome',
    );
    expect(editorAt(container, 'content').state.doc.toString()).toBe('Hi');
    // exactly-one-of channelId/userId is a rule for validation, not a choice RJSF offers (the
    // one select is the style of buttonsFrom)
    expect(
      [...container.querySelectorAll('select')].map((s) =>
        s.closest('[data-config-path]')?.getAttribute('data-config-path'),
      ),
    ).toEqual(['buttonsFrom.style']);
    expect(screen.getByRole('heading', { name: 'Preview' })).toBeTruthy();
  });

  it('flow.if: one condition editor in condition mode', () => {
    const doc = chain([
      start,
      { id: 'check', type: 'flow.if', config: { condition: 'trigger.guild.memberCount > 10' } },
    ]);
    const { container } = renderPanel({ doc, nodeId: 'check' });
    expect(topLabels(container)).toEqual(['Condition']);
    expect(container.querySelectorAll('.cm-content')).toHaveLength(1);
    expect(
      container.querySelector('[data-expression-mode]')?.getAttribute('data-expression-mode'),
    ).toBe('condition');
    expect(container.querySelector('select')).toBeNull();
  });

  it('flow.switch: a value expression and a list of cases to add, reorder and remove', async () => {
    const doc = chain(
      [
        start,
        {
          id: 'route',
          type: 'flow.switch',
          config: { value: '{{ vars.plan }}', cases: [{ id: 'pro', equals: 'pro' }] },
        },
      ],
      { plan: 'pro' },
    );
    const panel = renderPanel({ doc, nodeId: 'route' });
    expect(topLabels(panel.container)).toEqual(['Value', 'Cases']);
    const cases = fieldAt(panel.container, 'cases');
    expect(within(cases).getByText('Case 1')).toBeTruthy();
    await userEvent.click(within(cases).getByRole('button', { name: 'Add case' }));
    expect(panel.config()).toEqual({
      value: '{{ vars.plan }}',
      cases: [{ id: 'pro', equals: 'pro' }, {}],
    });
    const id = within(fieldAt(panel.container, 'cases[1].id')).getByRole('textbox');
    await userEvent.type(id, 'free');
    expect(panel.config()?.cases).toEqual([{ id: 'pro', equals: 'pro' }, { id: 'free' }]);
    await userEvent.click(within(cases).getByRole('button', { name: 'Remove Case 1' }));
    expect(panel.config()?.cases).toEqual([{ id: 'free' }]);
  });

  it('trigger.schedule: cron, time zone, interval and date', () => {
    const doc = chain([{ id: 'start', type: 'trigger.schedule', config: { cron: '0 9 * * MON' } }]);
    const { container } = renderPanel({ doc, nodeId: 'start' });
    expect(topLabels(container)).toEqual(['Cron', 'Time zone', 'Interval', 'At']);
    expect(screen.getByText(/Next runs \(UTC\)/)).toBeTruthy();
  });

  it('data.set: key, scope choice, member picker, JSON value, duration', async () => {
    const doc = chain([
      start,
      { id: 'store', type: 'data.set', config: { key: 'joined', scope: 'guild', value: 1 } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'store' });
    expect(topLabels(panel.container)).toEqual([
      'Key',
      'Scope',
      'Member',
      'Value',
      'Expires after',
    ]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Scope/ }), 'member');
    expect(panel.config()).toEqual({ key: 'joined', scope: 'member', value: 1 });
    expect(issuesShownAt(panel.container, 'memberId')).toEqual(['!memberId is required'.slice(1)]);
    const value = screen.getByRole('textbox', { name: /Value/ });
    fireEvent.change(value, { target: { value: '{ "streak": 3 }' } });
    expect(panel.config()?.value).toEqual({ streak: 3 });
    expect((value as HTMLTextAreaElement).value).toBe('{ "streak": 3 }'); // not reformatted while typing
  });

  it('a node type without settings says so; an unknown type keeps its config', () => {
    const join = chain([start, { id: 'stop', type: 'flow.stop', config: {} }]);
    renderPanel({ doc: join, nodeId: 'stop' });
    expect(screen.getByText('This node has no settings.')).toBeTruthy();
    const unknown = chain([start, { id: 'odd', type: 'discord.teleport', config: { to: 'moon' } }]);
    renderPanel({ doc: unknown, nodeId: 'odd' });
    expect(screen.getByText(/“discord.teleport” is not a node type/)).toBeTruthy();
  });
});

describe('ConfigPanel: what the admin typed is kept', () => {
  it('a number field keeps text that is not a number, and validation says what is wrong', async () => {
    const doc = chain([
      start,
      { id: 'ban', type: 'discord.banMember', config: { userId: '{{ trigger.member.id }}' } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'ban' });
    const seconds = screen.getByRole('textbox', { name: /Delete message seconds/ });
    await userEvent.type(seconds, '12x');
    expect(panel.config()?.deleteMessageSeconds).toBe('12x');
    expect((seconds as HTMLInputElement).value).toBe('12x');
    expect(issuesShownAt(panel.container, 'deleteMessageSeconds').join(' ')).toMatch(
      /deleteMessageSeconds/,
    );
    await userEvent.clear(seconds);
    await userEvent.type(seconds, '3600');
    expect(panel.config()?.deleteMessageSeconds).toBe(3600);
    expect(issuesShownAt(panel.container, 'deleteMessageSeconds')).toEqual([]);
  });

  it('an invalid expression stays in the editor and in the config', async () => {
    const doc = chain([
      start,
      { id: 'greet', type: 'discord.sendMessage', config: { channelId: WELCOME, content: 'Hi' } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'greet' });
    typeInto(editorAt(panel.container, 'content'), 'Hi {{ member.name');
    await waitFor(() => expect(panel.config()?.content).toBe('Hi {{ member.name'));
    expect(editorAt(panel.container, 'content').state.doc.toString()).toBe('Hi {{ member.name');
    await waitFor(() =>
      expect(issuesShownAt(panel.container, 'content').join(' ')).toMatch(/never closed/),
    );
  });

  it('a field the node type does not have is kept and pointed out, not dropped', async () => {
    const doc = chain([
      start,
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: { channelId: WELCOME, content: 'Hi', colour: 'red' },
      },
    ]);
    const panel = renderPanel({ doc, nodeId: 'greet' });
    expect(screen.getByRole('group', { name: 'Problems with this node' }).textContent).toMatch(
      /unknown field "colour"; remove it/,
    );
    typeInto(editorAt(panel.container, 'content'), 'Hello');
    await waitFor(() =>
      expect(panel.config()).toEqual({ channelId: WELCOME, content: 'Hello', colour: 'red' }),
    );
  });

  it('editing one field changes only that field: RJSF writes no defaults', async () => {
    const doc = chain([{ id: 'start', type: 'trigger.schedule', config: { cron: '0 9 * * *' } }]);
    const panel = renderPanel({ doc, nodeId: 'start' });
    const cron = screen.getByRole('textbox', { name: /Cron/ });
    await userEvent.clear(cron);
    await userEvent.type(cron, '@daily');
    await waitFor(() => expect(panel.configs.at(-1)).toEqual({ cron: '@daily' }));
    // the time zone (default UTC) stays unset
    expect((screen.getByRole('combobox', { name: /Time zone/ }) as HTMLInputElement).value).toBe(
      '',
    );
  });
});

describe('ConfigPanel: changes from outside (undo, another tab)', () => {
  it('every field shows the new config, and nothing is echoed back as an edit', async () => {
    const doc = chain([
      start,
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: { channelId: WELCOME, content: 'Hi', buttons: [{ label: 'Go', customId: 'go' }] },
      },
    ]);
    const panel = renderPanel({ doc, nodeId: 'greet' });
    panel.setConfig({
      channelId: '1300000000000000100',
      content: 'Bye {{ trigger.member.mention }}',
      buttons: [{ label: 'Stop', customId: 'stop', style: 'danger' }],
    });
    await waitFor(() =>
      expect(editorAt(panel.container, 'content').state.doc.toString()).toBe(
        'Bye {{ trigger.member.mention }}',
      ),
    );
    expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLInputElement).value).toBe(
      '#general',
    );
    expect(editorAt(panel.container, 'buttons[0].label').state.doc.toString()).toBe('Stop');
    expect(panel.configs).toEqual([]);
  });

  it('a JSON value typed in progress follows an outside change', async () => {
    const doc = chain([
      start,
      { id: 'store', type: 'data.set', config: { key: 'k', scope: 'guild', value: 1 } },
    ]);
    const panel = renderPanel({ doc, nodeId: 'store' });
    const value = screen.getByRole('textbox', { name: /Value/ }) as HTMLTextAreaElement;
    fireEvent.change(value, { target: { value: '{ "a": 1 }' } });
    panel.setConfig({ key: 'k', scope: 'guild', value: [1, 2] });
    await waitFor(() => expect(value.value).toBe('[\n  1,\n  2\n]'));
  });
});

describe('ConfigPanel: issues and focus', () => {
  it('shows each issue under its field, and problems of the whole config at the top', () => {
    const doc = chain([
      start,
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: { channelId: WELCOME, userId: '1300000000000000303', content: 'x'.repeat(2001) },
      },
    ]);
    const { container } = renderPanel({ doc, nodeId: 'greet' });
    const top = screen.getByRole('group', { name: 'Problems with this node' });
    expect(top.textContent).toMatch(/exactly one of: channelId, userId/);
    expect(issuesShownAt(container, 'content').join(' ')).toMatch(/2000/);
    expect(issuesShownAt(container, 'channelId')).toEqual([]);
  });

  it('shows a node-level problem (unreachable) at the top', () => {
    const doc = chain([
      start,
      { id: 'greet', type: 'discord.sendMessage', config: { channelId: WELCOME, content: 'Hi' } },
    ]);
    doc.edges = [];
    renderPanel({ doc, nodeId: 'greet' });
    expect(screen.getByRole('group', { name: 'Problems with this node' }).textContent).toMatch(
      /Nothing leads from the trigger/,
    );
  });

  it('a button’s issue is shown at that button’s part, and marks it invalid', () => {
    const doc = chain([
      start,
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: {
          channelId: WELCOME,
          content: 'Hi',
          buttons: [
            { label: 'A', customId: 'same' },
            { label: 'B', customId: 'same' },
          ],
        },
      },
    ]);
    const { container } = renderPanel({ doc, nodeId: 'greet' });
    expect(issuesShownAt(container, 'buttons[1].customId')).toEqual([
      'Custom id "same" is used twice in this message.',
    ]);
    expect(issuesShownAt(container, 'buttons[0].customId')).toEqual([]);
    expect(editorAt(container, 'buttons[1].customId').contentDOM.getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('focusPath focuses the field (an expression editor, a picker, a button’s label)', () => {
    const doc = chain([
      start,
      {
        id: 'greet',
        type: 'discord.sendMessage',
        config: { channelId: WELCOME, content: 'Hi', buttons: [{ label: 'Go', customId: 'go' }] },
      },
    ]);
    const one = renderPanel({ doc, nodeId: 'greet', focusPath: 'buttons[0].label' });
    expect(document.activeElement).toBe(editorAt(one.container, 'buttons[0].label').contentDOM);
    one.unmount();
    const two = renderPanel({ doc, nodeId: 'greet', focusPath: 'nodes[1].config.channelId' });
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Channel' }));
    two.unmount();
    renderPanel({ doc, nodeId: 'greet', focusPath: 'content' });
    expect(
      document.activeElement?.closest('[data-config-path]')?.getAttribute('data-config-path'),
    ).toBe('content');
  });
});
