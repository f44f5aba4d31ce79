import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, call, storedToken } from '../api/client.js';

/** A channel of the guild (`type`: Discord's channel type, as a number or a name). */
export interface GuildChannel {
  id: string;
  name: string;
  type: number | string;
  parentId: string | null;
}

/** A role of the guild (`color`: 0xRRGGBB, 0 for none). */
export interface GuildRole {
  id: string;
  name: string;
  color: number;
  position: number;
  managed: boolean;
  mentionable: boolean;
}

/** A member of the guild. */
export interface GuildMember {
  id: string;
  username: string;
  displayName: string;
}

/** `GET /api/guilds/:guildId/discord`: what the pickers offer (the sandbox guild or a real one). */
export interface GuildDiscord {
  guild: { id: string; name: string };
  channels: GuildChannel[];
  roles: GuildRole[];
  members: GuildMember[];
}

/**
 * The query key of a guild's Discord data (tests and the template installer seed it with
 * `queryClient.setQueryData`).
 *
 * @example
 * queryClient.setQueryData(guildDiscordKey('1300000000000000000'), data);
 */
export const guildDiscordKey = (guildId: string) => ['guild-discord', guildId] as const;

async function fetchGuildDiscord(guildId: string): Promise<GuildDiscord> {
  // A plain request until the route is in docs/api/openapi.json (then: api.GET with `call`).
  const token = storedToken();
  const request = fetch(`/api/guilds/${encodeURIComponent(guildId)}/discord`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).then(async (response) => {
    const body: unknown = await response.json().catch(() => undefined);
    return response.ok ? { data: body as GuildDiscord, response } : { error: body, response };
  });
  return call<GuildDiscord>(request);
}

/**
 * The channels, roles and members of a guild, for the config pickers. Cached for a minute:
 * a server's channels change rarely, and the pickers still accept any id or expression.
 *
 * @example
 * const { data, isPending, error } = useGuildDiscord(guildId);
 */
export function useGuildDiscord(guildId: string): UseQueryResult<GuildDiscord, ApiError> {
  return useQuery<GuildDiscord, ApiError>({
    queryKey: guildDiscordKey(guildId),
    queryFn: () => fetchGuildDiscord(guildId),
    staleTime: 60_000,
    // One quick retry when the service or Discord stumbled; a refusal (403, 404) is final.
    retry: (count, error) => count < 1 && (error.status === 0 || error.status >= 500),
    retryDelay: 500,
  });
}

/** What the pickers read: the data, or why it is missing. */
export interface GuildDiscordState {
  data: GuildDiscord | undefined;
  loading: boolean;
  error: string | undefined;
}

const GuildDiscordContext = createContext<GuildDiscordState>({
  data: undefined,
  loading: false,
  error: undefined,
});

/** Provides the guild's data to the pickers below it (the config panel fills it from the hook). */
export const GuildDiscordProvider = GuildDiscordContext.Provider;

/** The guild data the pickers show. */
export function useGuildDiscordState(): GuildDiscordState {
  return useContext(GuildDiscordContext);
}

/** The kind of a channel, from Discord's numeric type or a name. */
export type ChannelKind = 'text' | 'voice' | 'category' | 'thread' | 'forum' | 'other';

const KIND_BY_NUMBER: Record<number, ChannelKind> = {
  0: 'text',
  5: 'text',
  2: 'voice',
  13: 'voice',
  4: 'category',
  10: 'thread',
  11: 'thread',
  12: 'thread',
  15: 'forum',
  16: 'forum',
};

/**
 * The kind of a channel.
 *
 * @example
 * channelKind({ type: 4 }); // 'category'
 * channelKind({ type: 'GUILD_TEXT' }); // 'text'
 */
export function channelKind(channel: Pick<GuildChannel, 'type'>): ChannelKind {
  if (typeof channel.type === 'number') return KIND_BY_NUMBER[channel.type] ?? 'other';
  const name = channel.type.toLowerCase();
  for (const kind of ['category', 'thread', 'forum', 'voice', 'text'] as const)
    if (name.includes(kind) || (kind === 'text' && name.includes('announcement'))) return kind;
  return 'other';
}
