import type { NodeDeclaration } from '../catalog/define-node.js';
import type { RootName } from '../expressions/scope.js';
import type { Ancestry } from '../graph/ancestry.js';
import type { GraphIndex } from '../graph/graph-index.js';

/**
 * Why a node cannot read a scope root: the root is not in its declaration's scope (triggers
 * read `vars` only), or it is `item` and the node is not inside a `flow.forEach` body.
 * Undefined when it can. Validation reports these codes; `scopeAt` offers only what passes.
 *
 * @example
 * rootRefusal(getNodeType('trigger.schedule')!, false, 'trigger'); // 'scope_not_available'
 * rootRefusal(getNodeType('discord.sendMessage')!, false, 'item'); // 'item_outside_loop'
 */
export function rootRefusal(
  declaration: Pick<NodeDeclaration, 'scope'>,
  insideLoop: boolean,
  root: RootName,
): 'scope_not_available' | 'item_outside_loop' | undefined {
  if (!declaration.scope.includes(root)) return 'scope_not_available';
  if (root === 'item' && !insideLoop) return 'item_outside_loop';
  return undefined;
}

/**
 * Why `nodes.<referencedId>` cannot be read at `nodeId`: there is no such node, or it is not
 * upstream (it does not run before `nodeId` on the way to it). Undefined when it can.
 *
 * @example
 * const index = indexGraph(doc);
 * nodeReferenceRefusal(index, index.ancestry(), 'role', 'greet'); // undefined: greet runs first
 * nodeReferenceRefusal(index, index.ancestry(), 'greet', 'role'); // 'reference_not_upstream'
 */
export function nodeReferenceRefusal(
  index: GraphIndex,
  ancestry: Ancestry,
  nodeId: string,
  referencedId: string,
): 'unknown_node_reference' | 'reference_not_upstream' | undefined {
  if (!index.nodes.has(referencedId)) return 'unknown_node_reference';
  if (!ancestry.has(nodeId, referencedId)) return 'reference_not_upstream';
  return undefined;
}
