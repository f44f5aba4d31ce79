/**
 * Pinned data of a graph (TanStack Query): node outputs test runs use instead of executing those
 * nodes (`…/graphs/:graphId/pins`). Real runs never use them — the engine enforces it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import type { components } from './openapi.js';

export type Pin = components['schemas']['Pin'];

const pinsKey = (guildId: string, graphId: string) =>
  ['guilds', guildId, 'graphs', graphId, 'pins'] as const;

/** The graph's pins, by node id. */
export function usePins(guildId: string, graphId: string) {
  return useQuery({
    queryKey: pinsKey(guildId, graphId),
    queryFn: async () => {
      const { pins } = await call(
        api.GET('/api/guilds/{guildId}/graphs/{graphId}/pins', {
          params: { path: { guildId, graphId } },
        }),
      );
      return new Map(pins.map((pin) => [pin.nodeId, pin]));
    },
    enabled: guildId !== '' && graphId !== '',
  });
}

/** Pins a node's output: copied from a run's step (`fromRun`), or typed. */
export function usePinNode(guildId: string, graphId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pin: { nodeId: string } & ({ fromRun: string } | { output: unknown })) => {
      const { nodeId, ...body } = pin;
      return call(
        api.PUT('/api/guilds/{guildId}/graphs/{graphId}/pins/{nodeId}', {
          params: { path: { guildId, graphId, nodeId } },
          body,
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: pinsKey(guildId, graphId) }),
  });
}

/** Unpins a node: test runs execute it again. */
export function useUnpinNode(guildId: string, graphId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (nodeId: string) =>
      call(
        api.DELETE('/api/guilds/{guildId}/graphs/{graphId}/pins/{nodeId}', {
          params: { path: { guildId, graphId, nodeId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: pinsKey(guildId, graphId) }),
  });
}
