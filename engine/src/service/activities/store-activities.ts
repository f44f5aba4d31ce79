import { createStatsExecutor } from '../stats/read-stats.js';
import { log } from '../log.js';
import { connectStore } from '../storage/index.js';
import { createDataExecutors } from './data-executors.js';
import { createEngineActivities } from './engine-activities.js';

/**
 * Everything the worker registers from the engine — the `engine.*` activities and the `data.*`
 * executors — on a store connection of its own that keeps retrying until MongoDB answers.
 *
 * @example
 * const { activities, close } = createStoreActivities(settings.mongodbUri);
 * await Worker.create({ …, activities });
 */
export function createStoreActivities(mongodbUri: string) {
  const mongo = connectStore(mongodbUri, (error) =>
    log('warn', 'worker.store_unavailable', { error: error.message }),
  );
  return {
    activities: {
      ...createEngineActivities(mongo),
      ...createDataExecutors(mongo),
      ...createStatsExecutor(mongo),
    },
    close: () => mongo.close(),
  };
}
