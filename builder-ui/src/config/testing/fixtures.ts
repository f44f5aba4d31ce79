import type { GraphDocument, GraphNode } from '@guildflow/engine/core';
import type { GuildDiscord } from '../guild-discord.js';

/** The sandbox guild as `GET /api/guilds/:guildId/discord` answers for it (ids from the seed). */
export const SANDBOX_GUILD: GuildDiscord = {
  guild: { id: '1300000000000000000', name: 'Guildflow Sandbox' },
  channels: [
    { id: '1300000000000000100', name: 'general', type: 0, parentId: null },
    { id: '1300000000000000101', name: 'welcome', type: 0, parentId: null },
    { id: '1300000000000000102', name: 'mod-log', type: 0, parentId: null },
    { id: '1300000000000000103', name: 'giveaways', type: 0, parentId: null },
    { id: '1300000000000000150', name: 'Support', type: 4, parentId: null },
  ],
  roles: [
    {
      id: '1300000000000000000',
      name: '@everyone',
      color: 0,
      position: 0,
      managed: false,
      mentionable: false,
    },
    {
      id: '1300000000000000201',
      name: 'Newcomer',
      color: 0x57f287,
      position: 1,
      managed: false,
      mentionable: false,
    },
    {
      id: '1300000000000000202',
      name: 'Member',
      color: 0x3498db,
      position: 2,
      managed: false,
      mentionable: false,
    },
    {
      id: '1300000000000000203',
      name: 'Guildflow',
      color: 0,
      position: 3,
      managed: true,
      mentionable: false,
    },
    {
      id: '1300000000000000204',
      name: 'Moderator',
      color: 0xe67e22,
      position: 4,
      managed: false,
      mentionable: true,
    },
  ],
  members: [
    { id: '1300000000000000301', username: 'alice', displayName: 'Alice' },
    { id: '1300000000000000303', username: 'carol', displayName: 'Carol' },
  ],
};

/** A one-trigger graph document around the nodes given (edges: a chain in order). */
export function chain(
  nodes: Omit<GraphNode, 'position'>[],
  vars: Record<string, unknown> = {},
): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'Test graph',
    nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 260, y: 0 } })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: n.id })),
    vars,
  };
}
