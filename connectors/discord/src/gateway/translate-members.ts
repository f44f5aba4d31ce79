import {
  memberAvatarUrl,
  memberRef,
  type EventGuildMember,
  type EventMember,
  type RouterEvent,
} from '@guildflow/engine/core';
import type {
  APIGuildMember,
  APIInteractionGuildMember,
  GatewayGuildMemberUpdateDispatchData,
  Guild,
  GuildMember,
  PartialGuildMember,
} from 'discord.js';

/**
 * Members as Discord triggers carry them: role ids, avatar and screening state, read from what
 * the gateway event carried (a cached member, the interaction's member, the raw payload) —
 * never fetched, so the hot path makes no request.
 */

/** A member as discord.js or the raw gateway give it, when the event carried one. */
export type AnyMember =
  GuildMember | PartialGuildMember | APIInteractionGuildMember | APIGuildMember | null | undefined;

/**
 * The role ids of a member (the guild's @everyone is removed by {@link memberRef}): a raw member
 * lists them, a discord.js member has them in its role manager.
 */
export function rolesOf(member: AnyMember): Iterable<string> {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : member.roles.cache.keys();
}

/**
 * The member reference a trigger outputs, with the member's roles (`[]` when the event carried no
 * member).
 *
 * @example
 * eventMember(guildId, interaction.user, interaction.member); // { id, username, mention, roles }
 */
export function eventMember(
  guildId: string,
  user: { id: string; username?: string | null },
  member: AnyMember,
): EventMember {
  return memberRef(user.id, user.username ?? user.id, rolesOf(member), guildId);
}

/** A member who joined or left, with avatar and screening state (a partial one: what is known). */
export function guildMember(member: GuildMember | PartialGuildMember): EventGuildMember {
  const guildId = member.guild.id;
  const user = member.user as GuildMember['user'] | null | undefined;
  return {
    ...eventMember(guildId, { id: member.id, username: user?.username }, member),
    avatarUrl: memberAvatarUrl({
      guildId,
      userId: member.id,
      memberAvatar: member.avatar,
      userAvatar: user?.avatar,
      discriminator: user?.discriminator,
    }),
    pending: member.pending === true,
  };
}

/** The facts of the member before the update, when discord.js had them cached (not partial). */
export interface MemberBefore {
  roles: readonly string[];
  pending: boolean;
}

/**
 * Reads a cached member before discord.js applies an update to it (call it synchronously from
 * the raw packet, which arrives before the cache is patched); undefined when not cached.
 */
export function memberBefore(guild: Guild | undefined, userId: string): MemberBefore | undefined {
  const member = guild?.members.cache.get(userId);
  if (!member || member.partial) return undefined;
  return { roles: [...member.roles.cache.keys()], pending: member.pending === true };
}

/**
 * GUILD_MEMBER_UPDATE → a `memberUpdated` event. What changed is known only against the member
 * as cached before: without it `rolesAdded`/`rolesRemoved` are `[]` and `screeningPassed` false.
 * `eventId` is the gateway session and sequence of the packet: a resumed session replays it with
 * the same ones; two identical changes are two packets.
 */
export function memberUpdatedEvent(
  data: GatewayGuildMemberUpdateDispatchData,
  context: {
    eventId: string;
    guild: Guild | undefined;
    before: MemberBefore | undefined;
    botUserId: string | undefined;
  },
): Extract<RouterEvent, { kind: 'memberUpdated' }> {
  const guildId = data.guild_id;
  const { before, guild } = context;
  const member = memberRef(data.user.id, data.user.username, data.roles, guildId);
  const pending = data.pending === true;
  const old = before ? new Set(before.roles.filter((role) => role !== guildId)) : undefined;
  const now = new Set(member.roles);
  return {
    kind: 'memberUpdated',
    eventId: context.eventId,
    guildId,
    member: {
      ...member,
      avatarUrl: memberAvatarUrl({
        guildId,
        userId: data.user.id,
        memberAvatar: data.avatar,
        userAvatar: data.user.avatar,
        discriminator: data.user.discriminator,
      }),
      pending,
      bot: data.user.bot === true || data.user.id === context.botUserId,
    },
    guild: { id: guildId, name: guild?.name ?? '', memberCount: guild?.memberCount ?? 0 },
    rolesAdded: old ? member.roles.filter((role) => !old.has(role)) : [],
    rolesRemoved: old ? [...old].filter((role) => !now.has(role)) : [],
    screeningPassed: before?.pending === true && !pending,
  };
}
