export { createApp } from './app.js';
export type { ServiceDeps } from './deps.js';
export { ApiError } from './errors.js';
export { checkHealth, type Health } from './health.js';
