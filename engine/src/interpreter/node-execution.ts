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
 * Runs an action node as one activity whose name is the node type, with the retry and timeout
 * policy of its declaration, on `taskQueue` when given (Discord actions: the rate-limited
 * queue). Proxies are made once per type, scale and queue.
 */
export async function dispatchAction(
  node: GraphNode,
  declaration: NodeDeclaration,
  config: Record<string, unknown>,
  context: ActionContext,
  timeScale = 1,
  taskQueue?: string,
): Promise<unknown> {
  const key = `${node.type}|${timeScale}|${taskQueue ?? ''}`;
  let proxy = proxies.get(key);
  if (!proxy) {
    const policy = declaration.policy ?? DEFAULT_ACTION_POLICY;
    proxy = wf.proxyActivities<Record<string, ActionFn>>({
      startToCloseTimeout: policy.startToCloseTimeout,
      retry: scaleRetry(policy.retry, timeScale),
      ...(taskQueue ? { taskQueue } : {}),
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

/**
 * The task queue of Discord actions: `<run's queue>-discord`, polled only by Discord workers
 * whose server-side rate limit keeps the whole bot under Discord's global limit. Simulated runs
 * (the sandbox is not Discord) stay on the run's queue. Gated on the interpreter version stamped
 * in the run's input when it started (not on `patched()`, whose marker and search-attribute
 * update would add two events to every run's history): runs started by version 1, or without a
 * stamp, replay on the old queue.
 */
export function discordQueueChooser(
  info: { taskQueue: string },
  simulate: boolean,
  startedWithVersion: number | undefined,
): (type: string) => string | undefined {
  const queue =
    !simulate && (startedWithVersion ?? 1) >= DISCORD_QUEUE_SINCE
      ? discordTaskQueue(info.taskQueue)
      : undefined;
  return (type) => (actionQueueOf(type) === 'discord' ? queue : undefined);
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
