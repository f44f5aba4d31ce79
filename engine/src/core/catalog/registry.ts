import type { GraphNode } from '../graph/schema.js';
import { DATA_NODES } from './data/index.js';
import type { ActionQueue } from './action-policy.js';
import type { NodeDeclaration } from './define-node.js';
import { ERROR_PORT, NODE_GROUPS, type InputMode, type PortDeclaration } from './node-kinds.js';
import { DISCORD_NODES } from './discord/index.js';
import { FLOW_NODES } from './flow/index.js';
import { HTTP_NODES } from './http/index.js';
import { STRIPE_NODES } from './stripe/index.js';
import { TRIGGER_NODES } from './triggers/index.js';

/**
 * Every node type declaration, in palette order (groups in `NODE_GROUPS` order).
 *
 * @example
 * NODE_DECLARATIONS.length; // number of node types
 */
export const NODE_DECLARATIONS = [
  ...TRIGGER_NODES,
  ...DISCORD_NODES,
  ...FLOW_NODES,
  ...DATA_NODES,
  ...HTTP_NODES,
  ...STRIPE_NODES,
] as const;

/** The union of all declaration types. */
export type AnyNodeDeclaration = (typeof NODE_DECLARATIONS)[number];

/** Every public node type id. */
export type NodeTypeId = AnyNodeDeclaration['type'];

/**
 * Declaration types by type id (for typing executors).
 *
 * @example
 * type Send = NodeTypeMap['discord.sendMessage'];
 * const send: ActionExecutor<Send> = async ({ config }) => ({ messageId: '1', channelId: config.channelId ?? '' });
 */
export type NodeTypeMap = { [D in AnyNodeDeclaration as D['type']]: D };

/**
 * Type ids of the action nodes (each one is an activity named by its type id), from the
 * declarations' `kind`.
 */
export type ActionTypeId = Extract<AnyNodeDeclaration, { kind: 'action' }>['type'];

/** Type ids of the control nodes (handled by the interpreter in workflow code). */
export type ControlTypeId = Extract<AnyNodeDeclaration, { kind: 'control' }>['type'];

/** Type ids of the trigger nodes. */
export type TriggerTypeId = Extract<AnyNodeDeclaration, { kind: 'trigger' }>['type'];

/**
 * The catalog: node type id → declaration.
 *
 * @example
 * catalog.get('flow.if')?.kind; // 'control'
 */
export const catalog: ReadonlyMap<string, NodeDeclaration> = new Map<string, NodeDeclaration>(
  [...NODE_DECLARATIONS]
    .sort((a, b) => NODE_GROUPS.indexOf(a.group) - NODE_GROUPS.indexOf(b.group))
    .map((declaration) => [declaration.type, declaration as NodeDeclaration]),
);

const LIST: readonly NodeDeclaration[] = Object.freeze([...catalog.values()]);

/**
 * The declaration of a node type, or undefined for an unknown type id.
 *
 * @example
 * const declaration = getNodeType(node.type);
 * if (!declaration) issues.push({ nodeId: node.id, path: 'type', code: 'unknown-type', message: '…' });
 */
export function getNodeType(type: string): NodeDeclaration | undefined {
  return catalog.get(type);
}

/** Every declaration, in palette order. */
export function listNodeTypes(): readonly NodeDeclaration[] {
  return LIST;
}

/**
 * True when the type id is a trigger.
 *
 * @example
 * doc.nodes.filter((n) => isTrigger(n.type)).length === 1;
 */
export function isTrigger(type: string): boolean {
  return catalog.get(type)?.kind === 'trigger';
}

/**
 * The output ports of a node: its type's ports (resolved from its config for dynamic ones such
 * as `flow.switch`), then `error` for actions. Empty for unknown types.
 *
 * @example
 * portsOf({ type: 'flow.if', config: { condition: 'true' } }).map((p) => p.id); // ['true', 'false']
 * portsOf({ type: 'discord.addRole', config: {} }).map((p) => p.id); // ['out', 'error']
 */
export function portsOf(node: Pick<GraphNode, 'type' | 'config'>): readonly PortDeclaration[] {
  const declaration = catalog.get(node.type);
  if (!declaration) return [];
  return outputPortsOf(declaration, node.config);
}

/**
 * The output ports of a declaration for a config (see {@link portsOf}).
 *
 * @example
 * outputPortsOf(getNodeType('flow.switch')!, { cases: [{ id: 'a', equals: 1 }] }); // a, default
 */
export function outputPortsOf(
  declaration: NodeDeclaration,
  config: Readonly<Record<string, unknown>> = {},
): readonly PortDeclaration[] {
  const outputs = declaration.ports.outputs;
  const ports = typeof outputs === 'function' ? outputs(isRecord(config) ? config : {}) : outputs;
  return declaration.ports.error ? [...ports, ERROR_PORT] : ports;
}

/**
 * How many inputs a node type takes (`none` for triggers, `many` for `flow.join`, else `one`);
 * undefined for unknown types.
 *
 * @example
 * inputsOf('trigger.manual'); // 'none'
 */
export function inputsOf(type: string): InputMode | undefined {
  return catalog.get(type)?.ports.inputs;
}

/**
 * The dedicated queue of an action type from its declaration (`discord` for Discord calls),
 * undefined for actions that run on the run's own queue and for other node types.
 */
export function actionQueueOf(type: string): ActionQueue | undefined {
  const declaration = catalog.get(type);
  return declaration?.kind === 'action' ? declaration.queue : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
