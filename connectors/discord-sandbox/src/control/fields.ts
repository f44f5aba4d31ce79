import { ControlError, invalid } from './control-error.js';
import type { Core } from '../core.js';
import type { ChannelRecord, GuildRecord, MemberRecord, MessageRecord } from '../types.js';

/** A required string field of a control-API body (trimmed length 1..max). */
export function text(body: Record<string, unknown>, key: string, max = 100): string {
  const value = body[key];
  if (typeof value !== 'string' || !value.trim())
    throw invalid(`${key} must be a non-empty string.`);
  if (value.length > max) throw invalid(`${key} must be at most ${max} characters.`);
  return value;
}

/** An optional string field. @example const id = optionalText(user, 'id'); */
export function optionalText(
  body: Record<string, unknown>,
  key: string,
  max = 100,
): string | undefined {
  return body[key] === undefined ? undefined : text(body, key, max);
}

/** A body (or nested field) that must be a JSON object. @example const user = object(body.user, 'user'); */
export function object(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw invalid(`${what} must be a JSON object.`);
  return value as Record<string, unknown>;
}

/** The guild, or 404 unknown_guild. @example const guild = findGuild(core, guildId); */
export function findGuild(core: Core, guildId: string): GuildRecord {
  const guild = core.state.guilds.get(guildId);
  if (!guild) throw new ControlError(404, 'unknown_guild', `No guild ${guildId} in the sandbox.`);
  return guild;
}

/** A live channel (or thread) of the guild, or 404 unknown_channel. @example findChannel(core, guild, channelId) */
export function findChannel(core: Core, guild: GuildRecord, channelId: string): ChannelRecord {
  const channel = core.state.channels.get(channelId);
  if (!channel || channel.deletedAt || channel.guildId !== guild.id) {
    throw new ControlError(404, 'unknown_channel', `No channel ${channelId} in guild ${guild.id}.`);
  }
  return channel;
}

/** A current member, or 404 unknown_member. @example findMember(core, guild, userId) */
export function findMember(guild: GuildRecord, userId: string): MemberRecord {
  const member = guild.members.get(userId);
  if (!member?.present)
    throw new ControlError(
      404,
      'unknown_member',
      `User ${userId} is not a member of guild ${guild.id}.`,
    );
  return member;
}

/** A live message in the channel, or 404 unknown_message. @example findMessage(core, channel, messageId) */
export function findMessage(core: Core, channel: ChannelRecord, messageId: string): MessageRecord {
  const message = core.state.messages.get(messageId);
  if (!message || message.deletedAt || message.channelId !== channel.id) {
    throw new ControlError(
      404,
      'unknown_message',
      `No message ${messageId} in channel ${channel.id}.`,
    );
  }
  return message;
}
