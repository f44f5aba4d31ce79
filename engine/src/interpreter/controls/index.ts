import {
  NODE_DECLARATIONS,
  type AnyNodeDeclaration,
  type ControlTypeId,
} from '../../core/catalog/registry.js';
import { ifNode, switchNode } from './branching.js';
import { forEachNode, joinNode, pickRandomNode, setVariablesNode, stopNode } from './data-flow.js';
import { collectNode, waitForNode } from './events.js';
import { runGraphNode } from './run-graph.js';
import { delayNode } from './timing.js';
import type { ControlConfig, ControlHandler, RenderedControlHandler } from './types.js';

/**
 * The handler of every control node type, which runs in workflow code: a control node declared
 * without a handler does not compile. Action nodes never appear here: they are dispatched
 * generically as activities named by their type.
 */
const HANDLERS: { readonly [K in ControlTypeId]: ControlHandler<K> } = {
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

/**
 * The one place the rendered config meets its declared type: it was validated against the
 * declaration when the graph was published, and expression fields render to values the
 * handlers still check where only the run knows them (a list that is not a list, a bad date).
 */
function renderedHandler<K extends ControlTypeId>(type: K): RenderedControlHandler {
  const handler: ControlHandler<K> = HANDLERS[type];
  return (ctx) => handler({ ...ctx, config: ctx.config as ControlConfig<K> });
}

const isControl = (d: AnyNodeDeclaration): d is Extract<AnyNodeDeclaration, { kind: 'control' }> =>
  d.kind === 'control';

/** The control handlers by node type, as the interpreter looks them up. */
export const controlHandlers: Readonly<Record<string, RenderedControlHandler>> = Object.fromEntries(
  NODE_DECLARATIONS.filter(isControl).map((d) => [d.type, renderedHandler(d.type)]),
);

export type {
  ControlConfig,
  ControlContext,
  ControlHandler,
  ControlResult,
  RenderedControlHandler,
} from './types.js';
