import type { Core } from '../core.js';
import { DiscordErrors } from '../errors.js';
import { Permissions } from '../permissions.js';
import type { ChannelRecord } from '../types.js';

/**
 * Throws 50001 Missing Access when the bot cannot see the channel (hidden by overwrites, or a
 * private thread it is not in without Manage Threads), as Discord does.
 *
 * @example
 * requireView(ctx, channel);
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

/**
 * Throws 50013 Missing Permissions unless the bot has every listed permission in the channel.
 *
 * @example
 * requirePermissions(ctx, channel, Permissions.ManageMessages);
 */
export function requirePermissions(core: Core, channel: ChannelRecord, ...needed: bigint[]): void {
  const perms = requireView(core, channel);
  for (const p of needed) if (!(perms & p)) throw DiscordErrors.missingPermissions();
}
