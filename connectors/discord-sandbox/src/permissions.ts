import type { ChannelRecord, GuildRecord } from './types.js';

/**
 * Discord permission bits the sandbox enforces (names as in discord.js's PermissionFlagsBits).
 *
 * @example
 * (perms & Permissions.SendMessages) !== 0n;
 */
export const Permissions = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewAuditLog: 1n << 7n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  ManageNicknames: 1n << 27n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
} as const;

/** A permission name from {@link Permissions}. */
export type PermissionName = keyof typeof Permissions;

/**
 * Every bit Discord currently defines (what Administrator and the owner get).
 *
 * @example
 * basePermissions(guild, guild.ownerId) === ALL_PERMISSIONS; // true
 */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/**
 * Turns permission names into a bitfield.
 *
 * @example
 * bits(['ViewChannel', 'SendMessages']); // 3072n
 */
export function bits(names: readonly PermissionName[]): bigint {
  return names.reduce((acc, name) => acc | Permissions[name], 0n);
}

/**
 * A member's guild-level permissions: @everyone plus their roles; the owner and administrators
 * get everything (Discord's "base permissions").
 *
 * @example
 * basePermissions(guild, userId) & Permissions.KickMembers;
 */
export function basePermissions(guild: GuildRecord, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  let perms = guild.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member?.roles ?? []) perms |= guild.roles.get(roleId)?.permissions ?? 0n;
  return perms & Permissions.Administrator ? ALL_PERMISSIONS : perms;
}

/**
 * A member's permissions in a channel, applying overwrites in Discord's order (@everyone, then
 * roles, then the member). Threads use their parent's overwrites, as on Discord.
 *
 * @example
 * channelPermissions(guild, channel, userId, (id) => channels.get(id)) & Permissions.SendMessages;
 */
export function channelPermissions(
  guild: GuildRecord,
  channel: ChannelRecord,
  userId: string,
  lookup: (id: string) => ChannelRecord | undefined,
): bigint {
  const base = basePermissions(guild, userId);
  if (base === ALL_PERMISSIONS) return base;
  const source =
    channel.thread && channel.parentId ? (lookup(channel.parentId) ?? channel) : channel;
  let perms = base;
  const everyone = source.overwrites.find((o) => o.type === 0 && o.id === guild.id);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  const roles = guild.members.get(userId)?.roles ?? [];
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of source.overwrites) {
    if (overwrite.type === 0 && roles.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const own = source.overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  // Without View Channel nothing else in the channel applies.
  return perms & Permissions.ViewChannel ? perms : 0n;
}

/**
 * The position of a member's highest role (0 = only @everyone).
 */
export function highestRolePosition(guild: GuildRecord, userId: string): number {
  const member = guild.members.get(userId);
  let highest = 0;
  for (const roleId of member?.roles ?? [])
    highest = Math.max(highest, guild.roles.get(roleId)?.position ?? 0);
  return highest;
}

/**
 * Whether `actorId` may moderate `targetId` (kick, ban, timeout, change roles): nobody can act on
 * the owner, and the actor's highest role must be above the target's — Discord's hierarchy rule.
 *
 * @example
 * if (!outranks(guild, botId, userId)) throw DiscordErrors.missingPermissions();
 */
export function outranks(guild: GuildRecord, actorId: string, targetId: string): boolean {
  if (targetId === guild.ownerId) return false;
  if (actorId === guild.ownerId) return true;
  return highestRolePosition(guild, actorId) > highestRolePosition(guild, targetId);
}
