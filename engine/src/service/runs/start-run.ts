import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  type Client,
} from '@temporalio/client';
import {
  INTERPRETER_VERSION,
  TASK_QUEUE,
  runPriority,
  runSearchAttributes,
  type GraphRunInput,
  type GraphSnapshot,
  type RunOptions,
} from '../../interpreter/contract.js';
import { newId } from '../storage/index.js';
import { graphWorkflow } from '../../interpreter/workflows.js';

/** What starting a run needs. */
export interface StartRunInput {
  client: Client;
  /** The task queue of the graph workers (default `guildflow`). */
  taskQueue?: string | undefined;
  /** The pinned version the run executes, whatever is published later. */
  snapshot: GraphSnapshot;
  /** The trigger payload; `type` is the graph's trigger node type. */
  trigger: { type: string; payload: unknown };
  /**
   * What started the run (search attribute TriggerType), a node type id: `trigger.manual` for
   * API runs, the trigger node's type for event runs, `flow.runGraph` for child runs.
   */
  triggerType: string;
  options?: RunOptions | undefined;
  /**
   * The run id (= workflow id). Omitted for manual runs (a random `run_…`); event-triggered
   * runs pass a deterministic id (e.g. from the Discord event id) so a redelivered event
   * starts nothing new.
   */
  workflowId?: string | undefined;
  /** The interaction that started the run (slash command, button), for `discord.reply`. */
  interaction?: GraphRunInput['interaction'] | undefined;
}

/**
 * Starts one run of a graph as the `graphWorkflow`, with the search attributes the run list
 * filters on and the interpreter version in its memo. `started: false` means a run with that
 * id already exists (nothing new was started).
 */
export async function startRun(input: StartRunInput): Promise<{ runId: string; started: boolean }> {
  // The interpreter ignores pins in a live run anyway; a caller that sends them has a bug.
  if (input.options?.pins && input.options.simulate !== true)
    throw new Error(
      'Pinned data is for simulated runs only: refusing to start a live run with pins.',
    );
  const runId = input.workflowId ?? newId('run');
  const args: GraphRunInput = {
    graph: input.snapshot,
    trigger: input.trigger,
    options: input.options ?? {},
    startedAt: new Date().toISOString(),
    interpreterVersion: INTERPRETER_VERSION,
    ...(input.interaction ? { interaction: input.interaction } : {}),
  };
  try {
    await input.client.workflow.start(graphWorkflow, {
      taskQueue: input.taskQueue ?? TASK_QUEUE,
      workflowId: runId,
      args: [args],
      typedSearchAttributes: runSearchAttributes(input.snapshot, input.triggerType),
      memo: { interpreterVersion: INTERPRETER_VERSION, startedAt: args.startedAt },
      // Per-guild fairness on every queue the run uses (the Discord budget above all).
      priority: runPriority(input.snapshot),
      // A deterministic id names one event: it must never run twice, even after its first run
      // closed (closed runs are kept for the namespace's 30-day retention).
      ...(input.workflowId !== undefined
        ? { workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }
        : {}),
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError && input.workflowId !== undefined)
      return { runId, started: false };
    throw error;
  }
  return { runId, started: true };
}
