import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { validateGraph, type GraphDocument, type GraphNode } from '@guildflow/engine/core';
import { useState } from 'react';
import { afterEach, vi } from 'vitest';
import { ConfigPanel } from '../config-panel.js';
import { guildDiscordKey, type GuildDiscord } from '../guild-discord.js';

// Vitest runs without globals, so Testing Library cannot unmount between tests by itself.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

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

/**
 * Renders the panel the way the editor uses it: the draft is state, every onChange replaces
 * the node's config and re-validates with validateGraph (so issues follow edits).
 */
export function renderPanel(options: {
  doc: GraphDocument;
  nodeId: string;
  guild?: GuildDiscord | 'loading' | 'error';
  focusPath?: string;
}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const guildId = SANDBOX_GUILD.guild.id;
  if (options.guild === 'error') {
    // The service answers as it does when Discord cannot be reached.
    vi.stubGlobal('fetch', async () =>
      Response.json(
        {
          error: {
            code: 'discord_unavailable',
            message: 'Discord did not answer; try again in a minute.',
          },
        },
        { status: 503 },
      ),
    );
  } else if (options.guild === 'loading') {
    vi.stubGlobal('fetch', () => new Promise(() => {}));
  } else {
    client.setQueryData(guildDiscordKey(guildId), options.guild ?? SANDBOX_GUILD);
    client.setQueryDefaults(guildDiscordKey(guildId), { staleTime: Infinity });
  }
  const configs: Record<string, unknown>[] = [];
  let current = options.doc;
  function Harness() {
    const [doc, setDoc] = useState(options.doc);
    const issues = validateGraph(doc).filter((i) => i.nodeId === options.nodeId);
    return (
      <ConfigPanel
        guildId={guildId}
        document={doc}
        nodeId={options.nodeId}
        issues={issues}
        focusPath={options.focusPath}
        onChange={(config) => {
          configs.push(config);
          const next = {
            ...doc,
            nodes: doc.nodes.map((n) => (n.id === options.nodeId ? { ...n, config } : n)),
          };
          current = next;
          setDoc(next);
        }}
      />
    );
  }
  const result = render(
    <QueryClientProvider client={client}>
      <Harness />
    </QueryClientProvider>,
  );
  return {
    ...result,
    /** Every config the panel reported, in order. */
    configs,
    /** The node's config now. */
    config: () => current.nodes.find((n) => n.id === options.nodeId)?.config,
  };
}
