import type { GraphDocument, GraphNode } from '@guildflow/engine/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { renderEditor } from '../testing/render-editor.js';
import { namesFrom } from './names.js';
import { summarize } from './node-summary.js';

afterEach(cleanup);

const node = (id: string, type: string, config: GraphNode['config'] = {}, x = 0): GraphNode => ({
  id,
  type,
  position: { x, y: 0 },
  config,
});

const nodeEl = (id: string) =>
  document.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement;
const portsOf = (id: string) =>
  [...nodeEl(id).querySelectorAll('[data-port]')].map((li) => [
    li.getAttribute('data-port'),
    li.textContent,
  ]);

describe('canvas nodes', () => {
  it('draw icon, title, a summary of the config, and mark the trigger', async () => {
    renderEditor(welcomeGraph());
    await waitFor(() => expect(nodeEl('greet')).toBeTruthy());
    expect(nodeEl('greet').querySelector('svg.lucide-send')).toBeTruthy();
    expect(nodeEl('greet').textContent).toContain('Send message');
    expect(nodeEl('greet').querySelector('.gf-editor-node-summary')?.textContent).toBe(
      'Send "Welcome {{…}}!" to {{vars.welcomeChannelId}}',
    );
    expect(nodeEl('start').textContent).toContain('Trigger');
    expect(nodeEl('greet').textContent).not.toContain('Trigger');
    // The trigger takes no input; the others have one.
    expect(nodeEl('start').querySelector('.react-flow__handle.target')).toBeNull();
    expect(nodeEl('greet').querySelector('.react-flow__handle.target')).toBeTruthy();
  });

  it('label their output ports in declared order, with the error port on actions', async () => {
    const doc: GraphDocument = {
      schemaVersion: 1,
      name: 'ports',
      vars: {},
      edges: [],
      nodes: [
        node('start', 'trigger.manual'),
        node('check', 'flow.if', { condition: 'true' }),
        node('wait', 'flow.waitFor', { event: 'button' }),
        node('loop', 'flow.forEach', { items: [] }),
        node('plan', 'flow.switch', {
          value: 'x',
          cases: [
            { id: 'pro', equals: 1 },
            { id: 'free', equals: 2 },
          ],
        }),
        node('role', 'discord.addRole'),
        node('stop', 'flow.stop'),
      ],
    };
    renderEditor(doc);
    await waitFor(() => expect(nodeEl('stop')).toBeTruthy());
    expect(portsOf('check')).toEqual([
      ['true', 'True'],
      ['false', 'False'],
    ]);
    expect(portsOf('wait')).toEqual([
      ['received', 'Received'],
      ['timeout', 'Timed out'],
    ]);
    expect(portsOf('loop')).toEqual([
      ['item', 'Each item'],
      ['done', 'Done'],
    ]);
    expect(portsOf('plan')).toEqual([
      ['pro', 'pro'],
      ['free', 'free'],
      ['default', 'Default'],
    ]);
    expect(portsOf('role')).toEqual([
      ['out', 'Next'],
      ['error', 'Error'],
    ]);
    // A single port needs no label; Stop ends the run and has none.
    expect(portsOf('start')).toEqual([['out', '']]);
    expect(portsOf('stop')).toEqual([]);
    expect(nodeEl('check').querySelectorAll('.react-flow__handle.source')).toHaveLength(2);
  });

  it('show a badge with their validation issues', async () => {
    const doc = welcomeGraph();
    doc.nodes[2] = { ...doc.nodes[2]!, config: { userId: '{{ trigger.member.id }}' } };
    renderEditor(doc);
    await waitFor(() =>
      expect(nodeEl('role').querySelector('.gf-editor-node-issues')).toBeTruthy(),
    );
    const badge = nodeEl('role').querySelector('.gf-editor-node-issues') as HTMLElement;
    expect(badge.textContent).toBe('1');
    expect(badge.getAttribute('aria-label')).toMatch(/1 issue: .*roleId/);
    expect(nodeEl('greet').querySelector('.gf-editor-node-issues')).toBeNull();
  });

  it('use channel, role and member names when the guild data has them', () => {
    const names = namesFrom({
      channels: [{ id: '101', name: 'welcome' }],
      roles: [{ id: '201', name: 'Newcomer' }],
      members: [{ id: '301', username: 'ada', displayName: 'Ada' }],
    });
    expect(
      summarize(
        'discord.sendMessage',
        { channelId: '101', content: 'Welcome {{ trigger.member.mention }}, glad you are here!' },
        names,
      ),
    ).toBe('Send "Welcome {{…}}, glad you are…" to #welcome');
    expect(summarize('discord.addRole', { userId: '301', roleId: '201' }, names)).toBe(
      'Give @Newcomer to @Ada',
    );
    expect(summarize('discord.sendMessage', { userId: '301', content: 'Hi' }, names)).toBe(
      'DM "Hi" to @Ada',
    );
    expect(
      summarize('trigger.schedule', { cron: '0 9 * * 1', timezone: 'Europe/Paris' }, names),
    ).toBe('Cron 0 9 * * 1 (Europe/Paris)');
    expect(summarize('trigger.memberUpdated', { change: 'screening' }, names)).toBe(
      'Rules accepted',
    );
    expect(
      summarize('flow.waitFor', { event: 'button', roleId: '201', timeout: '1h' }, names),
    ).toBe('For a button by @Newcomer (up to 1h)');
    expect(summarize('data.top', { key: 'leveling.xp', count: 5 }, names)).toBe(
      'Top 5 by "leveling.xp"',
    );
    expect(summarize('data.stats', { period: '7d', offset: '7d' }, names)).toBe(
      'Over 7d ending 7d ago',
    );
    expect(summarize('discord.readMessages', { channelId: '101', limit: 100 }, names)).toBe(
      'Read last 100 in #welcome',
    );
    // Unknown ids are shown as they are.
    expect(summarize('discord.removeRole', { userId: '999', roleId: '888' }, names)).toBe(
      'Take @888 from @999',
    );
  });

  it('draw names from the lookup the page provides', async () => {
    const doc = welcomeGraph();
    doc.nodes[1] = {
      ...doc.nodes[1]!,
      config: { channelId: '1300000000000000101', content: 'Hi' },
    };
    renderEditor(doc, {
      names: namesFrom({ channels: [{ id: '1300000000000000101', name: 'welcome' }] }),
    });
    await waitFor(() => expect(nodeEl('greet')).toBeTruthy());
    expect(nodeEl('greet').querySelector('.gf-editor-node-summary')?.textContent).toBe(
      'Send "Hi" to #welcome',
    );
  });

  it('far out, draw a block in the group colour with ports and issues, named for screen readers', async () => {
    const doc: GraphDocument = {
      schemaVersion: 1,
      name: 'far',
      vars: {},
      nodes: [node('start', 'trigger.manual'), node('check', 'flow.if', { condition: '' }, 300)],
      edges: [{ id: 'e1', source: 'start', target: 'check' }],
    };
    renderEditor(doc);
    await waitFor(() => expect(nodeEl('check')).toBeTruthy());
    const check = nodeEl('check');
    expect(check.querySelector('.gf-editor-node-title')?.textContent).toBe('If');
    // Zoomed out as far as a big graph fitted in view.
    for (let i = 0; i < 12; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom Out' }));
    await waitFor(() => expect(check.querySelector('.gf-editor-node-title')).toBeNull());
    expect(check.querySelector('.gf-editor-node')?.classList.contains('is-far')).toBe(true);
    expect(check.querySelector('.gf-editor-node-title')).toBeNull();
    expect(check.querySelector('svg.lucide')).toBeNull();
    expect(check.getAttribute('aria-label')).toBe('If (check)');
    expect(portsOf('check').map(([port]) => port)).toEqual(['true', 'false']);
    await waitFor(() =>
      expect(check.querySelector('.gf-editor-node-issues')?.getAttribute('aria-label')).toMatch(
        /^1 issue/,
      ),
    );
  });
});
