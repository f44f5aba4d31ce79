import type { Core } from '../core.js';
import { Intents } from '../gateway/intents.js';
import { bits, Permissions, type PermissionName } from '../permissions.js';
import { apiRole } from '../serialize.js';
import { ControlError, invalid } from './control-error.js';
import { findGuild } from './fields.js';

/**
 * What a server admin does in Server Settings → Roles: sets a role's permissions (e.g. takes
 * Manage Roles from the bot's role, so tests can see a missing permission). The REST reads and
 * the bot's permission checks follow, and the gateway says GUILD_ROLE_UPDATE, as on Discord.
 * A reset restores the seed.
 */
export function setRolePermissions(
  core: Core,
  guildId: string,
  roleId: string,
  body: unknown,
): Record<string, unknown> {
  const guild = findGuild(core, guildId);
  const role = guild.roles.get(roleId);
  if (!role) throw new ControlError(404, 'unknown_role', `No role ${roleId} in guild ${guildId}.`);
  const list = (body as { permissions?: unknown } | null)?.permissions;
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string' || !(p in Permissions)))
    throw invalid(
      `permissions must be a list of permission names (${Object.keys(Permissions).join(', ')}).`,
    );
  role.permissions = bits(list as PermissionName[]);
  const json = apiRole(role);
  core.gateway.dispatch(
    'GUILD_ROLE_UPDATE',
    { guild_id: guild.id, role: json },
    { guildId: guild.id, intent: Intents.Guilds },
  );
  return json;
}
