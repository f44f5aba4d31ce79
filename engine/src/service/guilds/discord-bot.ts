import { ApiError } from '../errors.js';

/** What a GET on Discord's REST API gave: the JSON, or Discord's status when it refused. */
export type BotAnswer<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

/**
 * The bot's reads of Discord's REST API (Discord itself or the sandbox) for the builder's guild
 * list and pickers and the publish preflight. `@guildflow/discord`'s `discordBotApi` makes the
 * calls; when Discord cannot answer it throws 503 `discord_unavailable` saying what to do.
 */
export interface DiscordBot {
  /** For messages: `discord` or `sandbox`. */
  kind: 'discord' | 'sandbox';
  /** GET `path` (after `/v10`) as the bot; refusals (403, 404…) come back as values. */
  get<T>(path: string): Promise<BotAnswer<T>>;
}

/** GET `path` as the bot; without a bot configured, 503 `discord_unavailable` saying what to set. */
export async function botGet<T>(bot: DiscordBot | undefined, path: string): Promise<BotAnswer<T>> {
  if (!bot) throw noBot();
  return bot.get<T>(path);
}

function noBot(): ApiError {
  return new ApiError(
    503,
    'discord_unavailable',
    'This Guildflow has no Discord bot: set DISCORD_TOKEN, or start it with `npm start` without DISCORD_TOKEN so the sandbox guild runs (or set GUILDFLOW_SANDBOX_URL).',
  );
}
