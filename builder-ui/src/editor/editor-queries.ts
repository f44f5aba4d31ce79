import type { CatalogJson, GraphDocument, ValidationIssue } from '@guildflow/engine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, call } from '../api/client.js';

/** The graph resource as the editor uses it (the draft typed with the core's types). */
export interface GraphResource {
  id: string;
  guildId: string;
  name: string;
  enabled: boolean;
  draft: GraphDocument;
  issues: ValidationIssue[];
  publishedVersion: number | null;
  /** Sent back as `If-Match: "<revision>"` when saving. */
  revision: number;
}

/** Not worth retrying: the answer will not change by asking again. */
function retryable(failures: number, error: Error): boolean {
  return failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

export const graphQueryKey = (guildId: string, graphId: string) =>
  ['graph', guildId, graphId] as const;

/**
 * One graph (`GET /api/guilds/:guildId/graphs/:graphId`). Loaded once per opening: the editor
 * owns the draft from then on, so it is never refetched behind its back.
 */
export function useGraphResource(guildId: string, graphId: string) {
  return useQuery({
    queryKey: graphQueryKey(guildId, graphId),
    queryFn: async (): Promise<GraphResource> => {
      const resource = await call(
        api.GET('/api/guilds/{guildId}/graphs/{graphId}', {
          params: { path: { guildId, graphId } },
        }),
      );
      return resource as unknown as GraphResource;
    },
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: retryable,
  });
}

/** The node catalog (`GET /api/catalog`): the same for every graph, kept for the session. */
export function useCatalog() {
  return useQuery({
    queryKey: ['catalog'],
    queryFn: async (): Promise<CatalogJson> =>
      (await call(api.GET('/api/catalog'))) as unknown as CatalogJson,
    staleTime: Infinity,
    retry: retryable,
  });
}
