import type { GraphDocument } from '@guildflow/engine/core';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_ENTRIES, welcomeGraph } from '../testing/editor-fixtures.js';
import { renderEditor } from '../testing/render-editor.js';
import { NODE_DRAG_TYPE } from './canvas.js';
import { searchPalette } from './palette-items.js';

afterEach(cleanup);

const empty = (): GraphDocument => ({
  schemaVersion: 1,
  name: 'Empty',
  nodes: [],
  edges: [],
  vars: {},
});
const paletteItem = (type: string) =>
  document.querySelector(`.gf-editor-palette-item[data-type="${type}"]`) as HTMLButtonElement;
const titles = (query: string) =>
  searchPalette(CATALOG_ENTRIES, query).flatMap((g) => g.entries.map((e) => e.title));

describe('palette search', () => {
  it('groups the whole catalog into triggers, Discord, flow, data and other, in that order', () => {
    const groups = searchPalette(CATALOG_ENTRIES, '');
    expect(groups.map((g) => g.section)).toEqual(['Triggers', 'Discord', 'Flow', 'Data', 'Other']);
    expect(groups.flatMap((g) => g.entries)).toHaveLength(CATALOG_ENTRIES.length);
    expect(groups.find((g) => g.section === 'Other')?.entries.map((e) => e.type)).toContain(
      'http.request',
    );
  });

  it('finds nodes by title, by type id and by description', () => {
    expect(titles('add role')[0]).toBe('Add role');
    expect(titles('discord.timeoutMember')).toEqual(['Time out member']);
    // "thread" appears only in descriptions.
    expect(titles('thread')).toEqual(['Read messages', 'Create channel', 'Archive channel']);
    expect(titles('no such node at all')).toEqual([]);
  });
});

describe('palette', () => {
  it('adds a node with Enter in the search box, and by click', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(empty());
    const search = screen.getByRole('searchbox', { name: 'Search nodes' });
    await user.type(search, 'member joined{Enter}');
    expect(store.getState().doc.nodes.map((n) => n.type)).toEqual(['trigger.memberJoined']);
    act(() => store.getState().select([]));
    await user.clear(search);
    await user.click(screen.getByRole('button', { name: /Time out member/ }));
    expect(store.getState().doc.nodes.map((n) => n.type)).toEqual([
      'trigger.memberJoined',
      'discord.timeoutMember',
    ]);
  });

  it('offers no second trigger once the graph has one', async () => {
    renderEditor(welcomeGraph());
    const triggers = screen.getByRole('region', { name: 'Triggers' });
    for (const button of within(triggers).getAllByRole('button'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(
      within(triggers)
        .getByRole('button', { name: /Schedule/ })
        .getAttribute('title'),
    ).toMatch(/already has a trigger/);
  });

  it('adds a node after the selected one, connected', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(welcomeGraph());
    act(() => store.getState().select(['role']));
    expect(screen.getByText(/Adds after role, connected/)).toBeTruthy();
    await user.click(paletteItem('flow.delay'));
    const { doc } = store.getState();
    expect(doc.nodes.at(-1)).toMatchObject({ id: 'delay_1', type: 'flow.delay' });
    expect(doc.edges.at(-1)).toMatchObject({
      source: 'role',
      sourceHandle: 'out',
      target: 'delay_1',
    });
    expect([...store.getState().selectedNodes]).toEqual(['delay_1']);
  });

  it('drops a dragged entry onto the canvas', () => {
    const { store, container } = renderEditor(empty());
    const item = paletteItem('discord.sendMessage');
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (k: string, v: string) => data.set(k, v),
      getData: (k: string) => data.get(k) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    fireEvent.dragStart(item, { dataTransfer });
    expect(data.get(NODE_DRAG_TYPE)).toBe('discord.sendMessage');
    const pane = container.querySelector('.react-flow') as HTMLElement;
    fireEvent.dragOver(pane, { dataTransfer, clientX: 400, clientY: 300 });
    fireEvent.drop(pane, { dataTransfer, clientX: 400, clientY: 300 });
    expect(store.getState().doc.nodes).toMatchObject([
      { id: 'sendMessage_1', type: 'discord.sendMessage', config: {} },
    ]);
  });
});
