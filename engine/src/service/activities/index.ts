/** Activities the worker registers from the engine: `engine.*` and the `data.*` executors. */
export { createEngineActivities, COLLECT_RETENTION_MS } from './engine-activities.js';
export { createDataExecutors, MAX_VALUE_BYTES } from './data-executors.js';
export { createStoreActivities } from './store-activities.js';
export { enterCollect, waitsFor } from './router-queries.js';
