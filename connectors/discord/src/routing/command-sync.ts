import { sandboxBotFromEnv } from '../rest/connections.js';
import { applicationIdFromToken } from '../rest/create-rest.js';
import type { ActivationHooks, Store, TriggerRecord } from '@guildflow/engine/service';

const SLASH = 'trigger.slashCommand';
/** Discord's application command option types by the catalog's names. */
const OPTION_TYPES: Record<string, number> = {
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  mentionable: 9,
  number: 10,
};

/** Where guild commands are written: Discord, or the sandbox, through its REST API. */
export interface CommandsApi {
  /** Replaces every command of the application in the guild (`PUT …/guilds/:id/commands`). */
  putGuildCommands(guildId: string, commands: unknown[]): Promise<void>;
}

/**
 * The REST call that bulk-overwrites a guild's commands, on Discord's API or the sandbox's
 * (`apiUrl` without the version, e.g. `https://discord.com/api` or `http://127.0.0.1:3210/api`).
 * A failure throws with Discord's message, so a publish that cannot register its command is
 * undone and answers 503.
 *
 * @example
 * const api = discordCommandsApi({ apiUrl: 'https://discord.com/api', token, applicationId });
 */
export function discordCommandsApi(options: {
  apiUrl: string;
  token: string;
  applicationId: string;
}): CommandsApi {
  const base = options.apiUrl.replace(/\/+$/, '');
  return {
    putGuildCommands: async (guildId, commands) => {
      const response = await fetch(
        `${base}/v10/applications/${options.applicationId}/guilds/${guildId}/commands`,
        {
          method: 'PUT',
          headers: { authorization: `Bot ${options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(commands),
          signal: AbortSignal.timeout(10_000),
        },
      );
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        throw new Error(
          `Discord refused the guild's slash commands (${response.status}: ${body.message ?? response.statusText})`,
        );
      }
    },
  };
}

/**
 * The command Discord registers for a `trigger.slashCommand` config (required options first,
 * as Discord demands).
 */
export function slashCommandJson(config: Record<string, unknown>): Record<string, unknown> {
  const options = (Array.isArray(config.options) ? config.options : []) as {
    name: string;
    type?: string;
    description: string;
    required?: boolean;
  }[];
  return {
    name: config.name,
    description: config.description,
    type: 1,
    options: [...options]
      .sort((a, b) => Number(b.required === true) - Number(a.required === true))
      .map((o) => ({
        name: o.name,
        description: o.description,
        type: OPTION_TYPES[o.type ?? 'string'] ?? 3,
        required: o.required === true,
      })),
  };
}

/**
 * Activation hooks that keep each guild's slash commands equal to its live
 * `trigger.slashCommand` graphs: when a graph that has (or had) a slash-command trigger is
 * activated or deactivated, the guild's whole command list is written again (a bulk overwrite
 * is idempotent and removes commands of disabled graphs). Runs after the router hook, which
 * records the trigger types it reads.
 */
export function commandActivation(store: () => Promise<Store>, api: CommandsApi): ActivationHooks {
  const sync = async (guildId: string): Promise<void> => {
    const live = await (
      await store()
    ).triggers
      .find({ guildId, triggerType: SLASH, active: true })
      .lean<TriggerRecord[]>();
    const byName = new Map<string, Record<string, unknown>>();
    for (const record of live) {
      const command = slashCommandJson(JSON.parse(record.configJson) as Record<string, unknown>);
      byName.set(String(command.name), command);
    }
    await api.putGuildCommands(guildId, [...byName.values()]);
  };
  const concerned = async (graphId: string): Promise<TriggerRecord | null> => {
    const record = await (await store()).triggers.findById(graphId).lean<TriggerRecord>();
    return record && (record.triggerType === SLASH || record.previousType === SLASH)
      ? record
      : null;
  };
  return {
    activate: async (graph) => {
      if (await concerned(graph.id)) await sync(graph.guildId);
    },
    deactivate: async (graph) => {
      if (await concerned(graph.id)) await sync(graph.guildId);
    },
  };
}

/**
 * Where the service registers slash commands, from the environment: real Discord with
 * `DISCORD_TOKEN` (application id from `DISCORD_APPLICATION_ID` or the token), else the sandbox
 * at `GUILDFLOW_SANDBOX_URL`; undefined when neither is configured (publishing a slash-command
 * graph then fails with a clear message).
 */
export function commandsApiFromEnv(env: NodeJS.ProcessEnv): CommandsApi | undefined {
  const token = env.DISCORD_TOKEN?.trim();
  if (token) {
    const applicationId = env.DISCORD_APPLICATION_ID?.trim() || applicationIdFromToken(token);
    if (!applicationId) return undefined;
    return discordCommandsApi({
      apiUrl: env.DISCORD_API_URL?.trim() || 'https://discord.com/api',
      token,
      applicationId,
    });
  }
  const sandbox = sandboxBotFromEnv(env);
  return sandbox && discordCommandsApi(sandbox);
}

/** Commands that cannot be registered: the service has neither a bot token nor a sandbox. */
export const noCommandsApi: CommandsApi = {
  putGuildCommands: async () => {
    throw new Error(
      'slash commands need a Discord bot: set DISCORD_TOKEN (or run the sandbox with `npm start`)',
    );
  },
};
