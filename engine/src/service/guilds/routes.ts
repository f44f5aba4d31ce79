import { Router } from 'express';
import { callerOf } from '../auth/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { guildIdOf } from '../http/context.js';
import { check } from '../http/validate.js';
import { openStore } from '../storage/index.js';
import { guildDirectory, type BotGuild } from './guild-directory.js';
import { GuildDiscordQuerySchema } from './schemas.js';

type GuildSummary = {
  id: string;
  name: string | null;
  icon?: string;
  botPresent: boolean;
  sandbox?: true;
};

/**
 * The guild routes of the builder: `GET /api/guilds` (mounted at `/api`: the guilds the caller
 * can open) and `GET /api/guilds/:guildId/discord` (mounted behind the guild access check: the
 * channels, roles and members the pickers offer). Both read Discord as the bot, with a short
 * cache.
 *
 * @example
 * const guilds = guildRoutes(deps);
 * app.use('/api', guilds.list);
 * app.use('/api/guilds/:guildId', guildAccessCheck, guilds.discord);
 */
export function guildRoutes(deps: ServiceDeps): { list: Router; discord: Router } {
  const directory = guildDirectory(deps.discordBot);
  const list = Router();
  const discord = Router({ mergeParams: true });

  // The admin: the guilds the bot is in, and those that have graphs without it. A signed-in
  // user: the guilds Discord confirmed they manage, named when the bot is there too. Discord
  // being down never hides the list: it says so in `discordError`.
  list.get('/guilds', async (_req, res) => {
    const caller = callerOf(res);
    let bot: BotGuild[] = [];
    let discordError: string | undefined;
    try {
      bot = await directory.botGuilds();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      discordError = error.message;
    }
    const byId = new Map(bot.map((g) => [g.id, g]));
    let ids: string[];
    if (caller.kind === 'admin') {
      const store = await openStore(deps.mongo);
      const withGraphs = (await store.graphs.distinct('guildId', { deletedAt: null })) as string[];
      ids = [...new Set([...bot.map((g) => g.id), ...withGraphs.sort()])];
    } else {
      ids = [...caller.guildIds];
    }
    const guilds: GuildSummary[] = ids.map((id) => {
      const known = byId.get(id);
      return {
        id,
        name: known?.name ?? null,
        ...(known?.icon
          ? { icon: `https://cdn.discordapp.com/icons/${id}/${known.icon}.png` }
          : {}),
        botPresent: Boolean(known),
        // The bot is the sandbox's: its guilds are the sandbox's playgrounds (the builder's
        // Sandbox page acts as their members).
        ...(known && deps.discordBot?.kind === 'sandbox' ? { sandbox: true as const } : {}),
      };
    });
    res
      .set('Cache-Control', 'no-store')
      .json({ guilds, ...(discordError ? { discordError } : {}) });
  });

  discord.get('/discord', async (req, res) => {
    const { q } = check(GuildDiscordQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await directory.guildData(guildIdOf(req), q));
  });

  return { list, discord };
}
