import type { Core } from './core.js';
import { Intents } from './gateway/intents.js';
import { apiMember, apiUser } from './serialize.js';
import { newMember } from './state.js';
import type { GuildRecord, MemberRecord, UserRecord } from './types.js';

/**
 * Adds (or brings back) a member and dispatches GUILD_MEMBER_ADD; `pending`: the member still
 * has to pass membership screening (accept the rules).
 */
export function joinGuild(
  core: Core,
  guild: GuildRecord,
  user: UserRecord,
  options: { pending?: boolean } = {},
): MemberRecord {
  const member = newMember(user.id, [], new Date().toISOString());
  member.pending = options.pending === true;
  guild.members.set(user.id, member);
  core.gateway.dispatch(
    'GUILD_MEMBER_ADD',
    { guild_id: guild.id, ...apiMember(core.state, guild, member) },
    { guildId: guild.id, intent: Intents.GuildMembers },
  );
  return member;
}

/**
 * Takes a member out of the guild (left, kicked or banned) and dispatches GUILD_MEMBER_REMOVE.
 * The record stays, flagged, so the control API can tell what happened.
 */
export function removeFromGuild(
  core: Core,
  guild: GuildRecord,
  member: MemberRecord,
  why: 'left' | 'kicked' | 'banned',
): void {
  member.present = false;
  member.leftAt = new Date().toISOString();
  if (why === 'kicked') member.kicked = true;
  if (why === 'banned') member.banned = true;
  const user = core.state.users.get(member.userId);
  core.gateway.dispatch(
    'GUILD_MEMBER_REMOVE',
    { guild_id: guild.id, user: user ? apiUser(user) : { id: member.userId } },
    { guildId: guild.id, intent: Intents.GuildMembers },
  );
}

/**
 * Dispatches GUILD_MEMBER_UPDATE with the member's current state (roles, timeout, nick).
 *
 * @example
 * member.roles.push(roleId); memberUpdated(core, guild, member);
 */
export function memberUpdated(core: Core, guild: GuildRecord, member: MemberRecord): void {
  core.gateway.dispatch(
    'GUILD_MEMBER_UPDATE',
    { guild_id: guild.id, ...apiMember(core.state, guild, member) },
    { guildId: guild.id, intent: Intents.GuildMembers },
  );
}
