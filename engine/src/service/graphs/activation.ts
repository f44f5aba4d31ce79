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
 */
export interface ActivationHooks {
  /** Makes `snapshot` the version that new events of this graph run. */
  activate(graph: ActivatedGraph, snapshot: GraphSnapshot): Promise<void>;
  /** Stops new runs of this graph (running runs continue). */
  deactivate(graph: ActivatedGraph): Promise<void>;
  /**
   * Waits until the change is in effect everywhere (every gateway routes by it), within a short
   * bound; undefined when nothing needs confirming. Never throws for a slow gateway: it says so.
   */
  confirm?(graph: ActivatedGraph): Promise<RoutingConfirmation | undefined>;
}

/** Whether the gateways route by a publish, rollback, disable or delete when the API answers it. */
export interface RoutingConfirmation {
  /** Every running gateway routes by the change. */
  live: boolean;
  gateways: { id: string; confirmed: boolean }[];
  /** What is not in effect and what to do, when `live` is false. */
  message?: string;
}

/** Hooks that do nothing, for a service without trigger router, schedules or slash commands yet. */
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

/**
 * One set of hooks made of several, run in order (router, schedules, slash commands, webhook —
 * the order of docs/architecture.md). A failing part stops the chain and the error reaches the publisher, which
 * restores the previous state by re-running the whole chain for it (every part is idempotent).
 */
export function composeActivation(...parts: ActivationHooks[]): ActivationHooks {
  return {
    activate: async (graph, snapshot) => {
      for (const part of parts) await part.activate(graph, snapshot);
    },
    deactivate: async (graph) => {
      // Every part is told, even after one failed, so nothing stays live by accident.
      let failure: unknown;
      for (const part of parts) {
        try {
          await part.deactivate(graph);
        } catch (error) {
          failure ??= error;
        }
      }
      if (failure !== undefined) throw failure;
    },
    confirm: async (graph) => {
      for (const part of parts) {
        const confirmation = await part.confirm?.(graph);
        if (confirmation) return confirmation;
      }
      return undefined;
    },
  };
}
