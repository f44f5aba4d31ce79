/**
 * The events the trigger router understands, independent of discord.js: the gateway translates
 * what Discord sends into these, so the router (and its benchmark) needs no Discord client.
 */

/** A user as triggers output them. */
export interface EventUser {
  id: string;
  username: string;
  /** `<@id>`: pings the user when sent. */
  mention: string;
}

/** The interaction a slash command or button click came with (kept out of the payload). */
export interface EventInteraction {
  id: string;
  token: string;
}

interface Base {
  /**
   * Stable id of the Discord event (a snowflake, or built from stable fields when Discord gives
   * none): a redelivered event has the same id, so it starts nothing twice.
   */
  eventId: string;
  guildId: string;
}

/** A member joined (also drives `trigger.memberCountReached`). */
export interface MemberJoinedEvent extends Base {
  kind: 'memberJoined';
  member: EventUser;
  guild: { id: string; name: string; memberCount: number };
}

/** A member left. */
export interface MemberLeftEvent extends Base {
  kind: 'memberLeft';
  member: EventUser;
  guild: { id: string; name: string; memberCount: number };
}

/** A message was posted. */
export interface MessageCreatedEvent extends Base {
  kind: 'messageCreated';
  message: { id: string; channelId: string; content: string };
  author: EventUser & { bot: boolean };
  /** The message this one replies to, if any (routes to `flow.waitFor` event `reply`). */
  replyTo?: string | undefined;
}

/** A reaction was added to a message. */
export interface ReactionAddedEvent extends Base {
  kind: 'reactionAdded';
  user: EventUser & { bot: boolean };
  channelId: string;
  messageId: string;
  /** The unicode emoji, or `name:id` for a custom one. */
  emoji: string;
}

/** A button was clicked. */
export interface ButtonClickedEvent extends Base {
  kind: 'buttonClicked';
  user: EventUser;
  channelId: string;
  messageId: string;
  customId: string;
  interaction: EventInteraction;
}

/** A slash command was used. */
export interface SlashCommandEvent extends Base {
  kind: 'slashCommand';
  user: EventUser;
  channelId: string;
  command: string;
  options: Record<string, unknown>;
  interaction: EventInteraction;
}

/**
 * Any event the router routes.
 *
 * @example
 * const event: RouterEvent = { kind: 'memberLeft', eventId: 'leave:1', guildId, member, guild };
 */
export type RouterEvent =
  | MemberJoinedEvent
  | MemberLeftEvent
  | MessageCreatedEvent
  | ReactionAddedEvent
  | ButtonClickedEvent
  | SlashCommandEvent;

/**
 * The user reference triggers output for a Discord user.
 *
 * @example
 * userRef('1300…0303', 'carol'); // { id, username: 'carol', mention: '<@1300…0303>' }
 */
export function userRef(id: string, username: string): EventUser {
  return { id, username, mention: `<@${id}>` };
}
