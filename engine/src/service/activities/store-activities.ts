import { ApplicationFailure } from '@temporalio/common';
import {
  ERROR_TYPES,
  type ActionActivities,
  type ActionTypeId,
  type DATA_NODES,
} from '../../core/index.js';
import {
  credentialSource,
  credentialsUnavailable,
  type CredentialSource,
} from '../credentials/credential-source.js';
import { createStatsExecutor } from '../stats/read-stats.js';
import { log } from '../log.js';
import { connectStore } from '../storage/index.js';
import { stripeOwnership } from '../stripe/stripe-ownership.js';
import { createDataExecutors } from './data-executors.js';
import { createEngineActivities } from './engine-activities.js';

/**
 * Everything the worker registers from the engine — the `engine.*` activities and the `data.*`
 * executors — on a store connection of its own that keeps retrying until MongoDB answers, and
 * the guild credentials executors resolve by name (opened with `secretKey`; without it, a
 * source that says the key is missing).
 *
 * @example
 * const { activities, credentials, close } = createStoreActivities(settings.mongodbUri, settings.secretKey);
 * await Worker.create({ …, activities });
 */
export function createStoreActivities(mongodbUri: string, secretKey?: string) {
  const mongo = connectStore(mongodbUri, (error) =>
    log('warn', 'worker.store_unavailable', { error: error.message }),
  );
  const engine = createEngineActivities(mongo);
  const actions: Pick<ActionActivities, DataNodeType> = {
    ...createDataExecutors(mongo),
    ...createStatsExecutor(mongo),
  };
  const credentials: CredentialSource = secretKey
    ? credentialSource(mongo, secretKey)
    : credentialsUnavailable('GUILDFLOW_SECRET_KEY is not set for the worker');
  return {
    activities: { ...engine, ...actions },
    engine,
    actions,
    credentials,
    stripeObjects: stripeOwnership(mongo),
    /** The store connection itself, for worker housekeeping (the Discord budget's share). */
    connection: mongo,
    close: () => mongo.close(),
  };
}

/** The type ids of the data action nodes (the ones on the store). */
export type DataNodeType = Extract<ActionTypeId, (typeof DATA_NODES)[number]['type']>;

/**
 * The data executors of a worker without a store (no `MONGODB_URI`): each fails at once,
 * non-retryably, saying so — instead of an activity the worker does not register.
 */
export function storeMissingExecutors(): Pick<ActionActivities, DataNodeType> {
  const missing = () =>
    Promise.reject(
      ApplicationFailure.create({
        type: ERROR_TYPES.notConfigured,
        message: 'This worker has no store (MONGODB_URI is not set), so data nodes cannot run.',
        nonRetryable: true,
      }),
    );
  return {
    'data.get': missing,
    'data.set': missing,
    'data.increment': missing,
    'data.stats': missing,
    'data.top': missing,
  };
}
