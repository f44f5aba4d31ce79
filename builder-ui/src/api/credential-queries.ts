/**
 * A guild's credentials (TanStack Query): the list (names, types, dates — never values), adding
 * one and deleting one. Values are write-only: nothing here ever reads one back.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];
export type Credential = Schemas['Credential'];
export type CredentialBody = Schemas['CredentialBody'];
export type CredentialType = Credential['type'];

/** Under the guild's key, so a change that refreshes a whole guild refreshes these too. */
export const credentialsKey = (guildId: string) => ['guilds', guildId, 'credentials'] as const;

/** The guild's credentials by name. */
export function useCredentials(guildId: string) {
  return useQuery({
    queryKey: credentialsKey(guildId),
    queryFn: async () =>
      (await call(api.GET('/api/guilds/{guildId}/credentials', { params: { path: { guildId } } })))
        .credentials,
  });
}

/** Stores a credential; answers its name, type and date (never the value). */
export function useCreateCredential(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CredentialBody) =>
      call(api.POST('/api/guilds/{guildId}/credentials', { params: { path: { guildId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: credentialsKey(guildId) }),
  });
}

/** Deletes a credential by name (graphs naming it fail at that step until one is added again). */
export function useDeleteCredential(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      call(
        api.DELETE('/api/guilds/{guildId}/credentials/{name}', {
          params: { path: { guildId, name } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: credentialsKey(guildId) }),
  });
}
