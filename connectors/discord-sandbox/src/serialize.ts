/**
 * Discord's JSON shapes (API v10) for sandbox records. Ids are strings, permissions are decimal
 * strings, times are ISO 8601 — what discord.js expects to parse.
 */
import { channelPermissions } from './permissions.js';
import type { SandboxState } from './state.js';
import type {
  ChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  OverwriteRecord,
  RoleRecord,
  UserRecord,
} from './types.js';

type Json = Record<string, unknown>;

/** @example apiUser(state.user(id)) */
export function apiUser(user: UserRecord): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    public_flags: 0,
    flags: 0,
    ...(user.bot ? { bot: true } : {}),
  };
}

/** @example apiRole(guild.roles.get(roleId)) */
export function apiRole(role: RoleRecord): Json {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== null,
    mentionable: role.mentionable,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

/** @example apiOverwrite({ id, type: 0, allow: 1024n, deny: 0n }) */
export function apiOverwrite(overwrite: OverwriteRecord): Json {
  return {
    id: overwrite.id,
    type: overwrite.type,
    allow: overwrite.allow.toString(),
    deny: overwrite.deny.toString(),
  };
}

/** A guild channel, thread or DM channel. @example apiChannel(state, state.channel(id)) */
export function apiChannel(state: SandboxState, channel: ChannelRecord): Json {
  if (channel.type === 1) {
    const recipient = channel.recipientId ? state.users.get(channel.recipientId) : undefined;
    return {
      id: channel.id,
      type: 1,
      last_message_id: channel.lastMessageId,
      flags: 0,
      recipients: recipient ? [apiUser(recipient)] : [],
    };
  }
  const base: Json = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: channel.rateLimitPerUser,
    flags: 0,
    parent_id: channel.parentId,
  };
  if (channel.thread) {
    const t = channel.thread;
    return {
      ...base,
      owner_id: t.ownerId,
      message_count: t.messageCount,
      member_count: t.members.length,
      total_message_sent: t.messageCount,
      thread_metadata: {
        archived: t.archived,
        auto_archive_duration: t.autoArchiveDuration,
        archive_timestamp: t.archiveTimestamp,
        locked: t.locked,
        create_timestamp: t.createTimestamp,
        ...(channel.type === 12 ? { invitable: t.invitable } : {}),
      },
      ...(t.members.includes(state.botUserId)
        ? {
            member: {
              id: channel.id,
              user_id: state.botUserId,
              join_timestamp: t.createTimestamp,
              flags: 0,
            },
          }
        : {}),
    };
  }
  return {
    ...base,
    position: channel.position,
    permission_overwrites: channel.overwrites.map(apiOverwrite),
    topic: channel.topic,
    nsfw: channel.nsfw,
  };
}

/**
 * A timeout that has passed reads as none, as on Discord.
 *
 * @example
 * activeTimeout(member); // '2026-01-01T00:10:00.000Z' or null
 */
export function activeTimeout(member: MemberRecord): string | null {
  const until = member.communicationDisabledUntil;
  return until && Date.parse(until) > Date.now() ? until : null;
}

/** A guild member; `withUser` false gives the partial member Discord puts in MESSAGE_CREATE. */
export function apiMember(
  state: SandboxState,
  guild: GuildRecord,
  member: MemberRecord,
  options: { withUser?: boolean; permissionsIn?: ChannelRecord } = {},
): Json {
  const json: Json = {
    roles: [...member.roles],
    nick: member.nick,
    avatar: null,
    banner: null,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: member.pending,
    flags: 0,
    communication_disabled_until: activeTimeout(member),
  };
  if (options.withUser !== false) {
    const user = state.users.get(member.userId);
    if (user) json.user = apiUser(user);
  }
  if (options.permissionsIn) {
    json.permissions = channelPermissions(guild, options.permissionsIn, member.userId, (id) =>
      state.channels.get(id),
    ).toString();
  }
  return json;
}

/** @example apiMessage(state, state.message(channelId, id)) */
export function apiMessage(state: SandboxState, message: MessageRecord): Json {
  const author = state.users.get(message.authorId);
  const json: Json = {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    author: author
      ? apiUser(author)
      : {
          id: message.authorId,
          username: 'unknown',
          discriminator: '0',
          global_name: null,
          avatar: null,
        },
    content: message.content,
    timestamp: message.createdAt,
    edited_timestamp: message.editedAt,
    tts: message.tts,
    mention_everyone: message.mentionEveryone,
    mentions: message.mentionUserIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [apiUser(user)] : [];
    }),
    mention_roles: [...message.mentionRoleIds],
    attachments: [],
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
  };
  if (message.guildId) json.guild_id = message.guildId;
  if (message.nonce !== null) json.nonce = message.nonce;
  if (message.webhookId) {
    json.webhook_id = message.webhookId;
    json.application_id = message.webhookId;
  }
  if (message.messageReference) json.message_reference = { type: 0, ...message.messageReference };
  if (message.reactions.length) {
    json.reactions = message.reactions.map((r) => ({
      emoji: r.emoji,
      count: r.users.length,
      count_details: { burst: 0, normal: r.users.length },
      me: r.users.includes(state.botUserId),
      me_burst: false,
      burst_colors: [],
    }));
  }
  if (message.interaction) {
    const ref = message.interaction;
    const user = state.users.get(ref.userId);
    const userJson = user ? apiUser(user) : { id: ref.userId };
    json.interaction_metadata = {
      id: ref.id,
      type: ref.type,
      user: userJson,
      authorizing_integration_owners: message.guildId
        ? { '0': message.guildId }
        : { '1': ref.userId },
      ...(ref.originalResponseMessageId
        ? { original_response_message_id: ref.originalResponseMessageId }
        : {}),
    };
    if (ref.name) json.interaction = { id: ref.id, type: ref.type, name: ref.name, user: userJson };
  }
  return json;
}

/**
 * The REST guild object (`GET /guilds/:id`); `withCounts` adds approximate counts.
 *
 * @example
 * apiGuild(state, guild, true).approximate_member_count;
 */
export function apiGuild(state: SandboxState, guild: GuildRecord, withCounts = false): Json {
  const json: Json = {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [...guild.roles.values()].map(apiRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.systemChannelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
  if (withCounts) {
    json.approximate_member_count = state.presentMembers(guild).length;
    json.approximate_presence_count = 0;
  }
  return json;
}
