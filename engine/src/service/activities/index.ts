/** Activities the worker registers from the engine: `engine.*` and the `data.*` executors. */
export { createEngineActivities, COLLECT_RETENTION_MS } from './engine-activities.js';
export { createDataExecutors, MAX_VALUE_BYTES } from './data-executors.js';
export {
  createStoreActivities,
  storeMissingExecutors,
  type DataNodeType,
} from './store-activities.js';
export { enterCollect, waitsFor } from './router-queries.js';
export {
  declarationOf,
  defineExecutor,
  unavailableExecutor,
  type ExecutorFactory,
  type ExecutorInput,
} from './define-executor.js';
export {
  renderedConfigIssues,
  validateRenderedConfig,
  type RenderedConfigRules,
} from './rendered-config.js';
