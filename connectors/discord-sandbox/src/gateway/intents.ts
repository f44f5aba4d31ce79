/**
 * Gateway intent bits (Discord's values) used to decide which sessions receive an event.
 *
 * @example
 * session.intents & Intents.GuildMembers;
 */
export const Intents = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildModeration: 1 << 2,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  MessageContent: 1 << 15,
} as const;

/**
 * Intents above this are not defined by Discord; identifying with them closes with 4013.
 *
 * @example
 * if (intents > MAX_INTENTS) socket.close(4013, 'Invalid intent(s).');
 */
export const MAX_INTENTS = (1 << 26) - 1;
