/**
 * The Discord sandbox as the builder shows it (TanStack Query): its guilds with channels, roles
 * and members, a channel's messages as a transcript, and injecting events as a member would
 * cause them (`POST /api/sandbox/events`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { components } from '../api/openapi.js';

type Schemas = components['schemas'];
export type Sandbox = Schemas['Sandbox'];
export type SandboxGuild = Sandbox['guilds'][number];
export type SandboxEvent = Schemas['SandboxEvent'];
/** A message as the sandbox recorded it (Discord's embeds and components, reactions by user). */
export type TranscriptMessage = Schemas['SandboxMessageList'][number] & {
  authorIsBot?: boolean;
  replyToMessageId?: string | null;
  editedAt?: string | null;
  reactions?: { emoji: string; userIds: string[] }[];
};

const keys = {
  sandbox: ['sandbox'] as const,
  messages: (guildId: string, channelId: string) =>
    ['sandbox', 'messages', guildId, channelId] as const,
};

/** The sandbox's guilds; members change as events come, so it is read again every 2 s. */
export function useSandbox() {
  return useQuery({
    queryKey: keys.sandbox,
    queryFn: () => call(api.GET('/api/sandbox')),
    refetchInterval: 2_000,
  });
}

/** One channel's messages from everyone, in order, read again every second (new ones appear). */
export function useTranscript(guildId: string, channelId: string) {
  return useQuery({
    queryKey: keys.messages(guildId, channelId),
    queryFn: async () =>
      (await call(
        api.GET('/api/sandbox/messages', {
          params: { query: { guildId, channelId, authors: 'all' } },
        }),
      )) as TranscriptMessage[],
    enabled: guildId !== '' && channelId !== '',
    refetchInterval: 1_000,
  });
}

/** Injects one event into the sandbox, as the member named in it; the views refresh after it. */
export function useSandboxEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (event: SandboxEvent) => call(api.POST('/api/sandbox/events', { body: event })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.sandbox }),
  });
}

export type SandboxCommand = Schemas['SandboxCommandList'][number];

/** The slash commands the bot registered in a sandbox guild (published command graphs). */
export function useSandboxCommands(guildId: string) {
  return useQuery({
    queryKey: ['sandbox', 'commands', guildId],
    queryFn: () => call(api.GET('/api/sandbox/commands', { params: { query: { guildId } } })),
    staleTime: 5_000,
  });
}
