import { activeTimeout } from '../serialize.js';
import type { SandboxState } from '../state.js';
import type { GuildRecord, InteractionRecord, MessageRecord } from '../types.js';
import { ControlError } from './control-error.js';

/** A guild as the control API shows it (`{ id, name, channels, roles, members }`). */
export interface GuildView {
  id: string;
  name: string;
  ownerId: string;
  memberCount: number;
  channels: Array<{
    id: string;
    name: string | null;
    type: number;
    parentId: string | null;
    topic: string | null;
    archived?: boolean;
  }>;
  roles: Array<{
    id: string;
    name: string;
    position: number;
    color: number;
    permissions: string;
    managed: boolean;
  }>;
  members: Array<{
    id: string;
    username: string;
    globalName: string | null;
    bot: boolean;
    roles: string[];
    timedOutUntil: string | null;
    /** Has not accepted the rules yet (membership screening). */
    pending: boolean;
    joinedAt: string;
  }>;
}

/** A message as the control API shows it. */
export interface MessageView {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  authorIsBot: boolean;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  ephemeral: boolean;
  nonce: string | number | null;
  interactionId: string | null;
  replyToMessageId: string | null;
  /** Users the message pinged (Discord's `mentions`, after `allowed_mentions`). */
  mentions: string[];
  /** Roles the message pinged (Discord's `mention_roles`). */
  mentionRoles: string[];
  /** Whether it pinged @everyone/@here. */
  mentionEveryone: boolean;
  reactions: Array<{ emoji: string; userIds: string[] }>;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** A member as the control API shows it (id, name, roles, plus presence details). */
export interface MemberView {
  id: string;
  username: string;
  roles: string[];
  timedOutUntil: string | null;
  banned: boolean;
  kicked: boolean;
  present: boolean;
  nick: string | null;
  joinedAt: string;
  leftAt: string | null;
}

/** @example guildView(state, state.guild(id)).channels */
export function guildView(state: SandboxState, guild: GuildRecord): GuildView {
  return {
    id: guild.id,
    name: guild.name,
    ownerId: guild.ownerId,
    memberCount: state.presentMembers(guild).length,
    channels: state.guildChannels(guild).map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      parentId: c.parentId,
      topic: c.topic,
      ...(c.thread ? { archived: c.thread.archived } : {}),
    })),
    roles: [...guild.roles.values()]
      .sort((a, b) => a.position - b.position)
      .map((r) => ({
        id: r.id,
        name: r.name,
        position: r.position,
        color: r.color,
        permissions: r.permissions.toString(),
        managed: r.botId !== null,
      })),
    members: state.presentMembers(guild).map((m) => {
      const user = state.users.get(m.userId);
      return {
        id: m.userId,
        username: user?.username ?? '',
        globalName: user?.globalName ?? null,
        bot: user?.bot ?? false,
        roles: [...m.roles],
        timedOutUntil: activeTimeout(m),
        pending: m.pending,
        joinedAt: m.joinedAt,
      };
    }),
  };
}

/** @example messageView(state, message).authorIsBot */
export function messageView(state: SandboxState, m: MessageRecord): MessageView {
  return {
    id: m.id,
    channelId: m.channelId,
    guildId: m.guildId,
    authorId: m.authorId,
    authorIsBot: m.authorId === state.botUserId,
    content: m.content,
    embeds: m.embeds,
    components: m.components,
    flags: m.flags,
    ephemeral: (m.flags & 64) !== 0,
    nonce: m.nonce,
    interactionId: m.interaction?.id ?? null,
    replyToMessageId: m.messageReference?.message_id ?? null,
    mentions: [...m.mentionUserIds],
    mentionRoles: [...m.mentionRoleIds],
    mentionEveryone: m.mentionEveryone,
    reactions: m.reactions.map((r) => ({ emoji: r.emoji.name, userIds: [...r.users] })),
    createdAt: m.createdAt,
    editedAt: m.editedAt,
    deletedAt: m.deletedAt,
  };
}

/** Filters for {@link listMessages}. */
export interface MessageQuery {
  guildId?: string;
  channelId?: string;
  authorId?: string;
  /** The DM channel with this user. */
  dmUserId?: string;
  includeDeleted?: boolean;
}

/**
 * Messages in creation order, filtered; unknown guild or channel ids are 404s so a typo does not
 * look like "the bot sent nothing".
 */
export function listMessages(state: SandboxState, query: MessageQuery): MessageView[] {
  if (query.guildId && !state.guilds.has(query.guildId))
    throw new ControlError(404, 'unknown_guild', `No guild ${query.guildId} in the sandbox.`);
  if (query.channelId && !state.channels.has(query.channelId))
    throw new ControlError(404, 'unknown_channel', `No channel ${query.channelId}.`);
  const dmChannel = query.dmUserId ? state.dmChannels.get(query.dmUserId) : undefined;
  if (query.dmUserId && !dmChannel) return [];
  return [...state.messages.values()]
    .filter(
      (m) =>
        (!query.guildId || m.guildId === query.guildId) &&
        (!query.channelId || m.channelId === query.channelId) &&
        (!query.authorId || m.authorId === query.authorId) &&
        (!dmChannel || m.channelId === dmChannel) &&
        (query.includeDeleted || !m.deletedAt),
    )
    .map((m) => messageView(state, m));
}

/** @example memberView(state, guildId, userId).timedOutUntil */
export function memberView(state: SandboxState, guildId: string, userId: string): MemberView {
  const guild = state.guilds.get(guildId);
  if (!guild) throw new ControlError(404, 'unknown_guild', `No guild ${guildId} in the sandbox.`);
  const member = guild.members.get(userId);
  const user = state.users.get(userId);
  if (!member || !user)
    throw new ControlError(
      404,
      'unknown_member',
      `User ${userId} was never a member of guild ${guildId}.`,
    );
  return {
    id: userId,
    username: user.username,
    roles: [...member.roles],
    timedOutUntil: activeTimeout(member),
    banned: guild.bans.has(userId),
    kicked: member.kicked,
    present: member.present,
    nick: member.nick,
    joinedAt: member.joinedAt,
    leftAt: member.leftAt,
  };
}

/** An interaction and everything the bot answered to it. @example interactionView(record).acknowledged */
export function interactionView(
  i: InteractionRecord,
): Omit<InteractionRecord, 'token' | 'payload'> & { kind: 'command' | 'button' } {
  const { token: _token, payload: _payload, ...rest } = i;
  return { ...rest, kind: i.type === 2 ? 'command' : 'button' };
}
