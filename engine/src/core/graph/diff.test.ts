import { describe, expect, it } from 'vitest';
import { diffGraphs, hasChanges } from './diff.js';
import type { GraphDocument } from './schema.js';

const base: GraphDocument = {
  schemaVersion: 1,
  name: 'Welcome',
  nodes: [
    { id: 'start', type: 'trigger.memberJoined', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'greet',
      type: 'discord.sendMessage',
      position: { x: 260, y: 0 },
      config: { channelId: '1', content: 'Hi', buttons: [{ label: 'Rules', customId: 'rules' }] },
    },
    {
      id: 'role',
      type: 'discord.addRole',
      position: { x: 520, y: 0 },
      config: { userId: 'u', roleId: 'r' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'out', target: 'greet' },
    { id: 'e2', source: 'greet', sourceHandle: 'out', target: 'role' },
  ],
  vars: { channel: '1' },
};
const clone = (): GraphDocument => structuredClone(base);

describe('diffGraphs', () => {
  it('finds nothing between equal documents, and only a move when a node moved', () => {
    expect(hasChanges(diffGraphs(base, clone()))).toBe(false);
    const moved = clone();
    moved.nodes[1]!.position = { x: 300, y: 40 };
    const diff = diffGraphs(base, moved);
    expect(diff.nodes.changed).toEqual([{ id: 'greet', fields: [], moved: true }]);
    expect(hasChanges(diff)).toBe(false);
  });

  it('lists added, removed and changed nodes with the config fields that changed', () => {
    const after = clone();
    const greet = after.nodes[1]!;
    greet.config = {
      ...greet.config,
      content: 'Hello',
      buttons: [{ label: 'Read the rules', customId: 'rules' }],
    };
    after.nodes = after.nodes.filter((n) => n.id !== 'role');
    after.nodes.push({
      id: 'wait',
      type: 'flow.delay',
      position: { x: 520, y: 0 },
      config: { duration: '1d' },
    });
    after.edges = [
      after.edges[0]!,
      { id: 'e9', source: 'greet', sourceHandle: 'out', target: 'wait' },
    ];
    after.vars = { channel: '2', extra: true };
    after.name = 'Welcome v2';
    const diff = diffGraphs(base, after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['wait']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['role']);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'greet',
        fields: [
          { path: 'buttons[0].label', before: 'Rules', after: 'Read the rules' },
          { path: 'content', before: 'Hi', after: 'Hello' },
        ],
        moved: false,
      },
    ]);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['e9']);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(['e2']);
    expect(diff.graph).toEqual([
      { path: 'name', before: 'Welcome', after: 'Welcome v2' },
      { path: 'vars.channel', before: '1', after: '2' },
      { path: 'vars.extra', before: undefined, after: true },
    ]);
    expect(hasChanges(diff)).toBe(true);
  });

  it('compares edges by what they connect, not by id, and sees a changed node type', () => {
    const after = clone();
    after.edges = after.edges.map((e, i) => ({ ...e, id: `renamed${i}` }));
    after.nodes[2]!.type = 'discord.removeRole';
    const diff = diffGraphs(base, after);
    expect(diff.edges).toEqual({ added: [], removed: [] });
    expect(diff.nodes.changed).toEqual([
      {
        id: 'role',
        type: { before: 'discord.addRole', after: 'discord.removeRole' },
        fields: [],
        moved: false,
      },
    ]);
  });

  it('sees a label given, changed or taken away (what the canvas shows of the node)', () => {
    const after = clone();
    after.nodes[1]!.label = 'Welcome message';
    after.nodes[1]!.position = { x: 999, y: 0 };
    const diff = diffGraphs(base, after);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'greet',
        label: { before: undefined, after: 'Welcome message' },
        fields: [],
        moved: false,
      },
    ]);
    expect(hasChanges(diff)).toBe(true);
    const back = diffGraphs(after, base);
    expect(back.nodes.changed[0]?.label).toEqual({ before: 'Welcome message', after: undefined });
  });
});
