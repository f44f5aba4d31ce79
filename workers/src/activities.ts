import {
  createDiscordExecutors,
  discordConnectionsFromEnv,
  type DiscordBudget,
} from '@guildflow/discord';
import type { EngineActivities } from '@guildflow/engine/interpreter';
import { ERROR_TYPES, type ActionActivities } from '@guildflow/engine/core';
import {
  createStoreActivities,
  credentialsUnavailable,
  storeMissingExecutors,
  type CredentialSource,
} from '@guildflow/engine/service';
import { createHttpExecutors } from '@guildflow/http';
import type { Settings } from '@guildflow/stack';
import { createStripeExecutors, type StripeOwnership } from '@guildflow/stripe';
import { ApplicationFailure } from '@temporalio/activity';

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
export async function buildActivities(
  settings: Settings,
  budget?: DiscordBudget,
): Promise<{ activities: WorkerActivities; store: StoreActivities | undefined }> {
  // The sandbox when there is no DISCORD_TOKEN; with one, real Discord (and the sandbox for
  // `simulate` runs when GUILDFLOW_SANDBOX_URL is set). Live calls wait their turn in `budget`.
  const discord = createDiscordExecutors({ ...discordConnectionsFromEnv(), budget });
  // engine.* (waits, collects, sub-graphs) and the data.* executors live on the store.
  if (!settings.mongodbUri) {
    process.stderr.write(
      'MONGODB_URI is not set: data nodes, waits, collects and sub-graph runs will fail. Start Guildflow with `npm start`, or set it.\n',
    );
  }
  const store = settings.mongodbUri
    ? createStoreActivities(settings.mongodbUri, settings.secretKey)
    : undefined;
  const actions: ActionActivities = {
    ...discord,
    ...(store?.actions ?? storeMissingExecutors()),
    ...createHttpExecutors({ allow: settings.httpAllow, credentials: workerCredentials(store) }),
    // A guild's own Stripe account (its `stripe` credential); the worker holds no Stripe key.
    ...createStripeExecutors({
      credentials: workerCredentials(store),
      ownership: store?.stripeObjects ?? stripeOwnershipMissing,
      apiBase: settings.stripeApiBase,
    }),
  };
  return { activities: { ...actions, ...store?.engine }, store };
}

type StoreActivities = ReturnType<typeof createStoreActivities>;

/**
 * The guild credentials this worker's executors resolve by name (`http.request`'s `credential`,
 * a guild's Stripe account): on the worker's store, opened with `GUILDFLOW_SECRET_KEY` (which
 * `npm start` gives the worker for this); without a store, a source that says so. Pass it to the
 * connectors that take one.
 *
 * @example
 * const credentials = workerCredentials(store);
 */
export function workerCredentials(
  store: ReturnType<typeof createStoreActivities> | undefined,
): CredentialSource {
  return store?.credentials ?? credentialsUnavailable('MONGODB_URI is not set for the worker');
}

/** Without a store no Stripe object can be recorded or checked: every Stripe step says so. */
const stripeOwnershipMissing: StripeOwnership = {
  record: () => Promise.reject(noStore()),
  assertOwned: () => Promise.reject(noStore()),
};

function noStore(): ApplicationFailure {
  return ApplicationFailure.create({
    type: ERROR_TYPES.notConfigured,
    message:
      'This worker has no store (MONGODB_URI is not set), so Stripe steps cannot check which Stripe objects belong to the server.',
    nonRetryable: true,
  });
}
