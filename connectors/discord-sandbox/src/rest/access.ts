import type { Core } from '../core.js';
import { DiscordErrors } from '../errors.js';
import { basePermissions, highestRolePosition, Permissions } from '../permissions.js';
import type { ChannelRecord, GuildRecord, RoleRecord } from '../types.js';

/**
 * Throws 50001 Missing Access when the bot cannot see the channel (hidden by overwrites, or a
 * private thread it is not in without Manage Threads), as Discord does.
 */
export function requireView(core: Core, channel: ChannelRecord): bigint {
  const perms = core.state.botPermissionsIn(channel);
  if (!channel.guildId) return perms;
  if (!(perms & Permissions.ViewChannel)) throw DiscordErrors.missingAccess();
  if (
    channel.type === 12 &&
    !channel.thread?.members.includes(core.state.botUserId) &&
    !(perms & Permissions.ManageThreads)
  ) {
    throw DiscordErrors.missingAccess();
  }
  return perms;
}

/** Throws 50013 Missing Permissions unless the bot has every listed permission in the channel. */
export function requirePermissions(core: Core, channel: ChannelRecord, ...needed: bigint[]): void {
  const perms = requireView(core, channel);
  for (const p of needed) if (!(perms & p)) throw DiscordErrors.missingPermissions();
}

/** Throws 50013 unless the bot holds a guild-level permission (from its roles). */
export function requireGuildPermission(core: Core, guild: GuildRecord, permission: bigint): void {
  if (!(basePermissions(guild, core.state.botUserId) & permission)) {
    throw DiscordErrors.missingPermissions();
  }
}

/**
 * Discord's rule for giving or taking a role: Manage Roles, and the role must sit below the
 * bot's highest role and not be managed (the bot's own integration role) or @everyone.
 */
export function checkAssignable(core: Core, guild: GuildRecord, role: RoleRecord): void {
  requireGuildPermission(core, guild, Permissions.ManageRoles);
  const botId = core.state.botUserId;
  if (role.botId || role.id === guild.id) throw DiscordErrors.missingPermissions();
  if (guild.ownerId !== botId && role.position >= highestRolePosition(guild, botId)) {
    throw DiscordErrors.missingPermissions();
  }
}
