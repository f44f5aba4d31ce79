import { ApiError } from '../errors.js';
import { botGet, type DiscordBot } from './discord-bot.js';
import type { GuildDiscord, GuildDiscordMember } from './schemas.js';

/** A guild the bot is in, as `/users/@me/guilds` lists it. */
export interface BotGuild {
  id: string;
  name: string;
  icon: string | null;
}

interface ApiChannel {
  id: string;
  name?: string;
  type: number;
  parent_id?: string | null;
  position?: number;
}
interface ApiRole {
  id: string;
  name: string;
  color: number;
  position: number;
  managed: boolean;
  mentionable: boolean;
}
interface ApiMember {
  user?: { id: string; username: string; global_name?: string | null };
  nick?: string | null;
}

/** The first members listed; beyond this the builder searches with `?q=`. */
export const MEMBER_LIMIT = 1000;
/** Members a search returns. */
export const SEARCH_LIMIT = 100;
/** Pickers read the same guild again and again while a form is open: answers are kept briefly. */
const CACHE_TTL_MS = 15_000;
const CACHE_ENTRIES = 200;
/** `/users/@me/guilds` pages (Discord's maximum). */
const GUILD_PAGE = 200;

/**
 * The guild data the builder's pickers need, read through the bot's REST access (Discord or the
 * sandbox alike) and kept for 15 s per guild and search. Callers check tenancy first: the cache
 * is shared.
 *
 * @example
 * const directory = guildDirectory(deps.discordBot);
 * const data = await directory.guildData('1300000000000000000');
 */
export function guildDirectory(bot: DiscordBot | undefined) {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.value as Promise<T>;
    const value = load();
    cache.delete(key);
    cache.set(key, { at: now, value });
    // A failure is not kept: the next call asks again.
    value.catch(() => cache.get(key)?.value === value && cache.delete(key));
    // Map order is insertion order: the first key is the oldest.
    while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    return value;
  };

  return {
    /** Every guild the bot is in (all pages). */
    botGuilds: (): Promise<BotGuild[]> =>
      cached('@me', async () => {
        const guilds: BotGuild[] = [];
        for (let after = '0'; ;) {
          const page = await botGet<BotGuild[]>(
            bot,
            `/users/@me/guilds?limit=${GUILD_PAGE}&after=${after}`,
          );
          if (!page.ok)
            throw new ApiError(
              503,
              'discord_unavailable',
              `Discord did not list the bot's servers (${page.message}); try again in a moment.`,
            );
          for (const g of page.body) guilds.push({ id: g.id, name: g.name, icon: g.icon ?? null });
          const last = page.body.at(-1)?.id;
          if (page.body.length < GUILD_PAGE || !last) return guilds;
          after = last;
        }
      }),

    /**
     * The guild's name, channels (no threads), roles (without `@everyone`, highest first) and
     * members (the first 1,000 by id, or up to 100 whose username starts with `q`). 404 when the
     * bot is not in the guild.
     */
    guildData: (guildId: string, q?: string): Promise<GuildDiscord> =>
      cached(`${guildId}\n${q ?? ''}`, async () => {
        const guild = await botGet<{ id: string; name: string }>(bot, `/guilds/${guildId}`);
        if (!guild.ok)
          throw new ApiError(
            404,
            'not_found',
            'The bot is not in this server (or it does not exist): invite the bot to it, or pick another server.',
          );
        const [channels, roles, members] = await Promise.all([
          botGet<ApiChannel[]>(bot, `/guilds/${guildId}/channels`),
          botGet<ApiRole[]>(bot, `/guilds/${guildId}/roles`),
          q
            ? botGet<ApiMember[]>(
                bot,
                `/guilds/${guildId}/members/search?query=${encodeURIComponent(q)}&limit=${SEARCH_LIMIT}`,
              )
            : botGet<ApiMember[]>(bot, `/guilds/${guildId}/members?limit=${MEMBER_LIMIT}`),
        ]);
        return {
          guild: { id: guild.body.id, name: guild.body.name },
          channels: (channels.ok ? channels.body : [])
            .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
            .map((c) => ({
              id: c.id,
              name: c.name ?? '',
              type: c.type,
              parentId: c.parent_id ?? null,
            })),
          roles: (roles.ok ? roles.body : [])
            .filter((r) => r.id !== guildId)
            .sort((a, b) => b.position - a.position)
            .map(({ id, name, color, position, managed, mentionable }) => ({
              id,
              name,
              color,
              position,
              managed,
              mentionable,
            })),
          // Listing members needs the Server Members intent on Discord; without it the list is
          // empty and pickers still take a typed id or an expression.
          members: (members.ok ? members.body : []).flatMap(memberOf),
        };
      }),
  };
}

function memberOf(member: ApiMember): GuildDiscordMember[] {
  const user = member.user;
  if (!user) return [];
  return [
    {
      id: user.id,
      username: user.username,
      displayName: member.nick || user.global_name || user.username,
    },
  ];
}
