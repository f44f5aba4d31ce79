import type { GraphDocument, Scope } from '../../core/index.js';
import type { EngineActivities, GraphRunInput, StepWait } from '../contract.js';
import type { NodeRun, RunState } from '../run-state.js';

/** What a control node's handler answers: the ports to take and its output. */
export type ControlResult =
  | { ports: string[]; output: unknown }
  /** `flow.forEach`: the run state iterates and later takes `done`. */
  | { loop: unknown[] }
  /** `flow.stop`: end the whole run. */
  | { stop: true };

/** Everything a control handler may use; timers go through `wait` so continue-as-new can interrupt them. */
export interface ControlContext {
  node: GraphDocument['nodes'][number];
  run: NodeRun;
  state: RunState;
  input: GraphRunInput;
  workflowId: string;
  scope: Scope;
  /** Renders the node's config (expressions evaluated, literal fields kept). */
  config: Record<string, unknown>;
  /** Divides a wait by the run's timeScale. */
  scaled(ms: number): number;
  /** Waits until `until` or the deadline (absolute ms); true when `until` became true. */
  wait(deadline: number, until?: () => boolean): Promise<boolean>;
  engine: EngineActivities;
  /**
   * Marks the step as waiting; with `wait`, until `deadline` (absolute ms) for a timer, an event
   * or a window (a child run has no deadline, so it says nothing more).
   */
  markWaiting(wait?: { deadline: number } & Omit<StepWait, 'until' | 'untilUncompressed'>): void;
}

export type ControlHandler = (ctx: ControlContext) => Promise<ControlResult> | ControlResult;
