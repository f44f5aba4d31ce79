import { SANDBOX_EVENT_TYPES, type SandboxEvent } from '@guildflow/engine/core';
import type { Core } from '../core.js';
import { DiscordError } from '../errors.js';
import { joinGuild, removeFromGuild } from '../membership.js';
import { addReaction, createMessage, removeReaction } from '../messaging.js';
import { channelPermissions, Permissions } from '../permissions.js';
import { activeTimeout, apiMessage } from '../serialize.js';
import { snowflake } from '../snowflake.js';
import { ControlError, invalid } from './control-error.js';
import { injectMemberUpdate } from './member-update.js';
import {
  findChannel,
  findGuild,
  findMember,
  findMessage,
  object,
  optionalText,
  text,
} from './fields.js';
import {
  commandOptions,
  createInteraction,
  findButton,
  findCommand,
} from './interaction-events.js';

/**
 * Something a member does, as injected by tests or the builder's test runs: one body per
 * router event kind, declared with the events in the engine core (sandbox-events.ts).
 */
export type { SandboxEvent };

/** What an injection answers (fields depend on the event type). */
export interface InjectResult {
  userId?: string;
  messageId?: string;
  interactionId?: string;
  interactionToken?: string;
  commandId?: string;
  commandRegistered?: boolean;
  memberCount?: number;
  added?: boolean;
  removed?: boolean;
  /** memberUpdated: whether anything changed, and the member's roles and screening after it. */
  changed?: boolean;
  roles?: string[];
  pending?: boolean;
}

const TYPES: readonly string[] = SANDBOX_EVENT_TYPES;
const isEventType = (value: unknown): value is SandboxEvent['type'] =>
  typeof value === 'string' && TYPES.includes(value);

/**
 * Validates an event, applies it to the state and dispatches the gateway event(s) a real guild
 * would produce. Throws {@link ControlError} (400/404/409) for bodies that could not happen.
 */
export function injectEvent(core: Core, input: unknown): InjectResult {
  const body = object(input, 'The event');
  const type = body.type;
  if (!isEventType(type)) throw invalid(`type must be one of ${TYPES.join(', ')}.`);
  const guild = findGuild(core, text(body, 'guildId', 32));
  const { state } = core;

  if (type === 'memberJoined') {
    const user = object(body.user, 'user');
    const username = text(user, 'username', 32);
    const id = optionalText(user, 'id', 20);
    let record = id ? state.users.get(id) : undefined;
    if (id && !/^\d+$/.test(id)) throw invalid('user.id must be a snowflake.');
    if (record?.bot) throw invalid('Bots cannot be injected as joining members.');
    if (id && guild.members.get(id)?.present)
      throw new ControlError(409, 'already_member', `User ${id} is already a member.`);
    if (id && guild.bans.has(id))
      throw new ControlError(409, 'banned', `User ${id} is banned from guild ${guild.id}.`);
    if (!record) {
      record = {
        id: id ?? snowflake(),
        username,
        globalName: optionalText(user, 'globalName', 32) ?? null,
        bot: false,
      };
      state.users.set(record.id, record);
    }
    if (body.pending !== undefined && typeof body.pending !== 'boolean')
      throw invalid('pending must be a boolean.');
    joinGuild(core, guild, record, { pending: body.pending === true });
    return { userId: record.id, memberCount: state.presentMembers(guild).length };
  }

  if (type === 'memberLeft') {
    const member = findMember(guild, text(body, 'userId', 20));
    if (member.userId === state.botUserId) throw invalid('The bot cannot leave through an event.');
    removeFromGuild(core, guild, member, 'left');
    return { userId: member.userId, memberCount: state.presentMembers(guild).length };
  }

  if (type === 'memberUpdated') return injectMemberUpdate(core, guild, body);

  const channel = findChannel(core, guild, text(body, 'channelId', 20));
  const member = findMember(guild, text(body, 'userId', 20));
  if (member.userId === state.botUserId)
    throw invalid('Events come from members, not from the bot; use the REST API for the bot.');
  // Members can only do what Discord would let them: timed-out members only read, and every
  // action needs the channel permissions it needs on Discord.
  if (activeTimeout(member))
    throw new ControlError(403, 'timed_out', `User ${member.userId} is timed out.`);
  const can = (what: string, ...needed: bigint[]): void => {
    const have = channelPermissions(guild, channel, member.userId, (id) => state.channels.get(id));
    if (needed.some((p) => !(have & p)))
      throw new ControlError(
        403,
        'missing_permissions',
        `User ${member.userId} cannot ${what} in #${channel.name}.`,
      );
  };

  if (type === 'messageCreated') {
    if (typeof body.content !== 'string' || !body.content.trim())
      throw invalid('content must be a non-empty string.');
    if (body.content.length > 2000) throw invalid('content must be at most 2000 characters.');
    can(
      'send messages',
      Permissions.ViewChannel,
      channel.thread ? Permissions.SendMessagesInThreads : Permissions.SendMessages,
    );
    const replyTo = optionalText(body, 'replyToMessageId', 20);
    if (replyTo) findMessage(core, channel, replyTo);
    const message = createMessage(core, {
      channel,
      authorId: member.userId,
      content: body.content,
      messageReference: replyTo
        ? { message_id: replyTo, channel_id: channel.id, guild_id: guild.id }
        : null,
    });
    return { messageId: message.id };
  }

  if (type === 'reactionAdded') {
    const message = findMessage(core, channel, text(body, 'messageId', 20));
    const emoji = text(body, 'emoji', 64);
    can(
      'react',
      Permissions.ViewChannel,
      Permissions.ReadMessageHistory,
      ...(message.reactions.some((r) => r.emoji.name === emoji) ? [] : [Permissions.AddReactions]),
    );
    try {
      return { added: addReaction(core, message, member.userId, emoji) };
    } catch (error) {
      if (error instanceof DiscordError) throw invalid('emoji must be a Unicode emoji such as 🎉.');
      throw error;
    }
  }

  if (type === 'reactionRemoved') {
    const message = findMessage(core, channel, text(body, 'messageId', 20));
    const emoji = text(body, 'emoji', 64);
    can('remove reactions', Permissions.ViewChannel, Permissions.ReadMessageHistory);
    return { removed: removeReaction(core, message, member.userId, emoji) };
  }

  if (type === 'buttonClicked') {
    const message = findMessage(core, channel, text(body, 'messageId', 20));
    const customId = text(body, 'customId', 100);
    findButton(message, customId);
    can('click buttons', Permissions.ViewChannel);
    const interaction = createInteraction(core, {
      guild,
      channel,
      member,
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: apiMessage(state, message),
      component: { messageId: message.id, customId, componentType: 2 },
    });
    return { interactionId: interaction.id, interactionToken: interaction.token };
  }

  // Every event kind is handled above or here: a new kind is a compile error until it is.
  if (type !== 'slashCommand') return unhandled(type);
  const name = text(body, 'name', 32);
  can('use application commands', Permissions.ViewChannel, Permissions.UseApplicationCommands);
  const command = findCommand(core, guild.id, name);
  const { options, resolved } = commandOptions(core, guild, command, body.options);
  const commandId = command?.id ?? snowflake();
  const interaction = createInteraction(core, {
    guild,
    channel,
    member,
    type: 2,
    data: {
      id: commandId,
      name,
      type: 1,
      ...(options.length ? { options } : {}),
      ...(resolved ? { resolved } : {}),
      ...(command?.guildId ? { guild_id: command.guildId } : {}),
    },
    command: { id: commandId, name, registered: !!command, options },
  });
  return {
    interactionId: interaction.id,
    interactionToken: interaction.token,
    commandId,
    commandRegistered: !!command,
  };
}

function unhandled(type: never): never {
  throw invalid(`type ${String(type)} cannot be injected yet.`);
}
