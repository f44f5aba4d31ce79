/**
 * One run of a graph inside `graphWorkflow`: the scheduler loop and the steps a node goes
 * through. Deterministic like the workflow itself (core + `@temporalio/workflow` only). The
 * order of the Temporal commands these methods issue is part of every run's history: keep it
 * when changing them (replay.test.ts replays recorded histories).
 */
import * as wf from '@temporalio/workflow';
import { ERROR_TYPES } from '../core/catalog/action-policy.js';
import { getNodeType } from '../core/catalog/registry.js';
import type { NodeDeclaration, Scope } from '../core/index.js';
import type { EngineActivities, GraphRunInput, GraphRunResult, GraphWorkflow } from './contract.js';
import { controlHandlers } from './controls/index.js';
import type { ControlContext, ControlResult } from './controls/types.js';
import {
  dispatchAction,
  type ActionPlacement,
  hasErrorEdges,
  pinOf,
  renderNodeConfig,
  toNodeError,
} from './node-execution.js';
import type { NodeRun, RunState } from './run-state.js';

type GraphNode = GraphRunInput['graph']['document']['nodes'][number];

/** What the workflow decided before the run starts. */
export interface GraphRunSettings {
  input: GraphRunInput;
  state: RunState;
  triggerPayload: unknown;
  startedAt: string;
  workflowId: string;
  engine: EngineActivities;
  /** The workflow this run executes in (child runs start it). */
  graphWorkflow: GraphWorkflow;
  /** Where an action type's activity runs (locally, or on which task queue). */
  placementOf(type: string): ActionPlacement;
  /** Waits and retry backoff are divided by it (sandbox time compression). */
  timeScale: number;
  /** True when the history has grown enough to continue as new. */
  historyFull(): boolean;
  /** Continues as new with the saved state (never returns). */
  continueAsNew(): Promise<never>;
}

/**
 * The scheduler of one run: starts every queued node, waits for them, drains in-flight nodes
 * before continuing as new, and records a node's failure, a `flow.stop` or completion.
 */
export class GraphRun {
  private inflight = 0;
  private failure: unknown;
  private stopped = false;
  private draining = false;
  private readonly runScope = new wf.CancellationScope();
  /** Timers of waiting nodes: cancelled together when the run drains for continue-as-new. */
  private timers: wf.CancellationScope | undefined;

  constructor(private readonly settings: GraphRunSettings) {}

  /** Runs until every branch has ended, a node failed without an `error` edge, or `flow.stop`. */
  async run(): Promise<GraphRunResult> {
    try {
      await this.runScope.run(() => this.schedule());
    } catch (error) {
      if (!(this.stopped && wf.isCancellation(error))) throw error;
    }
    if (this.failure !== undefined) throw this.failure;
    const { steps } = this.settings.state;
    return {
      status: this.stopped ? 'stopped' : 'completed',
      steps: steps.list(),
      droppedSteps: steps.dropped,
    };
  }

  private async schedule(): Promise<void> {
    const { state } = this.settings;
    for (;;) {
      if (!this.draining) this.startQueued();
      if (this.failure !== undefined || this.stopped) return;
      if (this.inflight === 0 && state.queued === 0) return;
      if (!this.draining && this.settings.historyFull()) {
        this.draining = true;
        this.timers?.cancel();
      }
      if (this.draining && this.inflight === 0) await this.settings.continueAsNew();
      await wf.condition(
        () =>
          this.failure !== undefined ||
          this.stopped ||
          this.inflight === 0 ||
          (!this.draining && (state.queued > 0 || this.settings.historyFull())),
      );
    }
  }

  private startQueued(): void {
    for (const run of this.settings.state.takeQueue()) {
      this.inflight += 1;
      void this.execute(run).finally(() => {
        this.inflight -= 1;
      });
    }
  }

  /** One node: begin its step, then the trigger, a pinned action, an action or a control node. */
  private async execute(run: NodeRun): Promise<void> {
    const { state } = this.settings;
    const node = state.node(run.nodeId);
    const declaration = getNodeType(node.type);
    if (!run.begun) {
      state.steps.begin(run.seq, node.id, state.iterationOf(run.frameId));
      run.begun = true;
    }
    const scope = this.scopeFor(run);
    try {
      if (!declaration)
        throw wf.ApplicationFailure.nonRetryable(
          `Unknown node type ${node.type}.`,
          ERROR_TYPES.unknownNodeType,
        );
      if (declaration.kind === 'trigger')
        return this.settle(run, { ports: ['out'], output: this.settings.triggerPayload });
      const pin = declaration.kind === 'action' ? pinOf(this.settings.input, node.id) : undefined;
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
        const output = await this.runAction(run, node, declaration, config);
        return this.settle(run, { ports: ['out'], output });
      }
      const handler = controlHandlers[node.type];
      if (!handler)
        throw wf.ApplicationFailure.nonRetryable(
          `No handler for control node ${node.type}.`,
          ERROR_TYPES.unknownNodeType,
        );
      this.settle(run, await handler(this.controlContext(run, node, scope, config)));
    } catch (error) {
      this.fail(run, node, declaration, error);
    }
  }

  /** The expression scope of a node run (its frame's outputs and loop item). */
  private scopeFor(run: NodeRun): Scope {
    const { input, state } = this.settings;
    return {
      trigger: this.settings.triggerPayload,
      nodes: state.outputsFor(run.frameId),
      vars: state.vars,
      item: state.itemFor(run.frameId),
      run: {
        id: this.settings.workflowId,
        graphId: input.graph.graphId,
        version: input.graph.version,
        startedAt: this.settings.startedAt,
      },
      now: new Date().toISOString(),
    };
  }

  private runAction(
    run: NodeRun,
    node: GraphNode,
    declaration: NodeDeclaration,
    config: Record<string, unknown>,
  ): Promise<unknown> {
    const { input, state, workflowId } = this.settings;
    const context = {
      runId: workflowId,
      graphId: input.graph.graphId,
      guildId: input.graph.guildId,
      version: input.graph.version,
      nodeId: node.id,
      // Stable across retries of this step; inside a loop, per iteration.
      idempotencyKey: [workflowId, node.id, state.iterationOf(run.frameId)]
        .filter(Boolean)
        .join(':'),
      simulate: input.options?.simulate === true,
      ...(input.interaction ? { interaction: input.interaction } : {}),
    };
    return dispatchAction(
      node,
      declaration,
      config,
      context,
      this.settings.timeScale,
      this.settings.placementOf(node.type),
    );
  }

  private controlContext(
    run: NodeRun,
    node: GraphNode,
    scope: Scope,
    config: Record<string, unknown>,
  ): ControlContext {
    const { input, state, workflowId, engine, timeScale, graphWorkflow } = this.settings;
    return {
      node,
      run,
      state,
      input,
      workflowId,
      scope,
      config,
      engine,
      graphWorkflow,
      scaled: (ms) => Math.max(0, Math.round(ms / timeScale)),
      markWaiting: (wait) => state.steps.waiting(run.seq, wait && { ...wait, timeScale }),
      wait: (deadline, until) => this.wait(deadline, until),
    };
  }

  /** A timer (or a condition with a timeout) in the scope continue-as-new cancels. */
  private async wait(deadline: number, until?: () => boolean): Promise<boolean> {
    const remaining = deadline - Date.now();
    this.timers ??= new wf.CancellationScope();
    const timers = this.timers;
    if (until) return remaining > 0 ? timers.run(() => wf.condition(until, remaining)) : until();
    if (remaining > 0) await timers.run(() => wf.sleep(remaining));
    return true;
  }

  /** Records what a node answered: its ports and output, a loop to iterate, or the end of the run. */
  private settle(run: NodeRun, result: ControlResult): void {
    const { state } = this.settings;
    if ('loop' in result) {
      state.startLoop(run, result.loop);
    } else if ('stop' in result) {
      state.steps.finish(run.seq, 'completed', {}, undefined);
      this.stopped = true;
      this.runScope.cancel();
    } else {
      state.steps.finish(run.seq, 'completed', result.output, result.ports.join(','));
      state.complete(run, result.ports, result.output);
    }
  }

  /**
   * A node threw: cancellation by `flow.stop` or a drain is no failure; an action with an
   * `error` edge takes it; anything else fails the run, naming the node.
   */
  private fail(
    run: NodeRun,
    node: GraphNode,
    declaration: NodeDeclaration | undefined,
    error: unknown,
  ): void {
    const { state, input } = this.settings;
    if (wf.isCancellation(error)) {
      if (this.stopped) return;
      if (this.draining) {
        state.requeue(run);
        return;
      }
      this.failure ??= error;
      return;
    }
    const nodeError = toNodeError(error);
    if (declaration?.kind === 'action' && hasErrorEdges(input.graph.document, node.id)) {
      state.steps.finish(run.seq, 'failed', { error: nodeError }, 'error', nodeError);
      state.complete(run, ['error'], { error: nodeError });
      return;
    }
    state.steps.finish(run.seq, 'failed', undefined, undefined, nodeError);
    this.failure ??= wf.ApplicationFailure.nonRetryable(
      `Node "${node.id}" (${node.type}) failed: ${nodeError.message}`,
      nodeError.code,
    );
  }
}
