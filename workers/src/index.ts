export { createGuildflowWorker, type ActivityRegistry, type GuildflowWorkerOptions } from './worker.js';
export { workflowBundle, workflowsPath } from './bundle.js';
