import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { storedToken } from '../api/client.js';
import { readGraphAhead } from '../api/graph-reads.js';
import { catalogQuery, guildDiscordQuery, guildsQuery, sessionQuery } from '../api/queries.js';

/** The editor's own chunk (canvas, forms, code editor): loaded when a graph is opened. */
export const loadEditorPage = () => import('../editor/editor-page.js');

/**
 * The signed-in pages' loader: starts reading who is signed in and their servers while the
 * page's code loads, instead of after it (the frame needs both). Answers at once.
 */
export function startSignedInPage(client: QueryClient) {
  return (): null => {
    if (storedToken()) {
      void client.prefetchQuery(sessionQuery());
      void client.prefetchQuery(guildsQuery);
    }
    return null;
  };
}

/**
 * The editor route's loader: starts everything an opening waits for at once — the editor's
 * code, the graph, the catalog and the server's names — instead of one after the other (sign-in
 * check, then the code, then the reads). Answers at once; the page shows its own loading state.
 */
export function startEditorOpening(client: QueryClient) {
  return ({ params }: LoaderFunctionArgs): null => {
    const { guildId = '', graphId = '' } = params;
    void loadEditorPage().catch(() => undefined); // the route's `lazy` reports a failure
    if (storedToken()) {
      readGraphAhead(guildId, graphId);
      void client.prefetchQuery(catalogQuery);
      void client.prefetchQuery(guildDiscordQuery(guildId));
    }
    return null;
  };
}
