import { DISCORD_PERMISSION_BITS } from '../../../core/index.js';
import { ApiError } from '../../errors.js';
import { botGet, type DiscordBot } from '../../guilds/discord-bot.js';

export interface ViewRole {
  id: string;
  name: string;
  position: number;
  /** Discord's permission integer. */
  permissions: bigint;
}
export interface ViewOverwrite {
  id: string;
  /** 0 role, 1 member. */
  type: number;
  allow: bigint;
  deny: bigint;
}
export interface ViewChannel {
  id: string;
  name: string;
  type: number;
  parentId: string | null;
  overwrites: ViewOverwrite[];
}

/**
 * What preflight knows of a guild, read as the bot: its roles and channels, and the bot's own
 * roles (from its member).
 */
export interface GuildView {
  guildId: string;
  botId: string;
  ownerId: string;
  roles: Map<string, ViewRole>;
  channels: Map<string, ViewChannel>;
  /** The bot's roles, @everyone not included. */
  botRoles: string[];
}

interface ApiRole {
  id: string;
  name: string;
  position: number;
  permissions: string;
}
interface ApiChannel {
  id: string;
  name?: string;
  type: number;
  parent_id?: string | null;
  permission_overwrites?: { id: string; type: number; allow: string; deny: string }[];
}

const ALL = (1n << 53n) - 1n;

/** Discord refused one of the reads: the guild cannot be judged, say what was refused. */
function refused(what: string, message: string): ApiError {
  return new ApiError(503, 'discord_unavailable', `Discord refused to give ${what} (${message}).`);
}

/**
 * Reads the guild as the bot (who it is, the guild, its roles, channels and the bot's member).
 * Throws ApiError `discord_unavailable` when Discord cannot be read or the bot is not there.
 */
export async function readGuildView(
  bot: DiscordBot | undefined,
  guildId: string,
): Promise<GuildView> {
  const me = await botGet<{ id: string }>(bot, '/users/@me');
  if (!me.ok) throw refused('the bot’s own user', me.message);
  const guild = await botGet<{ id: string; owner_id: string }>(bot, `/guilds/${guildId}`);
  if (!guild.ok)
    throw new ApiError(
      503,
      'discord_unavailable',
      'The bot is not in this server (or cannot see it): invite the bot so its permissions can be checked.',
    );
  const [roles, channels, member] = await Promise.all([
    botGet<ApiRole[]>(bot, `/guilds/${guildId}/roles`),
    botGet<ApiChannel[]>(bot, `/guilds/${guildId}/channels`),
    botGet<{ roles: string[] }>(bot, `/guilds/${guildId}/members/${me.body.id}`),
  ]);
  if (!roles.ok) throw refused('the server’s roles', roles.message);
  if (!channels.ok) throw refused('the server’s channels', channels.message);
  if (!member.ok) throw refused('the bot’s member', member.message);
  return {
    guildId,
    botId: me.body.id,
    ownerId: guild.body.owner_id,
    roles: new Map(
      roles.body.map((r) => [
        r.id,
        { id: r.id, name: r.name, position: r.position, permissions: BigInt(r.permissions) },
      ]),
    ),
    channels: new Map(
      channels.body.map((c) => [
        c.id,
        {
          id: c.id,
          name: c.name ?? '',
          type: c.type,
          parentId: c.parent_id ?? null,
          overwrites: (c.permission_overwrites ?? []).map((o) => ({
            id: o.id,
            type: o.type,
            allow: BigInt(o.allow),
            deny: BigInt(o.deny),
          })),
        },
      ]),
    ),
    botRoles: member.body.roles,
  };
}

/**
 * The bot's guild permissions: @everyone's and its roles' together; the owner and
 * Administrator have all (Discord's base permissions).
 *
 * @example
 * botGuildPermissions(view) & DISCORD_PERMISSION_BITS.ManageRoles;
 */
export function botGuildPermissions(view: GuildView): bigint {
  if (view.ownerId === view.botId) return ALL;
  let perms = view.roles.get(view.guildId)?.permissions ?? 0n;
  for (const id of view.botRoles) perms |= view.roles.get(id)?.permissions ?? 0n;
  return perms & DISCORD_PERMISSION_BITS.Administrator ? ALL : perms;
}

/**
 * The bot's permissions in a channel: its guild permissions with the channel's overwrites
 * applied in Discord's order (@everyone, its roles together, then the bot itself); threads use
 * their parent's. Without View Channel it has none there.
 *
 * @example
 * botChannelPermissions(view, channel) & DISCORD_PERMISSION_BITS.SendMessages;
 */
export function botChannelPermissions(view: GuildView, channel: ViewChannel): bigint {
  const base = botGuildPermissions(view);
  if (base === ALL) return ALL;
  const isThread = channel.type === 10 || channel.type === 11 || channel.type === 12;
  const source = (isThread && channel.parentId && view.channels.get(channel.parentId)) || channel;
  let perms = base;
  const everyone = source.overwrites.find((o) => o.type === 0 && o.id === view.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of source.overwrites)
    if (o.type === 0 && view.botRoles.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  perms = (perms & ~deny) | allow;
  const own = source.overwrites.find((o) => o.type === 1 && o.id === view.botId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  return perms & DISCORD_PERMISSION_BITS.ViewChannel ? perms : 0n;
}

/**
 * The position of the bot's highest role (0: only @everyone).
 *
 * @example
 * role.position >= botHighestPosition(view); // the bot cannot give it
 */
export function botHighestPosition(view: GuildView): number {
  return Math.max(0, ...view.botRoles.map((id) => view.roles.get(id)?.position ?? 0));
}
