import type {
  ConfigOf,
  ControlTypeId,
  GraphDocument,
  NodeTypeMap,
  Scope,
} from '../../core/index.js';
import type { EngineActivities, GraphRunInput, StepWait, GraphWorkflow } from '../contract.js';
import type { NodeRun, RunState } from '../run-state.js';

/** What a control node's handler answers: the ports to take and its output. */
export type ControlResult =
  | { ports: string[]; output: unknown }
  /** `flow.forEach`: the run state iterates and later takes `done`. */
  | { loop: unknown[] }
  /** `flow.stop`: end the whole run. */
  | { stop: true };

/** The rendered config of a control node type, typed from its declaration. */
export type ControlConfig<K extends ControlTypeId> = ConfigOf<NodeTypeMap[K]>;

/**
 * Everything a control handler may use; timers go through `wait` so continue-as-new can
 * interrupt them. `C` is the config's type: the declaration's for a handler, the rendered
 * record as the interpreter holds it otherwise.
 */
export interface ControlContext<C = Record<string, unknown>> {
  node: GraphDocument['nodes'][number];
  run: NodeRun;
  state: RunState;
  input: GraphRunInput;
  workflowId: string;
  scope: Scope;
  /** The node's rendered config (expressions evaluated, literal fields kept). */
  config: C;
  /** Divides a wait by the run's timeScale. */
  scaled(ms: number): number;
  /** Waits until `until` or the deadline (absolute ms); true when `until` became true. */
  wait(deadline: number, until?: () => boolean): Promise<boolean>;
  engine: EngineActivities;
  /** The graph workflow itself, to start child runs by typed reference. */
  graphWorkflow: GraphWorkflow;
  /**
   * Marks the step as waiting; with `wait`, until `deadline` (absolute ms) for a timer, an event
   * or a window (a child run has no deadline, so it says nothing more).
   */
  markWaiting(
    wait?: { deadline: number; from?: number } & Omit<StepWait, 'until' | 'untilUncompressed'>,
  ): void;
}

/** The handler of one control node type, its config typed from the declaration. */
export type ControlHandler<K extends ControlTypeId> = (
  ctx: ControlContext<ControlConfig<K>>,
) => Promise<ControlResult> | ControlResult;

/** A handler as the interpreter calls it, with the rendered config it holds. */
export type RenderedControlHandler = (
  ctx: ControlContext,
) => Promise<ControlResult> | ControlResult;
