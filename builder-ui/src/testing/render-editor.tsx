import type { GraphDocument } from '@guildflow/engine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { graphWrites } from '../api/graph-writes.js';
import { Editor } from '../editor/editor.js';
import { createEditorStore, type EditorStore } from '../editor/editor-store.js';
import { createGraphSession, type GraphSession } from '../editor/graph-session.js';
import { NO_NAMES, NamesContext, type NameLookup } from '../editor/names.js';
import { queryKeys } from '../api/queries.js';
import { SANDBOX_GUILD } from '../config/testing/fixtures.js';
import { CATALOG_ENTRIES } from './editor-fixtures.js';
import { installFakeGraphApi } from './fake-graph-api.js';
import { mockReactFlow } from './react-flow-mocks.js';

/**
 * Opens the editor on a document in jsdom (React Flow mocked as its docs prescribe), saving to
 * an in-memory double of the service's graph routes (`api`).
 */
export function renderEditor(
  doc: GraphDocument,
  options: {
    graphId?: string;
    names?: NameLookup;
    /** Autosave delay and retry waits (short ones keep tests quick). */
    saveDelayMs?: number;
    retryDelaysMs?: readonly number[];
  } = {},
) {
  mockReactFlow();
  // jsdom has no scrolling; cmdk scrolls the active command into view.
  if (typeof Element.prototype.scrollIntoView !== 'function')
    Element.prototype.scrollIntoView = () => {};
  const graphId = options.graphId ?? 'graph1';
  const api = installFakeGraphApi({ guildId: 'g1', graphId, doc, revision: 1 });
  const store: EditorStore = createEditorStore({ guildId: 'g1', graphId, doc, revision: 1 });
  // The side panel's pickers read the guild's data: seeded, so nothing is fetched.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(queryKeys.guildDiscord('g1'), SANDBOX_GUILD);
  client.setQueryDefaults(queryKeys.guildDiscord('g1'), { staleTime: Infinity });
  const session: GraphSession = createGraphSession({
    store,
    writes: graphWrites('g1', graphId),
    client,
    ...(options.saveDelayMs === undefined ? {} : { delayMs: options.saveDelayMs }),
    ...(options.retryDelaysMs === undefined ? {} : { retryDelaysMs: options.retryDelaysMs }),
  });
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <NamesContext.Provider value={options.names ?? NO_NAMES}>
          <Editor
            store={store}
            session={session}
            entries={CATALOG_ENTRIES}
            backTo="/guilds/g1/graphs"
          />
        </NamesContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { store, session, api, client, ...view };
}

/** A copy, cut or paste event carrying text, as the browser sends on Ctrl+C / Ctrl+V. */
export function clipboardEvent(type: 'copy' | 'cut' | 'paste', text = '') {
  const data = new Map<string, string>([['text/plain', text]]);
  const event = new Event(type, { bubbles: true, cancelable: true }) as ClipboardEvent;
  Object.defineProperty(event, 'clipboardData', {
    value: {
      getData: (kind: string) => data.get(kind) ?? '',
      setData: (kind: string, value: string) => data.set(kind, value),
    },
  });
  return { event, data };
}
