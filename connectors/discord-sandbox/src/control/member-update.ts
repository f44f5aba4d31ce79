import type { Core } from '../core.js';
import { memberUpdated } from '../membership.js';
import type { GuildRecord } from '../types.js';
import { ControlError, invalid } from './control-error.js';
import { findMember, text } from './fields.js';

/** What a `memberUpdated` injection answers. */
export interface MemberUpdateResult {
  userId: string;
  /** False when nothing changed (no GUILD_MEMBER_UPDATE is dispatched, as on Discord). */
  changed: boolean;
  roles: string[];
  pending: boolean;
}

/**
 * A member changes as if a moderator (or Discord's membership screening) changed them: roles
 * given and taken, `pending: false` to pass screening. Dispatches GUILD_MEMBER_UPDATE with the
 * member's new state when anything changed.
 */
export function injectMemberUpdate(
  core: Core,
  guild: GuildRecord,
  body: Record<string, unknown>,
): MemberUpdateResult {
  const member = findMember(guild, text(body, 'userId', 20));
  if (member.userId === core.state.botUserId)
    throw invalid('The bot’s roles change through the REST API, not an event.');
  const add = roleIds(guild, body.addRoles, 'addRoles');
  const remove = roleIds(guild, body.removeRoles, 'removeRoles');
  const both = add.find((id) => remove.includes(id));
  if (both) throw invalid(`Role ${both} cannot be both added and removed.`);
  if (body.pending !== undefined && typeof body.pending !== 'boolean')
    throw invalid('pending must be a boolean.');
  if (body.pending === true && !member.pending)
    throw new ControlError(
      409,
      'screening_passed',
      `User ${member.userId} already passed membership screening.`,
    );
  const before = JSON.stringify([member.roles, member.pending]);
  member.roles = [...member.roles.filter((id) => !remove.includes(id))];
  for (const id of add) if (!member.roles.includes(id)) member.roles.push(id);
  if (body.pending === false) member.pending = false;
  const changed = JSON.stringify([member.roles, member.pending]) !== before;
  if (changed) memberUpdated(core, guild, member);
  return {
    userId: member.userId,
    changed,
    roles: [...member.roles],
    pending: member.pending,
  };
}

/** Role ids of the guild (not @everyone, not a bot's managed role), or 400/404. */
function roleIds(guild: GuildRecord, value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string'))
    throw invalid(`${key} must be a list of role ids.`);
  const ids = [...new Set(value as string[])];
  for (const id of ids) {
    const role = guild.roles.get(id);
    if (!role || id === guild.id)
      throw new ControlError(404, 'unknown_role', `Role ${id} is not a role of guild ${guild.id}.`);
    if (role.botId !== null)
      throw invalid(`Role ${id} is managed by a bot: Discord does not let anyone assign it.`);
  }
  return ids;
}
