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
import { useEffect, useState } from 'react';
import { api, call } from './client.js';
import { followRun } from './run-events.js';
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
 * One run node by node, live: while it runs, its steps come from the service's run events as
 * they change (within about a second); where the stream cannot be followed, it is read again
 * every 1.5 s instead.
 */
export function useRun(guildId: string, runId: string) {
  const client = useQueryClient();
  const [streamFailed, setStreamFailed] = useState(false);
  const query = useQuery({
    queryKey: runKeys.one(guildId, runId),
    queryFn: () =>
      call(api.GET('/api/guilds/{guildId}/runs/{runId}', { params: { path: { guildId, runId } } })),
    refetchInterval: (q) => (q.state.data?.status === 'running' && streamFailed ? 1_500 : false),
  });
  const running = query.data?.status === 'running';
  useEffect(() => {
    if (!running || streamFailed) return;
    const key = runKeys.one(guildId, runId);
    const controller = new AbortController();
    followRun(
      guildId,
      runId,
      (event) => {
        if (event.type === 'run') client.setQueryData(key, event.data);
        else if (event.type === 'step')
          client.setQueryData<RunDetail>(key, (old) =>
            old ? { ...old, steps: event.data.steps, droppedSteps: event.data.droppedSteps } : old,
          );
        // The end: read the run once more for its closing status and error.
        else void client.invalidateQueries({ queryKey: key });
      },
      controller.signal,
    ).catch(() => {
      if (!controller.signal.aborted) setStreamFailed(true);
    });
    return () => controller.abort();
  }, [client, guildId, runId, running, streamFailed]);
  return query;
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

/** Starts a run again with what it was started with (version or draft snapshot, payload, options). */
export function useRerun(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) =>
      call(
        api.POST('/api/guilds/{guildId}/runs/{runId}/rerun', {
          params: { path: { guildId, runId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: runKeys.all(guildId) }),
  });
}
