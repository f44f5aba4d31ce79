import * as wf from '@temporalio/workflow';
import { DEFAULT_ACTION_POLICY, ERROR_TYPES } from '../core/catalog/action-policy.js';
import { fieldMode } from '../core/catalog/fields.js';
import { actionQueueOf } from '../core/catalog/registry.js';
import { parseDuration } from '../core/duration.js';
import { ExpressionError, renderValue } from '../core/expressions/index.js';
import type { GraphDocument, NodeDeclaration, Scope } from '../core/index.js';
import {
  discordTaskQueue,
  type ActionContext,
  type ActionInput,
  type GraphRunInput,
  type PinnedOutput,
} from './contract.js';

type GraphNode = GraphDocument['nodes'][number];
type ActionFn = (input: ActionInput) => Promise<unknown>;

const proxies = new Map<string, Record<string, ActionFn>>();

/**
 * Renders a node's config against the run's scope: every string template is evaluated except
 * the fields its declaration keeps literal and its conditions (`flow.if` evaluates its condition
 * itself, so it may be written bare).
 */
export function renderNodeConfig(
  node: GraphNode,
  declaration: NodeDeclaration,
  scope: Scope,
): Record<string, unknown> {
  const rendered = renderValue(node.config ?? {}, scope, {
    skip: (path) => fieldMode(declaration, path) !== 'template',
  });
  return (rendered ?? {}) as Record<string, unknown>;
}

/**
 * Where an action's activity runs: `local` — in the worker that runs the workflow, recorded as
 * one marker (no activity task, no second workflow task) — or as a Temporal activity on
 * `taskQueue` (the run's own queue when absent).
 */
export type ActionPlacement = { local: true } | { local: false; taskQueue?: string };

/**
 * Runs an action node as one activity whose name is the node type, with the retry and timeout
 * policy of its declaration, placed as `placement` says. Proxies are made once per type, scale
 * and placement.
 */
export async function dispatchAction(
  node: GraphNode,
  declaration: NodeDeclaration,
  config: Record<string, unknown>,
  context: ActionContext,
  timeScale = 1,
  placement: ActionPlacement = { local: false },
): Promise<unknown> {
  const where = placement.local ? 'local' : (placement.taskQueue ?? '');
  const key = `${node.type}|${timeScale}|${where}`;
  let proxy = proxies.get(key);
  if (!proxy) {
    const policy = declaration.policy ?? DEFAULT_ACTION_POLICY;
    const options = {
      startToCloseTimeout: policy.startToCloseTimeout,
      retry: scaleRetry(policy.retry, timeScale),
    };
    proxy = placement.local
      ? wf.proxyLocalActivities<Record<string, ActionFn>>(options)
      : wf.proxyActivities<Record<string, ActionFn>>({
          ...options,
          ...(placement.taskQueue ? { taskQueue: placement.taskQueue } : {}),
        });
    proxies.set(key, proxy);
  }
  const activity = proxy[node.type];
  if (!activity) throw new Error(`no activity for ${node.type}`);
  return activity({ config, context });
}

/** Retry backoff is a wait too: timeScale divides it (never below 10 ms). */
function scaleRetry(
  retry: wf.RetryPolicy | undefined,
  timeScale: number,
): wf.RetryPolicy | undefined {
  if (!retry || timeScale === 1) return retry;
  const scale = (d: string | number | undefined) =>
    d === undefined ? undefined : Math.max(10, Math.round(msOf(d) / timeScale));
  const initialInterval = scale(retry.initialInterval);
  const maximumInterval = scale(retry.maximumInterval);
  return {
    ...retry,
    ...(initialInterval === undefined ? {} : { initialInterval }),
    ...(maximumInterval === undefined ? {} : { maximumInterval }),
  };
}

function msOf(duration: string | number): number {
  if (typeof duration === 'number') return duration;
  return parseDuration(String(duration));
}

/** True when the node has an edge from its `error` port. */
export function hasErrorEdges(doc: GraphDocument, nodeId: string): boolean {
  return doc.edges.some((e) => e.source === nodeId && e.sourceHandle === 'error');
}

/**
 * The `{ code, message, retryable }` shape of the `error` port and the step log; `code` is the
 * failure's type (one of `ERROR_TYPES`, whichever executor raised it).
 */
export function toNodeError(error: unknown): { code: string; message: string; retryable: boolean } {
  if (error instanceof wf.ActivityFailure) {
    const cause = error.cause;
    if (cause instanceof wf.ApplicationFailure) {
      return {
        code: cause.type ?? ERROR_TYPES.activityError,
        message: cause.message,
        retryable: !cause.nonRetryable,
      };
    }
    if (cause instanceof wf.TimeoutFailure) {
      return {
        code: ERROR_TYPES.timeout,
        message: 'The action did not finish in time (after retries).',
        retryable: true,
      };
    }
    return {
      code: ERROR_TYPES.activityError,
      message: cause?.message ?? error.message,
      retryable: true,
    };
  }
  if (error instanceof wf.ApplicationFailure) {
    return {
      code: error.type ?? ERROR_TYPES.error,
      message: error.message,
      retryable: !error.nonRetryable,
    };
  }
  if (error instanceof ExpressionError) {
    return { code: ERROR_TYPES.expressionError, message: error.message, retryable: false };
  }
  if (error instanceof wf.ChildWorkflowFailure) {
    return {
      code: ERROR_TYPES.childRunFailed,
      message: error.cause?.message ?? error.message,
      retryable: false,
    };
  }
  return {
    code: ERROR_TYPES.error,
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
  };
}

/** The interpreter version from which live Discord actions run on their own queue. */
export const DISCORD_QUEUE_SINCE = 2;

/** The interpreter version from which Discord actions run as local activities. */
export const LOCAL_DISCORD_SINCE = 4;

/**
 * Where each action type runs in this run. Gated on the interpreter version stamped in the
 * run's input when it started (not on `patched()`, whose marker and search-attribute update
 * would add two events to every run's history), so running workflows replay as they began:
 *
 * - from v4, Discord actions (live and simulated) are local activities of the worker running
 *   the run; its in-process Discord budget (connectors/discord `DiscordBudget`) keeps the bot
 *   under Discord's global limit and each guild to its share;
 * - v2–v3: live Discord actions on `<run's queue>-discord`, polled only by Discord workers whose
 *   server-side rate limit kept the whole bot under the global limit; simulated ones on the
 *   run's queue;
 * - v1 or no stamp: every action on the run's queue.
 */
export function actionPlacement(
  info: { taskQueue: string },
  simulate: boolean,
  startedWithVersion: number | undefined,
): (type: string) => ActionPlacement {
  const version = startedWithVersion ?? 1;
  const onRunQueue: ActionPlacement = { local: false };
  const discord: ActionPlacement =
    version >= LOCAL_DISCORD_SINCE
      ? { local: true }
      : !simulate && version >= DISCORD_QUEUE_SINCE
        ? { local: false, taskQueue: discordTaskQueue(info.taskQueue) }
        : onRunQueue;
  return (type) => (actionQueueOf(type) === 'discord' ? discord : onRunQueue);
}

/** The interpreter version from which simulated runs use pinned outputs. */
export const PINS_SINCE = 3;

/**
 * The pinned output of an action node in this run, if it is to be used: only in a simulated
 * run (test data never stands in for a real guild's action) started by an interpreter that
 * knows pins. Checked here, in the workflow, so no caller can make a live run use a pin.
 */
export function pinOf(input: GraphRunInput, nodeId: string): PinnedOutput | undefined {
  if (input.options?.simulate !== true || (input.interpreterVersion ?? 1) < PINS_SINCE)
    return undefined;
  const pins = input.options.pins;
  if (!pins || !Object.prototype.hasOwnProperty.call(pins, nodeId)) return undefined;
  const pin = pins[nodeId];
  return pin && typeof pin.port === 'string' ? pin : undefined;
}
