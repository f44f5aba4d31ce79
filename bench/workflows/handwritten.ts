/**
 * The baseline of the interpreter benchmark: the bench's 5-node graph (trigger → flow.if →
 * discord.sendMessage → discord.addRole → flow.delay 0) written by hand as a Temporal workflow.
 * It calls the same activities (same names, same argument shape, same policy, run the same way:
 * Discord actions as local activities, as interpreter v4 runs them) as the interpreter, so the
 * difference between the two is the cost of interpreting the graph.
 * Workflow code: bundled on its own with `bundleWorkflowCode`, deterministic.
 */
import { proxyLocalActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { ActionContext, ActionInput } from '@guildflow/engine/interpreter';
import { HANDWRITTEN_POLICY } from './policy.js';

/** Input of {@link handwrittenWorkflow}: what the graph gets as trigger payload and vars. */
export interface HandwrittenInput {
  guildId: string;
  graphId: string;
  version: number;
  payload: { score: number; name: string; userId: string };
  vars: { channelId: string; roleId: string };
  /** The delay node's wait (0 in the bench: no timer, exactly like the interpreter). */
  delayMs: number;
}

type Actions = Record<string, (input: ActionInput) => Promise<unknown>>;

/** Sends the welcome message and adds the role when the score is above 5, then waits. */
export async function handwrittenWorkflow(
  input: HandwrittenInput,
): Promise<{ status: 'completed' | 'skipped' }> {
  const { workflowId } = workflowInfo();
  // Local activities, as the interpreter runs Discord actions (the budget is the worker's).
  const actions = proxyLocalActivities<Actions>({
    startToCloseTimeout: HANDWRITTEN_POLICY.startToCloseTimeout,
    retry: {
      ...HANDWRITTEN_POLICY.retry,
      nonRetryableErrorTypes: [...HANDWRITTEN_POLICY.retry.nonRetryableErrorTypes],
    },
  });
  const context = (nodeId: string): ActionContext => ({
    runId: workflowId,
    graphId: input.graphId,
    guildId: input.guildId,
    version: input.version,
    nodeId,
    idempotencyKey: `${workflowId}:${nodeId}`,
    simulate: false,
  });
  if (!(input.payload.score > 5)) return { status: 'skipped' };
  await actions['discord.sendMessage']?.({
    config: { channelId: input.vars.channelId, content: `Welcome ${input.payload.name}!` },
    context: context('greet'),
  });
  await actions['discord.addRole']?.({
    config: { userId: input.payload.userId, roleId: input.vars.roleId },
    context: context('role'),
  });
  if (input.delayMs > 0) await sleep(input.delayMs);
  return { status: 'completed' };
}

/**
 * The waiting benchmark's reference: what a hand-written run parked in a one-day timer costs a
 * worker (the graph runs there park in `flow.delay` / `flow.collect`).
 */
export async function handwrittenWaitWorkflow(ms: number): Promise<void> {
  await sleep(ms);
}
