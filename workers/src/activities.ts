import { createDiscordExecutors, discordConnectionsFromEnv } from '@guildflow/discord';
import type { ActionActivities } from '@guildflow/engine/core';
import type { EngineActivities } from '@guildflow/engine/interpreter';
import { createStoreActivities, storeMissingExecutors } from '@guildflow/engine/service';
import { createHttpExecutors, noCredentials } from '@guildflow/http';
import type { Settings } from '@guildflow/stack';
import { createStripeExecutors } from '@guildflow/stripe';

/**
 * The activities of a worker: one per action node type — the map is typed over every declared
 * action, so an action without an executor does not compile — and the engine's own `engine.*`
 * activities (absent without a store).
 */
export type WorkerActivities = ActionActivities & Partial<EngineActivities>;

/**
 * Every activity this worker offers: one executor per action node type (from the connectors)
 * and the engine's own `engine.*` activities.
 */
export async function buildActivities(settings: Settings): Promise<WorkerActivities> {
  // The sandbox when there is no DISCORD_TOKEN; with one, real Discord (and the sandbox for
  // `simulate` runs when GUILDFLOW_SANDBOX_URL is set).
  const discord = createDiscordExecutors(discordConnectionsFromEnv());
  // engine.* (waits, collects, sub-graphs) and the data.* executors live on the store.
  if (!settings.mongodbUri) {
    process.stderr.write(
      'MONGODB_URI is not set: data nodes, waits, collects and sub-graph runs will fail. Start Guildflow with `npm start`, or set it.\n',
    );
  }
  const store = settings.mongodbUri ? createStoreActivities(settings.mongodbUri) : undefined;
  const actions: ActionActivities = {
    ...discord,
    ...(store?.actions ?? storeMissingExecutors()),
    // The credentials store is not wired yet: until it is, every credential name is missing
    // (a non-retryable InvalidConfig naming it) and requests without one work.
    ...createHttpExecutors({ allow: settings.httpAllow, credentials: noCredentials }),
    ...createStripeExecutors(),
  };
  return { ...actions, ...store?.engine };
}
