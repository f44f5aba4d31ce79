export { createApp } from './app.js';
export type { ServiceDeps } from './deps.js';
export { ApiError } from './errors.js';
export { checkHealth, type Health } from './health.js';
export { composeActivation, noActivation, type ActivatedGraph, type ActivationHooks } from './graphs/activation.js';
export { reconcileActivations } from './graphs/reconcile.js';
export { startRun, type StartRunInput } from './runs/start-run.js';
export {
  createDataExecutors,
  createEngineActivities,
  createStoreActivities,
  enterCollect,
  waitsFor,
} from './activities/index.js';
export { connectStore, openStore, sweepExpired, type Store } from './storage/index.js';
export { createSession, endSession } from './auth/index.js';
export { routerActivation, triggerConfigOf } from './router/router-activation.js';
