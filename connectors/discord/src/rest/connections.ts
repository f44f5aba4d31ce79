import { DEFAULT_SANDBOX_TOKEN, SANDBOX_APPLICATION_ID } from '@guildflow/discord-sandbox';
import type { REST } from 'discord.js';
import { applicationIdFromToken, createDiscordRest, DISCORD_API_URL } from './create-rest.js';

/** Where `npm start` runs the sandbox when no other URL is configured. */
export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:3210';

/** One REST client and the application id its interaction webhooks use. */
export interface DiscordConnection {
  rest: REST;
  applicationId: string;
}

/**
 * The connection for live runs and, when it is real Discord, the sandbox connection that
 * `simulate: true` runs (builder test runs) must use instead.
 *
 * @example
 * const { rest, applicationId, simulation } = discordConnectionsFromEnv();
 * const executors = createDiscordExecutors({ rest, applicationId, simulation });
 */
export interface DiscordConnections extends DiscordConnection {
  simulation?: DiscordConnection | undefined;
}

/**
 * Builds the connections from the environment (README, Settings):
 *
 * - `DISCORD_TOKEN` set: live runs use Discord (`DISCORD_API_URL` overrides the base URL, for a
 *   proxy); the application id is `DISCORD_APPLICATION_ID` or read from the token. Simulated runs
 *   use the sandbox at `GUILDFLOW_SANDBOX_URL` when that is set (none otherwise: the executors
 *   then refuse simulated runs rather than touch a real server).
 * - no `DISCORD_TOKEN`: everything uses the sandbox at `GUILDFLOW_SANDBOX_URL`
 *   (`npm start` sets it; `http://127.0.0.1:3210` by default) with `GUILDFLOW_SANDBOX_TOKEN`
 *   or the sandbox's default token.
 */
export function discordConnectionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): DiscordConnections {
  const sandbox = sandboxConnection(env);
  const token = nonEmpty(env.DISCORD_TOKEN);
  if (!token) return sandbox ?? sandboxAt(DEFAULT_SANDBOX_URL, env);
  const applicationId = nonEmpty(env.DISCORD_APPLICATION_ID) ?? applicationIdFromToken(token);
  if (!applicationId)
    throw new Error(
      'DISCORD_TOKEN does not look like a bot token (its first part should encode the application id): set DISCORD_APPLICATION_ID too.',
    );
  return {
    rest: createDiscordRest({ token, apiUrl: nonEmpty(env.DISCORD_API_URL) ?? DISCORD_API_URL }),
    applicationId,
    simulation: sandbox,
  };
}

function sandboxConnection(env: NodeJS.ProcessEnv): DiscordConnection | undefined {
  const url = nonEmpty(env.GUILDFLOW_SANDBOX_URL);
  return url ? sandboxAt(url, env) : undefined;
}

function sandboxAt(url: string, env: NodeJS.ProcessEnv): DiscordConnection {
  const bot = sandboxBotAt(url, env);
  return {
    rest: createDiscordRest({ token: bot.token, apiUrl: bot.apiUrl }),
    applicationId: bot.applicationId,
  };
}

/** How the bot reaches the sandbox: its REST base, token and application id. */
export interface SandboxBot {
  apiUrl: string;
  token: string;
  applicationId: string;
}

/**
 * The sandbox bot at `GUILDFLOW_SANDBOX_URL` (token `GUILDFLOW_SANDBOX_TOKEN`, else the
 * sandbox's own default): the one place every Discord client here learns it.
 */
export function sandboxBotFromEnv(env: NodeJS.ProcessEnv): SandboxBot | undefined {
  const url = nonEmpty(env.GUILDFLOW_SANDBOX_URL);
  return url ? sandboxBotAt(url, env) : undefined;
}

function sandboxBotAt(url: string, env: NodeJS.ProcessEnv): SandboxBot {
  const token = nonEmpty(env.GUILDFLOW_SANDBOX_TOKEN) ?? DEFAULT_SANDBOX_TOKEN;
  return {
    apiUrl: `${url.replace(/\/+$/, '')}/api`,
    token,
    applicationId: applicationIdFromToken(token) ?? SANDBOX_APPLICATION_ID,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
