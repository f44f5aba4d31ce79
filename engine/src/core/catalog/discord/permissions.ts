/**
 * Discord permission flags a node can need, named as discord.js's `PermissionFlagsBits` keys,
 * with their bits (Discord API v10). Bits are bigints: Discord's permission integers exceed 2^53.
 *
 * @example
 * (guildPermissions & DISCORD_PERMISSION_BITS.ManageRoles) !== 0n;
 */
export const DISCORD_PERMISSION_BITS = {
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageRoles: 1n << 28n,
  ManageThreads: 1n << 34n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
} as const;

/** A Discord permission flag name a node declaration may require. */
export type DiscordPermission = keyof typeof DISCORD_PERMISSION_BITS;

/**
 * How Discord's client names a permission (for messages that tell an admin what to turn on).
 *
 * @example
 * PERMISSION_LABELS.ModerateMembers; // 'Timeout Members'
 */
export const PERMISSION_LABELS: Readonly<Record<DiscordPermission, string>> = {
  KickMembers: 'Kick Members',
  BanMembers: 'Ban Members',
  Administrator: 'Administrator',
  ManageChannels: 'Manage Channels',
  AddReactions: 'Add Reactions',
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  ManageMessages: 'Manage Messages',
  EmbedLinks: 'Embed Links',
  ReadMessageHistory: 'Read Message History',
  ManageRoles: 'Manage Roles',
  ManageThreads: 'Manage Threads',
  CreatePrivateThreads: 'Create Private Threads',
  SendMessagesInThreads: 'Send Messages in Threads',
  ModerateMembers: 'Timeout Members',
};

/** One permission rule of a node type: what the bot needs, where, and when. */
export interface PermissionRule {
  readonly permissions: readonly DiscordPermission[];
  /**
   * The rule applies only when each listed config field is set (`true`) or has this literal
   * value (an unset field counts as its schema default). A field holding a `{{ }}` expression
   * is unknown before the run: the rule is not applied.
   */
  readonly when?: Readonly<Record<string, true | string>>;
  /**
   * The config field naming the channel the permissions are needed in (channel overwrites
   * count); when the config leaves it unset (a direct message with `userId`) the rule does not
   * apply. Without it the permissions are needed guild-wide.
   */
  readonly channelField?: string;
}

/**
 * What the bot needs in the guild to run a node, declared on its node type
 * (`NodeDefinition.requires`); preflight checks it against the guild.
 */
export interface NodeRequirements {
  readonly permissions: readonly PermissionRule[];
}
