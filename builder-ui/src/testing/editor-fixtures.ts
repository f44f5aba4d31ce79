import type { GraphDocument } from '@guildflow/engine/core';
import { catalogJson } from '@guildflow/engine/core';
import type { PaletteEntry } from '../editor/palette-items.js';

/** The catalog as `GET /api/catalog` serves it (the same core function builds both). */
export const CATALOG_ENTRIES: readonly PaletteEntry[] = catalogJson().nodes;

/** The design document's welcome graph: trigger → message → role. */
export function welcomeGraph(): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'Welcome new members',
    nodes: [
      { id: 'start', type: 'trigger.memberJoined', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'greet',
        type: 'discord.sendMessage',
        position: { x: 300, y: 0 },
        config: {
          channelId: '{{ vars.welcomeChannelId }}',
          content: 'Welcome {{ trigger.member.mention }}!',
        },
      },
      {
        id: 'role',
        type: 'discord.addRole',
        position: { x: 600, y: 0 },
        config: { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'out', target: 'greet' },
      { id: 'e2', source: 'greet', sourceHandle: 'out', target: 'role' },
    ],
    vars: { welcomeChannelId: '1300000000000000101', newcomerRoleId: '1300000000000000201' },
  };
}
