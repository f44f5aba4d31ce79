import { collect } from './collect.js';
import { delay } from './delay.js';
import { forEach } from './for-each.js';
import { ifNode } from './if.js';
import { join } from './join.js';
import { pickRandom } from './pick-random.js';
import { runGraph } from './run-graph.js';
import { setVariables } from './set-variables.js';
import { stop } from './stop.js';
import { switchNode } from './switch.js';
import { waitFor } from './wait-for.js';

/**
 * The flow (control) node types, in palette order.
 *
 * @example
 * FLOW_NODES.every((d) => d.kind === 'control'); // true
 */
export const FLOW_NODES = [
  ifNode,
  switchNode,
  delay,
  waitFor,
  collect,
  pickRandom,
  forEach,
  join,
  setVariables,
  runGraph,
  stop,
] as const;

export {
  collect,
  delay,
  forEach,
  ifNode,
  join,
  pickRandom,
  runGraph,
  setVariables,
  stop,
  switchNode,
  waitFor,
};
export { FOR_EACH_DEFAULT_MAX, FOR_EACH_HARD_CAP } from './for-each.js';
export { CASE_ID_PATTERN, switchPorts } from './switch.js';
