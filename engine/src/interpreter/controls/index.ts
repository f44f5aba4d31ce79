import { ifNode, switchNode } from './branching.js';
import { forEachNode, joinNode, pickRandomNode, setVariablesNode, stopNode } from './data-flow.js';
import { collectNode, waitForNode } from './events.js';
import { runGraphNode } from './run-graph.js';
import { delayNode } from './timing.js';
import type { ControlHandler } from './types.js';

/**
 * Handlers of the control nodes, which run in workflow code. Action nodes never appear here:
 * they are dispatched generically as activities named by their type.
 */
export const controlHandlers: Readonly<Record<string, ControlHandler>> = {
  'flow.if': ifNode,
  'flow.switch': switchNode,
  'flow.delay': delayNode,
  'flow.waitFor': waitForNode,
  'flow.collect': collectNode,
  'flow.pickRandom': pickRandomNode,
  'flow.forEach': forEachNode,
  'flow.join': joinNode,
  'flow.setVariables': setVariablesNode,
  'flow.runGraph': runGraphNode,
  'flow.stop': stopNode,
};

export type { ControlContext, ControlHandler, ControlResult } from './types.js';
