import { ApiError, type BotAnswer, type DiscordBot } from '@guildflow/engine/service';
import { sandboxBotFromEnv } from './connections.js';

/** How the service reaches Discord's REST API as the bot: Discord itself, or the sandbox. */
export interface BotAccess {
  /** Base URL without the version, e.g. `https://discord.com/api` or `http://127.0.0.1:3210/api`. */
  apiUrl: string;
  token: string;
  /** For messages: `discord` or `sandbox`. */
  kind: 'discord' | 'sandbox';
}

/** A read gets this long before Discord counts as not answering. */
const CALL_TIMEOUT_MS = 5_000;

/**
 * The bot's REST access from the environment, as the gateway and the workers use it: real
 * Discord with `DISCORD_TOKEN` (`DISCORD_API_URL` overrides the base), else the sandbox at
 * `GUILDFLOW_SANDBOX_URL` with its bot token; undefined when neither is set.
 */
export function botApiFromEnv(env: NodeJS.ProcessEnv): DiscordBot | undefined {
  const token = env.DISCORD_TOKEN?.trim();
  if (token)
    return discordBotApi({
      apiUrl: env.DISCORD_API_URL?.trim() || 'https://discord.com/api',
      token,
      kind: 'discord',
    });
  const sandbox = sandboxBotFromEnv(env);
  return (
    sandbox && discordBotApi({ apiUrl: sandbox.apiUrl, token: sandbox.token, kind: 'sandbox' })
  );
}

/**
 * The engine service's bot reads over `access`: GET `path` (after `/v10`) as the bot. Refusals
 * (403, 404…) come back as values for the caller to word; Discord unreachable, rate limited or
 * failing → 503 `discord_unavailable` saying what to do. The token never appears in a message.
 */
export function discordBotApi(access: BotAccess): DiscordBot {
  return { kind: access.kind, get: (path) => botGet(access, path) };
}

async function botGet<T>(bot: BotAccess, path: string): Promise<BotAnswer<T>> {
  const base = bot.apiUrl.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/v10${path}`, {
      headers: { Authorization: `Bot ${bot.token}` },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable(
      bot,
      `did not answer (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, body: body as T };
  if (response.status === 429) {
    const retry = Number((body as { retry_after?: unknown } | null)?.retry_after);
    throw unavailable(
      bot,
      `is rate limiting the bot${Number.isFinite(retry) ? ` for ${Math.ceil(retry)} s` : ''}`,
    );
  }
  if (response.status === 401)
    throw unavailable(bot, 'refused the bot token (401): check DISCORD_TOKEN');
  if (response.status >= 500) throw unavailable(bot, `failed (${response.status})`);
  const message = (body as { message?: unknown } | null)?.message;
  return {
    ok: false,
    status: response.status,
    message: typeof message === 'string' ? message : `status ${response.status}`,
  };
}

function unavailable(bot: BotAccess, what: string): ApiError {
  const who = bot.kind === 'sandbox' ? 'The Discord sandbox' : 'Discord';
  return new ApiError(503, 'discord_unavailable', `${who} ${what}; try again in a moment.`);
}
