import { createDiscordExecutors, discordConnectionsFromEnv } from '@guildflow/discord';
import type { Settings } from '@guildflow/stack';
import type { ActivityRegistry } from './worker.js';

/**
 * Every activity this worker offers: one executor per action node type (from the connectors)
 * and the engine's own `engine.*` activities. Connectors register here as they land.
 *
 * @example
 * const activities = await buildActivities(loadSettings(process.cwd()));
 */
export async function buildActivities(_settings: Settings): Promise<ActivityRegistry> {
  // The sandbox when there is no DISCORD_TOKEN; with one, real Discord (and the sandbox for
  // `simulate` runs when GUILDFLOW_SANDBOX_URL is set).
  const discord = createDiscordExecutors(discordConnectionsFromEnv());
  return { ...(discord as unknown as ActivityRegistry) };
}
