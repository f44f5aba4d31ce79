import * as wf from '@temporalio/workflow';
import { ExpressionError, isLiteralField, renderValue, type GraphDocument, type NodeDeclaration, type Scope } from '../core/index.js';
import type { ActionContext, ActionInput } from './contract.js';

type GraphNode = GraphDocument['nodes'][number];
type ActionFn = (input: ActionInput) => Promise<unknown>;

const DEFAULT_POLICY = {
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 5, initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
} as const;

const proxies = new Map<string, Record<string, ActionFn>>();

/**
 * Renders a node's config against the run's scope: every string template is evaluated except
 * the fields its declaration keeps literal (and `flow.if`'s condition, which the handler
 * evaluates itself so it may be written bare).
 */
export function renderNodeConfig(node: GraphNode, declaration: NodeDeclaration, scope: Scope): Record<string, unknown> {
  const rendered = renderValue(node.config ?? {}, scope, {
    skip: (path) => (node.type === 'flow.if' && path[0] === 'condition') || isLiteralField(declaration, path),
  });
  return (rendered ?? {}) as Record<string, unknown>;
}

/**
 * Runs an action node as one activity whose name is the node type, with the retry and timeout
 * policy of its declaration. Proxies are made once per type.
 */
export async function dispatchAction(
  node: GraphNode,
  declaration: NodeDeclaration,
  config: Record<string, unknown>,
  context: ActionContext,
): Promise<unknown> {
  let proxy = proxies.get(node.type);
  if (!proxy) {
    const policy = declaration.policy ?? DEFAULT_POLICY;
    proxy = wf.proxyActivities<Record<string, ActionFn>>({
      startToCloseTimeout: policy.startToCloseTimeout,
      retry: policy.retry,
    });
    proxies.set(node.type, proxy);
  }
  const activity = proxy[node.type];
  if (!activity) throw new Error(`no activity for ${node.type}`);
  return activity({ config, context });
}

/** True when the node has an edge from its `error` port. */
export function hasErrorEdges(doc: GraphDocument, nodeId: string): boolean {
  return doc.edges.some((e) => e.source === nodeId && e.sourceHandle === 'error');
}

/** The `{ code, message, retryable }` shape of the `error` port and the step log. */
export function toNodeError(error: unknown): { code: string; message: string; retryable: boolean } {
  if (error instanceof wf.ActivityFailure) {
    const cause = error.cause;
    if (cause instanceof wf.ApplicationFailure) {
      return { code: cause.type ?? 'ActivityError', message: cause.message, retryable: !cause.nonRetryable };
    }
    if (cause instanceof wf.TimeoutFailure) {
      return { code: 'Timeout', message: 'The action did not finish in time (after retries).', retryable: true };
    }
    return { code: 'ActivityError', message: cause?.message ?? error.message, retryable: true };
  }
  if (error instanceof wf.ApplicationFailure) {
    return { code: error.type ?? 'Error', message: error.message, retryable: !error.nonRetryable };
  }
  if (error instanceof ExpressionError) {
    return { code: 'ExpressionError', message: error.message, retryable: false };
  }
  if (error instanceof wf.ChildWorkflowFailure) {
    return { code: 'ChildRunFailed', message: error.cause?.message ?? error.message, retryable: false };
  }
  return { code: 'Error', message: error instanceof Error ? error.message : String(error), retryable: false };
}
