/**
 * The graph interpreter: one Temporal workflow per run. Control nodes run here in workflow code;
 * every action node is one activity named by its node type (generic dispatch: adding a node
 * type never touches this file). This module and everything it imports must stay deterministic:
 * it may import only the pure engine core and `@temporalio/workflow` (enforced by ESLint).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import { ERROR_TYPES } from '../core/catalog/action-policy.js';
import { getNodeType } from '../core/catalog/registry.js';
import {
  INTERPRETER_VERSION,
  STEPS_QUERY,
  WAIT_EVENT_SIGNAL,
  type EngineActivities,
  type GraphRunInput,
  type GraphRunResult,
  type StepLog,
  type WaitEvent,
} from './contract.js';
import { GraphRun } from './graph-run.js';
import { actionPlacement } from './node-execution.js';
import { RunState } from './run-state.js';

export const stepsQuery = wf.defineQuery<StepLog[]>(STEPS_QUERY);
export const waitEventSignal = wf.defineSignal<[WaitEvent]>(WAIT_EVENT_SIGNAL);

/** Continue-as-new well before Temporal's 50k-event hard limit (and its 10k warning). */
const HISTORY_EVENT_LIMIT = 9_000;

const engine = wf.proxyActivities<EngineActivities>({
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 10, initialInterval: '1s', maximumInterval: '30s' },
});

/**
 * Runs a pinned graph version with a trigger payload. Returns the step log; fails (with the
 * failing node named) when a node fails and has no `error` edge.
 *
 * @example
 * await client.workflow.start(graphWorkflow, { taskQueue: 'guildflow', workflowId,
 *   args: [{ graph: snapshot, trigger: { type: 'trigger.manual', payload: {} } }] });
 */
export async function graphWorkflow(
  input: GraphRunInput & { continueAsNewAfterEvents?: number },
): Promise<GraphRunResult> {
  const info = wf.workflowInfo();
  const doc = input.graph.document;
  const startedAt = input.startedAt ?? new Date().toISOString();
  const interpreterVersion = input.interpreterVersion ?? INTERPRETER_VERSION;
  const trigger = doc.nodes.find((n) => getNodeType(n.type)?.kind === 'trigger');
  if (!trigger)
    throw wf.ApplicationFailure.nonRetryable(
      'The graph has no trigger node.',
      ERROR_TYPES.invalidGraph,
    );
  const triggerPayload = withScheduledAt(input.trigger, info);
  const state = input.resume
    ? RunState.restore(doc, input.resume)
    : RunState.start(doc, trigger.id, doc.vars ?? {});
  wf.setHandler(stepsQuery, () => state.steps.list());
  wf.setHandler(waitEventSignal, (event) => {
    state.events[event.waitId] = event;
  });

  const historyLimit = input.continueAsNewAfterEvents ?? HISTORY_EVENT_LIMIT;
  const run = new GraphRun({
    input,
    state,
    triggerPayload,
    startedAt,
    workflowId: info.workflowId,
    engine,
    graphWorkflow,
    placementOf: actionPlacement(info, input.options?.simulate === true, input.interpreterVersion),
    timeScale:
      input.options?.timeScale && input.options.timeScale > 0 ? input.options.timeScale : 1,
    historyFull: () =>
      wf.workflowInfo().continueAsNewSuggested || wf.workflowInfo().historyLength > historyLimit,
    continueAsNew: () =>
      wf.continueAsNew<typeof graphWorkflow>({
        ...input,
        trigger: { type: input.trigger.type, payload: triggerPayload },
        startedAt,
        interpreterVersion,
        resume: state.save(),
      }),
  });
  return run.run();
}

const SCHEDULED_START = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);

/**
 * A Temporal Schedule starts every run with the same arguments, so a `trigger.schedule` run
 * learns the time it was scheduled for from the search attribute the schedule sets (or its
 * own start time when started by hand). Deterministic: both come from the workflow info.
 */
function withScheduledAt(trigger: GraphRunInput['trigger'], info: wf.WorkflowInfo): unknown {
  const payload = trigger.payload;
  if (trigger.type !== 'trigger.schedule') return payload;
  const base =
    payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  if (typeof base.scheduledAt === 'string') return payload;
  const scheduled = info.typedSearchAttributes.get(SCHEDULED_START) ?? info.startTime;
  return { ...base, scheduledAt: scheduled.toISOString() };
}
