import { defaultPayloadConverter } from '@temporalio/common';
import type { GraphRunInput } from '../../interpreter/contract.js';
import { ApiError } from '../errors.js';
import type { RunSummary } from './run-views.js';
import { temporalCall, type TemporalDeps } from './temporal-calls.js';
import type { WorkflowHandle } from '@temporalio/client';

/**
 * What a run was started with — its pinned graph, trigger payload and options — read from the
 * start of its history (a run that continued as new keeps them in each execution's input), so
 * it can be run again exactly. The interaction that started it (a credential, and long expired)
 * and any continue-as-new state are left out.
 */
export async function startInputOf(
  deps: TemporalDeps,
  handle: WorkflowHandle,
  summary: RunSummary,
): Promise<Pick<GraphRunInput, 'graph' | 'trigger' | 'options'>> {
  const history = await temporalCall(deps, () => handle.fetchHistory());
  const payload =
    history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  const input = payload ? defaultPayloadConverter.fromPayload<GraphRunInput>(payload) : undefined;
  if (!input?.graph || !input.trigger)
    throw new ApiError(
      409,
      'run_not_rerunnable',
      `Run ${summary.runId} was not started by Guildflow's interpreter, so it cannot be run again; start a new run of its graph instead.`,
    );
  return { graph: input.graph, trigger: input.trigger, options: input.options ?? {} };
}
