import { GRAPH_OPERATIONS } from './graph-operations.js';
import { HOOK_OPERATIONS } from './hook-operations.js';
import type { Operation } from './operation.js';
import { RUN_OPERATIONS } from './run-operations.js';
import { SANDBOX_OPERATIONS } from './sandbox-operations.js';
import { SESSION_OPERATIONS } from './session-operations.js';
import { STRIPE_OPERATIONS } from './stripe-operations.js';

/**
 * The implemented routes of the public API, as data, in documentation order: the OpenAPI
 * document is built from this table and the route schemas, and the contract test checks the
 * server against the result.
 */
export const OPERATIONS: Operation[] = [
  ...GRAPH_OPERATIONS,
  ...RUN_OPERATIONS,
  ...HOOK_OPERATIONS,
  ...SESSION_OPERATIONS,
  ...SANDBOX_OPERATIONS,
  ...STRIPE_OPERATIONS,
];
