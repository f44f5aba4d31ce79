import type { GraphSnapshot } from '../../interpreter/contract.js';
import { ApiError } from '../errors.js';

/** The graph a hook (de)activates: enough to key router entries, schedules and commands. */
export interface ActivatedGraph {
  id: string;
  guildId: string;
  name: string;
}

/**
 * What publishing, rollback and disabling tell the rest of the system: the trigger router,
 * the Temporal Schedule of a `trigger.schedule` graph, slash commands and the webhook (in that
 * order). Both calls must be idempotent (they are re-run after a crash and on rollback) and
 * should undo their own partial work when they fail; the service then restores the previous
 * state (re-activating the previous version, or deactivating) and answers 503.
 *
 * @example
 * const deps = { …, activation: { activate: async (g, s) => router.use(g, s), deactivate: async (g) => router.drop(g) } };
 */
export interface ActivationHooks {
  /** Makes `snapshot` the version that new events of this graph run. */
  activate(graph: ActivatedGraph, snapshot: GraphSnapshot): Promise<void>;
  /** Stops new runs of this graph (running runs continue). */
  deactivate(graph: ActivatedGraph): Promise<void>;
}

/**
 * Hooks that do nothing, for a service without trigger router, schedules or slash commands yet.
 *
 * @example
 * const activation = deps.activation ?? noActivation;
 */
export const noActivation: ActivationHooks = {
  activate: async () => {},
  deactivate: async () => {},
};

/**
 * 503 `activation_failed`: a hook failed, the change was undone.
 *
 * @example
 * throw activationFailed('publishing version 3', error);
 */
export function activationFailed(what: string, error: unknown): ApiError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(
    503,
    'activation_failed',
    `${what} failed while updating triggers (${reason}). Nothing was changed: the previous state is back. Try again in a moment.`,
  );
}
