import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  ApplicationFailure,
  CancelledFailure,
  TerminatedFailure,
  TimeoutFailure,
} from '@temporalio/common';
import { STEPS_QUERY, type GraphRunResult, type StepLog } from '../../interpreter/contract.js';
import type { TemporalDeps } from './temporal-calls.js';
import { messageOf } from '../log.js';
import { describeRun, type RunSummary } from './run-views.js';
import { temporalCall } from './temporal-calls.js';

/** `GET /api/guilds/:guildId/runs/:runId`. */
export interface RunDetail extends RunSummary {
  steps: StepLog[];
  droppedSteps: number;
  error?: { code: string; message: string };
  stepsError?: string;
}

// A query needs a worker to answer; without one it would wait for the full call deadline.
const QUERY_TIMEOUT_MS = 3000;

/**
 * A run of this guild node by node: the steps come from the workflow's `steps` query while it
 * runs, from its result when it completed, and from a query of the closed workflow (a worker
 * replays it) when it failed, was cancelled, terminated or timed out — an empty list with
 * `stepsError` when no worker could answer.
 */
export async function readRun(
  deps: TemporalDeps,
  guildId: string,
  runId: string,
): Promise<RunDetail> {
  const { summary, handle } = await describeRun(deps, guildId, runId);
  if (summary.status === 'completed') {
    const result = (await temporalCall(deps, () => handle.result())) as GraphRunResult;
    return { ...summary, steps: result.steps, droppedSteps: result.droppedSteps };
  }
  const error = summary.status === 'running' ? undefined : await failureOf(deps, handle);
  try {
    const steps = await temporalCall(
      deps,
      () => handle.query<StepLog[]>(STEPS_QUERY),
      QUERY_TIMEOUT_MS,
    );
    return { ...summary, steps, droppedSteps: 0, ...(error ? { error } : {}) };
  } catch (queryError) {
    return {
      ...summary,
      steps: [],
      droppedSteps: 0,
      ...(error ? { error } : {}),
      stepsError: `The step log could not be read (no worker answered: ${messageOf(queryError)}).`,
    };
  }
}

/** Why a closed run did not complete, from its close event. */
async function failureOf(
  deps: TemporalDeps,
  handle: WorkflowHandle,
): Promise<{ code: string; message: string } | undefined> {
  try {
    await temporalCall(deps, () => handle.result());
    return undefined;
  } catch (error) {
    if (!(error instanceof WorkflowFailedError))
      return { code: 'unknown', message: messageOf(error) };
    const cause = error.cause;
    if (cause instanceof ApplicationFailure)
      return { code: cause.type ?? 'failed', message: cause.message };
    if (cause instanceof CancelledFailure)
      return { code: 'cancelled', message: cause.message || 'The run was cancelled.' };
    if (cause instanceof TerminatedFailure)
      return { code: 'terminated', message: cause.message || 'The run was terminated.' };
    if (cause instanceof TimeoutFailure)
      return { code: 'timed_out', message: cause.message || 'The run timed out.' };
    return { code: 'failed', message: cause?.message ?? error.message };
  }
}
