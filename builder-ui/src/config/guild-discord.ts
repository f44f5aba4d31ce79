import { createContext, useContext } from 'react';
import type { GuildDiscord } from '../api/queries.js';

/** A guild's channels, roles and members (`GET /api/guilds/:guildId/discord`). */
export type { GuildDiscord } from '../api/queries.js';
/** A channel of the guild (`type`: Discord's channel type number). */
export type GuildChannel = GuildDiscord['channels'][number];
/** A role of the guild (`color`: 0xRRGGBB, 0 for none). */
export type GuildRole = GuildDiscord['roles'][number];
/** A member of the guild. */
export type GuildMember = GuildDiscord['members'][number];
export { useGuildDiscord } from '../api/queries.js';

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

/** The kind of a channel. */
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
 * The kind of a channel, from Discord's channel type.
 *
 * @example
 * channelKind({ type: 4 }); // 'category'
 */
export function channelKind(channel: Pick<GuildChannel, 'type'>): ChannelKind {
  return KIND_BY_NUMBER[channel.type] ?? 'other';
}
