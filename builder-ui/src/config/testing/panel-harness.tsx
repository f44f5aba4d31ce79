import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import { validateGraph, type GraphDocument } from '@guildflow/engine/core';
import { useState } from 'react';
import { afterEach, vi } from 'vitest';
import { ConfigPanel } from '../config-panel.js';
import { queryKeys } from '../../api/queries.js';
import type { GuildDiscord } from '../guild-discord.js';
import { guildGraphsKey } from '../fields/graph-picker.js';
import { SANDBOX_GUILD } from './fixtures.js';

export { SANDBOX_GUILD, chain } from './fixtures.js';

// Vitest runs without globals, so Testing Library cannot unmount between tests by itself.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/**
 * Renders the panel the way the editor uses it: the draft is state, every onChange replaces
 * the node's config and re-validates with validateGraph (so issues follow edits).
 */
export function renderPanel(options: {
  doc: GraphDocument;
  nodeId: string;
  guild?: GuildDiscord | 'loading' | 'error';
  /** The guild's graphs, for the graph picker. */
  graphs?: { id: string; name: string; enabled: boolean }[];
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
    client.setQueryData(queryKeys.guildDiscord(guildId), options.guild ?? SANDBOX_GUILD);
    client.setQueryDefaults(queryKeys.guildDiscord(guildId), { staleTime: Infinity });
  }
  client.setQueryData(guildGraphsKey(guildId), { graphs: options.graphs ?? [] });
  client.setQueryDefaults(guildGraphsKey(guildId), { staleTime: Infinity });
  const configs: Record<string, unknown>[] = [];
  let current = options.doc;
  let replace: (doc: GraphDocument) => void = () => {};
  function Harness() {
    const [doc, setDoc] = useState(options.doc);
    replace = (next) => {
      current = next;
      setDoc(next);
    };
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
    /** Changes the node's config from outside the panel (an undo, another tab's save). */
    setConfig: (config: Record<string, unknown>) =>
      act(() =>
        replace({
          ...current,
          nodes: current.nodes.map((n) => (n.id === options.nodeId ? { ...n, config } : n)),
        }),
      ),
  };
}
