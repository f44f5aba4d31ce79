/**
 * The pure engine core: graph model, node catalog, validation and the expression language.
 * It runs unchanged in the Temporal workflow sandbox, the service and the browser, so it
 * imports no Node built-ins, SDKs or service code (enforced by ESLint).
 */
export * from './graph/index.js';
export * from './catalog/index.js';
export * from './expressions/index.js';
export * from './duration.js';
export * from './validation/index.js';
export * from './scope/index.js';
export * from './patterns/text-pattern.js';
export * from './preflight/index.js';
