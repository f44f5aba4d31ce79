import { createDiscordExecutors, discordConnectionsFromEnv } from '@guildflow/discord';
import { createStoreActivities } from '@guildflow/engine/service';
import type { Settings } from '@guildflow/stack';
import type { ActivityRegistry } from './worker.js';

/**
 * Every activity this worker offers: one executor per action node type (from the connectors)
 * and the engine's own `engine.*` activities. Connectors register here as they land.
 *
 * @example
 * const activities = await buildActivities(loadSettings(process.cwd()));
 */
export async function buildActivities(settings: Settings): Promise<ActivityRegistry> {
  // The sandbox when there is no DISCORD_TOKEN; with one, real Discord (and the sandbox for
  // `simulate` runs when GUILDFLOW_SANDBOX_URL is set).
  const discord = createDiscordExecutors(discordConnectionsFromEnv());
  // engine.* (waits, collects, sub-graphs) and the data.* executors live on the store.
  if (!settings.mongodbUri) {
    process.stderr.write(
      'MONGODB_URI is not set: data nodes, waits, collects and sub-graph runs will fail. Start Guildflow with `npm start`, or set it.\n',
    );
  }
  const store = settings.mongodbUri ? createStoreActivities(settings.mongodbUri).activities : {};
  return { ...(discord as unknown as ActivityRegistry), ...(store as unknown as ActivityRegistry) };
}
