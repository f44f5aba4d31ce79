import type { RouterEvent, RouterEventKind } from '@guildflow/engine/core';
import {
  MessageType,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type GuildMember,
  type Message,
  type MessageReaction,
  type PartialGuildMember,
  type PartialMessageReaction,
  type PartialUser,
  type User,
} from 'discord.js';
import { eventMember, guildMember, memberUpdatedEvent } from './translate-members.js';

/**
 * discord.js objects → router events. Ids of events Discord gives no id to are built from
 * fields a redelivery repeats (a member's join time, the reacting user and emoji), so the same
 * gateway event always names the same run.
 */

/** The router event of one kind. */
type EventOfKind<K extends RouterEventKind> = Extract<RouterEvent, { kind: K }>;

/**
 * One translation per router event kind (undefined: the Discord event is not routed, e.g. a DM):
 * a trigger declaring a new event kind makes this incomplete until its translation is added.
 */
type Translations = {
  readonly [K in RouterEventKind]: (...discord: never[]) => EventOfKind<K> | undefined;
};

/** A member joined. */
function memberJoinedEvent(member: GuildMember): EventOfKind<'memberJoined'> {
  return {
    kind: 'memberJoined',
    eventId: `join_${member.guild.id}_${member.id}_${member.joinedTimestamp ?? 0}`,
    guildId: member.guild.id,
    member: guildMember(member),
    guild: { id: member.guild.id, name: member.guild.name, memberCount: member.guild.memberCount },
  };
}

/** A member left (the member may be partial when it was not cached). */
function memberLeftEvent(member: GuildMember | PartialGuildMember): EventOfKind<'memberLeft'> {
  return {
    kind: 'memberLeft',
    eventId: `leave_${member.guild.id}_${member.id}_${member.joinedTimestamp ?? Date.now()}`,
    guildId: member.guild.id,
    member: guildMember(member),
    guild: { id: member.guild.id, name: member.guild.name, memberCount: member.guild.memberCount },
  };
}

/** A guild message, or undefined for DMs and system messages. */
function messageCreatedEvent(message: Message): EventOfKind<'messageCreated'> | undefined {
  if (!message.inGuild()) return undefined;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return undefined;
  return {
    kind: 'messageCreated',
    eventId: message.id,
    guildId: message.guildId,
    message: { id: message.id, channelId: message.channelId, content: message.content },
    author: {
      ...eventMember(message.guildId, message.author, message.member),
      bot: message.author.bot,
    },
    replyTo: message.type === MessageType.Reply ? message.reference?.messageId : undefined,
  };
}

/** What reaction events carry, or undefined outside guilds. */
function reactionFields(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  botUserId: string | undefined,
) {
  const guildId = reaction.message.guildId;
  if (!guildId) return undefined;
  const emoji = reaction.emoji.id
    ? `${reaction.emoji.name ?? '_'}:${reaction.emoji.id}`
    : (reaction.emoji.name ?? '');
  return {
    guildId,
    // discord.js cached the member the gateway event carries (guild reactions carry one).
    user: {
      ...eventMember(guildId, user, reaction.message.guild?.members.cache.get(user.id)),
      bot: user.bot === true || user.id === botUserId,
    },
    channelId: reaction.message.channelId,
    messageId: reaction.message.id,
    emoji,
  };
}

/** A reaction on a guild message, or undefined outside guilds. */
function reactionAddedEvent(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  botUserId: string | undefined,
): EventOfKind<'reactionAdded'> | undefined {
  const fields = reactionFields(reaction, user, botUserId);
  if (!fields) return undefined;
  const eventId = `react_${fields.messageId}_${user.id}_${fields.emoji}`;
  return { kind: 'reactionAdded', eventId, ...fields };
}

/** A reaction removed from a guild message, or undefined outside guilds. */
function reactionRemovedEvent(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  botUserId: string | undefined,
): EventOfKind<'reactionRemoved'> | undefined {
  const fields = reactionFields(reaction, user, botUserId);
  if (!fields) return undefined;
  const eventId = `unreact_${fields.messageId}_${user.id}_${fields.emoji}`;
  return { kind: 'reactionRemoved', eventId, ...fields };
}

/** A button click in a guild. */
function buttonClickedEvent(
  interaction: ButtonInteraction<'cached' | 'raw'>,
): EventOfKind<'buttonClicked'> {
  return {
    kind: 'buttonClicked',
    eventId: interaction.id,
    guildId: interaction.guildId,
    user: eventMember(interaction.guildId, interaction.user, interaction.member),
    channelId: interaction.channelId,
    messageId: interaction.message.id,
    customId: interaction.customId,
    interaction: { id: interaction.id, token: interaction.token },
  };
}

/** A slash command in a guild, with its option values by name (ids for entities). */
function slashCommandEvent(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
): EventOfKind<'slashCommand'> {
  const options: Record<string, unknown> = {};
  for (const option of interaction.options.data) options[option.name] = option.value;
  return {
    kind: 'slashCommand',
    eventId: interaction.id,
    guildId: interaction.guildId,
    user: eventMember(interaction.guildId, interaction.user, interaction.member),
    channelId: interaction.channelId,
    command: interaction.commandName,
    options,
    interaction: { id: interaction.id, token: interaction.token },
  };
}

/** The translation of each router event kind, by kind. */
export const TRANSLATE = {
  memberJoined: memberJoinedEvent,
  memberLeft: memberLeftEvent,
  memberUpdated: memberUpdatedEvent,
  messageCreated: messageCreatedEvent,
  reactionAdded: reactionAddedEvent,
  reactionRemoved: reactionRemovedEvent,
  buttonClicked: buttonClickedEvent,
  slashCommand: slashCommandEvent,
} as const satisfies Translations;
