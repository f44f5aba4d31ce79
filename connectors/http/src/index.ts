/**
 * The HTTP connector: the executor of `http.request`. Until it is implemented the action is
 * declared `unavailable` (validation refuses graphs that use it) and its executor fails at once.
 */
import { HTTP_NODES, type ActionActivities, type ActionTypeId } from '@guildflow/engine/core';
import { unavailableExecutor } from '@guildflow/engine/service';

/** The type ids of the HTTP action nodes. */
export type HttpNodeType = Extract<ActionTypeId, (typeof HTTP_NODES)[number]['type']>;

/** The HTTP activities, for the worker to register. */
export function createHttpExecutors(): Pick<ActionActivities, HttpNodeType> {
  return { 'http.request': unavailableExecutor('http.request') };
}
