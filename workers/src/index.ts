export {
  createGuildflowWorker,
  type ActivityRegistry,
  type GuildflowWorkerOptions,
} from './worker.js';
