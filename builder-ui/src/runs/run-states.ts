import type { Step } from '../api/run-queries.js';

/** What one node did in a run, over all its steps (a loop runs a node once per item). */
export interface NodeRunState {
  status: Step['status'] | 'not-run';
  /** How many steps the node had. */
  count: number;
  /** The ports its steps left by. */
  ports: Set<string>;
}

// The state that wins when a node's steps differ: what needs looking at first.
const RANK: Record<Step['status'], number> = {
  failed: 5,
  running: 4,
  waiting: 3,
  completed: 2,
  skipped: 1,
};

/** Each node's state in a run, from its step log. */
export function nodeStates(steps: readonly Step[]): Map<string, NodeRunState> {
  const states = new Map<string, NodeRunState>();
  for (const step of steps) {
    const state = states.get(step.nodeId) ?? { status: step.status, count: 0, ports: new Set() };
    state.count += 1;
    if (RANK[step.status] > RANK[state.status as Step['status']]) state.status = step.status;
    if (step.port) state.ports.add(step.port);
    states.set(step.nodeId, state);
  }
  return states;
}
