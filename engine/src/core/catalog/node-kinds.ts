/** Node kinds, palette groups and ports: the shape of a node type in the graph. */

/**
 * What runs a node: `trigger` starts a run, `action` is one Temporal activity (dispatched
 * generically by its type id), `control` is handled by the interpreter in workflow code.
 */
export type NodeKind = 'trigger' | 'action' | 'control';

/**
 * Palette groups, in palette order.
 *
 * @example
 * for (const group of NODE_GROUPS) render(group, listNodeTypes().filter((d) => d.group === group));
 */
export const NODE_GROUPS = ['Triggers', 'Discord', 'Flow', 'Data', 'HTTP', 'Stripe'] as const;

/** A palette group. */
export type NodeGroup = (typeof NODE_GROUPS)[number];

/** An output port (a React Flow source handle). */
export interface PortDeclaration {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/**
 * How many inputs a node takes: triggers none, `flow.join` many (it waits for all of them),
 * every other node one input handle (several edges into it each run it — e.g. after the
 * branches of a `flow.if`).
 *
 * @example
 * const mode: InputMode = getNodeType('flow.join')!.ports.inputs; // 'many'
 */
export type InputMode = 'none' | 'one' | 'many';

/**
 * The output ports of a node type: a fixed list, or a function of the node's (raw, possibly
 * invalid) config, as for `flow.switch`.
 */
export type OutputPorts =
  | readonly PortDeclaration[]
  | ((config: Readonly<Record<string, unknown>>) => readonly PortDeclaration[]);

/**
 * The `error` port every action has: taken after its retries are exhausted (or at once for a
 * non-retryable error), with output `{ error: { code, message, retryable } }`.
 */
export const ERROR_PORT: PortDeclaration = Object.freeze({
  id: 'error',
  label: 'Error',
  description:
    'Taken when the action fails after its retries; output `{ error: { code, message, retryable } }`.',
});
