/**
 * The runs of a guild (TanStack Query): the list with its filters, one run node by node, and
 * cancelling one. Keys start with `['guilds', guildId, 'runs']`, so a change of a guild
 * refreshes them with the rest.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, call } from './client.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];
export type RunSummary = Schemas['RunSummary'];
export type RunDetail = Schemas['RunDetail'];
export type Step = Schemas['Step'];

/** What the run list shows: one graph's runs or all, one status or all, pages of `limit`. */
export interface RunFilter {
  graphId?: string | undefined;
  status?: RunSummary['status'] | undefined;
  limit: number;
}

export const runKeys = {
  all: (guildId: string) => ['guilds', guildId, 'runs'] as const,
  list: (guildId: string, filter: RunFilter) =>
    ['guilds', guildId, 'runs', 'list', filter] as const,
  one: (guildId: string, runId: string) => ['guilds', guildId, 'runs', 'one', runId] as const,
};

/**
 * A guild's runs, newest first, a page at a time (`fetchNextPage` follows the API's cursor);
 * looked at again while any shown is running.
 */
export function useRuns(guildId: string, filter: RunFilter) {
  return useInfiniteQuery({
    queryKey: runKeys.list(guildId, filter),
    queryFn: async ({ pageParam }) => {
      const query = {
        limit: filter.limit,
        ...(filter.graphId ? { graphId: filter.graphId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      return call(api.GET('/api/guilds/{guildId}/runs', { params: { path: { guildId }, query } }));
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A new filter keeps the rows on screen until its answer comes.
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.runs.some((run) => run.status === 'running'))
        ? 5_000
        : false,
  });
}

/**
 * One run node by node. While it runs it is read again every second and a half (what the run
 * page shows; the editor's live overlay will subscribe to the service's run events instead).
 */
export function useRun(guildId: string, runId: string) {
  return useQuery({
    queryKey: runKeys.one(guildId, runId),
    queryFn: () =>
      call(api.GET('/api/guilds/{guildId}/runs/{runId}', { params: { path: { guildId, runId } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1_500 : false),
  });
}

/** Asks a running run to stop (it runs its cancellation and ends `cancelled`). */
export function useCancelRun(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) =>
      call(
        api.POST('/api/guilds/{guildId}/runs/{runId}/cancel', {
          params: { path: { guildId, runId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: runKeys.all(guildId) }),
  });
}
