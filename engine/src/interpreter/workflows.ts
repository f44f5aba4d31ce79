/**
 * The graph interpreter: one Temporal workflow per run. Control nodes run here in workflow code;
 * every action node is one activity named by its node type (generic dispatch: adding a node
 * type never touches this file). This module and everything it imports must stay deterministic:
 * it may import only the pure engine core and `@temporalio/workflow` (enforced by ESLint).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
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
import { controlHandlers } from './controls/index.js';
import type { ControlContext } from './controls/types.js';
import {
  discordQueueChooser,
  dispatchAction,
  hasErrorEdges,
  pinOf,
  renderNodeConfig,
  toNodeError,
} from './node-execution.js';
import { RunState, type NodeRun } from './run-state.js';

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
export async function graphWorkflow(input: GraphRunInput & { continueAsNewAfterEvents?: number }): Promise<GraphRunResult> {
  const info = wf.workflowInfo();
  const doc = input.graph.document;
  const startedAt = input.startedAt ?? new Date().toISOString();
  const interpreterVersion = input.interpreterVersion ?? INTERPRETER_VERSION;
  const trigger = doc.nodes.find((n) => getNodeType(n.type)?.kind === 'trigger');
  if (!trigger) throw wf.ApplicationFailure.nonRetryable('The graph has no trigger node.', 'InvalidGraph');
  const triggerPayload = withScheduledAt(input.trigger, info);
  const state = input.resume ? RunState.restore(doc, input.resume) : RunState.start(doc, trigger.id, doc.vars ?? {});
  wf.setHandler(stepsQuery, () => state.steps.list());
  wf.setHandler(waitEventSignal, (event) => {
    state.events[event.waitId] = event;
  });

  const queueOf = discordQueueChooser(info, input.options?.simulate === true, input.interpreterVersion);
  const timeScale = input.options?.timeScale && input.options.timeScale > 0 ? input.options.timeScale : 1;
  const historyLimit = input.continueAsNewAfterEvents ?? HISTORY_EVENT_LIMIT;
  const shouldContinueAsNew = () => wf.workflowInfo().continueAsNewSuggested || wf.workflowInfo().historyLength > historyLimit;
  let inflight = 0;
  let failure: unknown;
  let stopped = false;
  let draining = false;
  const runScope = new wf.CancellationScope();
  let timers: wf.CancellationScope | undefined;

  const execute = async (run: NodeRun): Promise<void> => {
    const node = state.node(run.nodeId);
    const declaration = getNodeType(node.type);
    if (!run.begun) {
      state.steps.begin(run.seq, node.id, state.iterationOf(run.frameId));
      run.begun = true;
    }
    const scope = {
      trigger: triggerPayload,
      nodes: state.outputsFor(run.frameId),
      vars: state.vars,
      item: state.itemFor(run.frameId),
      run: { id: info.workflowId, graphId: input.graph.graphId, version: input.graph.version, startedAt },
      now: new Date().toISOString(),
    };
    try {
      if (!declaration) throw wf.ApplicationFailure.nonRetryable(`Unknown node type ${node.type}.`, 'UnknownNodeType');
      if (declaration.kind === 'trigger') {
        state.steps.finish(run.seq, 'completed', triggerPayload, 'out');
        state.complete(run, ['out'], triggerPayload);
        return;
      }
      const pin = declaration.kind === 'action' ? pinOf(input, node.id) : undefined;
      if (pin) {
        // Test data stands in for the action: nothing is rendered or executed.
        state.steps.finish(run.seq, 'completed', pin.output, pin.port);
        state.steps.pinned(run.seq);
        state.complete(run, [pin.port], pin.output);
        return;
      }
      const config = renderNodeConfig(node, declaration, scope);
      state.steps.input(run.seq, config);
      if (declaration.kind === 'action') {
        const output = await dispatchAction(node, declaration, config, {
          runId: info.workflowId,
          graphId: input.graph.graphId,
          guildId: input.graph.guildId,
          version: input.graph.version,
          nodeId: node.id,
          idempotencyKey: [info.workflowId, node.id, state.iterationOf(run.frameId)].filter(Boolean).join(':'),
          simulate: input.options?.simulate === true,
          ...(input.interaction ? { interaction: input.interaction } : {}),
        }, timeScale, queueOf(node.type));
        state.steps.finish(run.seq, 'completed', output, 'out');
        state.complete(run, ['out'], output);
        return;
      }
      const handler = controlHandlers[node.type];
      if (!handler) throw wf.ApplicationFailure.nonRetryable(`No handler for control node ${node.type}.`, 'UnknownNodeType');
      const ctx: ControlContext = {
        node,
        run,
        state,
        input,
        workflowId: info.workflowId,
        scope,
        config,
        engine,
        scaled: (ms) => Math.max(0, Math.round(ms / timeScale)),
        markWaiting: (wait) => state.steps.waiting(run.seq, wait && { ...wait, timeScale }),
        wait: async (deadline, until) => {
          const remaining = deadline - Date.now();
          timers ??= new wf.CancellationScope();
          const scopeNow = timers;
          if (until) return remaining > 0 ? scopeNow.run(() => wf.condition(until, remaining)) : until();
          if (remaining > 0) await scopeNow.run(() => wf.sleep(remaining));
          return true;
        },
      };
      const result = await handler(ctx);
      if ('loop' in result) {
        state.startLoop(run, result.loop);
      } else if ('stop' in result) {
        state.steps.finish(run.seq, 'completed', {}, undefined);
        stopped = true;
        runScope.cancel();
      } else {
        state.steps.finish(run.seq, 'completed', result.output, result.ports.join(','));
        state.complete(run, result.ports, result.output);
      }
    } catch (error) {
      if (wf.isCancellation(error)) {
        if (stopped) return;
        if (draining) {
          state.requeue(run);
          return;
        }
        failure ??= error;
        return;
      }
      const nodeError = toNodeError(error);
      if (declaration?.kind === 'action' && hasErrorEdges(doc, node.id)) {
        state.steps.finish(run.seq, 'failed', { error: nodeError }, 'error', nodeError);
        state.complete(run, ['error'], { error: nodeError });
        return;
      }
      state.steps.finish(run.seq, 'failed', undefined, undefined, nodeError);
      failure ??= wf.ApplicationFailure.nonRetryable(
        `Node "${node.id}" (${node.type}) failed: ${nodeError.message}`,
        nodeError.code,
      );
    }
  };

  try {
    await runScope.run(async () => {
      for (;;) {
        if (!draining) {
          for (const run of state.takeQueue()) {
            inflight += 1;
            void execute(run).finally(() => {
              inflight -= 1;
            });
          }
        }
        if (failure !== undefined || stopped) return;
        if (inflight === 0 && state.queued === 0) return;
        if (!draining && shouldContinueAsNew()) {
          draining = true;
          timers?.cancel();
        }
        if (draining && inflight === 0) {
          await wf.continueAsNew<typeof graphWorkflow>({
            ...input,
            trigger: { type: input.trigger.type, payload: triggerPayload },
            startedAt,
            interpreterVersion,
            resume: state.save(),
          });
        }
        await wf.condition(
          () =>
            failure !== undefined ||
            stopped ||
            inflight === 0 ||
            (!draining && (state.queued > 0 || shouldContinueAsNew())),
        );
      }
    });
  } catch (error) {
    if (!(stopped && wf.isCancellation(error))) throw error;
  }
  if (failure !== undefined) throw failure;
  return { status: stopped ? 'stopped' : 'completed', steps: state.steps.list(), droppedSteps: state.steps.dropped };
}

const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * A Temporal Schedule starts every run with the same arguments, so a `trigger.schedule` run
 * learns the time it was scheduled for from the search attribute the schedule sets (or its
 * own start time when started by hand). Deterministic: both come from the workflow info.
 */
function withScheduledAt(trigger: GraphRunInput['trigger'], info: wf.WorkflowInfo): unknown {
  const payload = trigger.payload;
  if (trigger.type !== 'trigger.schedule') return payload;
  const base = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  if (typeof base.scheduledAt === 'string') return payload;
  const scheduled = info.typedSearchAttributes.get(SCHEDULED_START) ?? info.startTime;
  return { ...base, scheduledAt: scheduled.toISOString() };
}
