import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { GraphWrites } from '../api/graph-writes.js';
import { queryKeys } from '../api/queries.js';
import type { EditorStore } from './editor-store.js';
import { createGraphActions, type GraphActions } from './publishing/graph-actions.js';
import { createTestRun, type TestRun } from './test-run/test-run-store.js';
import { createDraftSaver, type DraftSaver } from './saving/draft-saver.js';

/** An open graph's link to the service: its autosave and its publish/version actions. */
export interface GraphSession {
  saver: DraftSaver;
  actions: GraphActions;
  writes: GraphWrites;
  /** Test runs of the draft in the sandbox, shown on the canvas as they go. */
  testRun: TestRun;
}

/**
 * The session of an open graph (one per editor, like its store). After each write the graph
 * list (and, after publish, on/off and rollback, the version history) of `client` refresh.
 */
export function createGraphSession(options: {
  store: EditorStore;
  writes: GraphWrites;
  client: QueryClient;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
}): GraphSession {
  const { client } = options;
  const saver = createDraftSaver({
    ...options,
    onWritten: (graph, kind) => {
      void client.invalidateQueries({ queryKey: queryKeys.graphs(graph.guildId), exact: true });
      if (kind !== 'save')
        void client.invalidateQueries({
          queryKey: queryKeys.versions(graph.guildId, graph.id),
          exact: true,
        });
    },
  });
  const actions = createGraphActions({ store: options.store, saver, writes: options.writes });
  const { guildId, graphId } = options.store.getState();
  const testRun = createTestRun({ guildId, graphId, saver });
  return { saver, actions, writes: options.writes, testRun };
}

export const GraphSessionContext = createContext<GraphSession | null>(null);

/** The open graph's session (inside the editor). */
export function useGraphSession(): GraphSession {
  const session = useContext(GraphSessionContext);
  if (!session) throw new Error('useGraphSession must be used inside an editor.');
  return session;
}
