/**
 * Preflight before publishing: warnings about what may fail at run time. The graph-only checks
 * live here (pure); the service adds those that need the guild (permissions, roles, channels).
 */
import type { GraphDocument } from '../graph/schema.js';
import { replyWindowWarnings } from './interaction-window.js';
import { messageLimitWarnings } from './message-limits.js';
import type { PreflightWarning } from './warning.js';

export { INTERACTION_WINDOW_MS, replyWindowWarnings } from './interaction-window.js';
export { expressionBound, messageLimitWarnings } from './message-limits.js';
export { permissionNeeds, type PermissionNeed } from './permission-needs.js';
export type { PreflightCode, PreflightWarning } from './warning.js';

/**
 * The warnings that need only the graph: messages that can exceed Discord's limits and replies
 * after the interaction window.
 *
 * @example
 * graphWarnings(doc).map((w) => w.code); // ['message_may_exceed_limit']
 */
export function graphWarnings(doc: GraphDocument): PreflightWarning[] {
  return [...messageLimitWarnings(doc), ...replyWindowWarnings(doc)];
}
