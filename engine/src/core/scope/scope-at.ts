import { toJsonSchema, type JsonSchema } from '../catalog/json.js';
import { getNodeType } from '../catalog/registry.js';
import type { NodeDeclaration } from '../catalog/define-node.js';
import { templatePath } from '../expressions/editing.js';
import { ROOT_NAMES, type RootName } from '../expressions/scope.js';
import { reachableFrom } from '../graph/algorithms.js';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import type { GraphDocument, GraphNode } from '../graph/schema.js';
import { loopBodies } from '../validation/structure.js';
import { nodeReferenceRefusal, rootRefusal } from './scope-rules.js';
import { schemaAt, schemaMembers, typeLabel, type SchemaMember } from './schema-members.js';

/** A node whose output an expression can read: its id, type, title and output schema. */
export interface ScopeNode {
  id: string;
  type: string;
  title: string;
  schema: JsonSchema;
}

/**
 * A variable readable as `vars.<name>`: from the graph's `vars`, or set by an upstream
 * `flow.setVariables` (`from` is that node's id).
 */
export interface ScopeVariable {
  name: string;
  from: 'graph' | string;
}

/**
 * Everything an expression in one node's config can read — the same rules `validateGraph`
 * enforces (they share `scope-rules`), as data for the builder's autocomplete.
 *
 * @example
 * const scope = scopeAt(doc, 'role');
 * scope?.nodes.map((n) => n.id); // ['start', 'greet']
 */
export interface NodeScope {
  nodeId: string;
  /** Roots the node may read, in `ROOT_NAMES` order. */
  roots: RootName[];
  /** The trigger (its payload is `trigger`), when `trigger` is readable and the graph has one. */
  trigger?: ScopeNode;
  /** Upstream nodes readable as `nodes.<id>`, in document order. */
  nodes: ScopeNode[];
  vars: ScopeVariable[];
  /** Inside a `flow.forEach` body: the innermost loop and the schema of its items. */
  item?: { loopId: string; schema: JsonSchema };
}

const RUN_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'This run’s id.' },
    graphId: { type: 'string', description: 'The graph’s id.' },
    version: { type: 'integer', description: 'The published version this run executes.' },
    startedAt: { type: 'string', description: 'When the run started (ISO text).' },
  },
};
const NOW_SCHEMA: JsonSchema = { type: 'string', description: 'The current time as ISO text.' };
const ROOT_ABOUT: Record<RootName, string> = {
  trigger: 'The trigger’s payload.',
  nodes: 'Outputs of the nodes that ran before this one, by node id.',
  vars: 'The graph’s variables (and those set by flow.setVariables).',
  item: 'The current item of the flow.forEach loop.',
  run: 'This run: id, graphId, version, startedAt.',
  now: 'The current time as ISO text.',
};

/**
 * The output schema of one node: its declaration's `outputFor(config)` when it has one (a slash
 * command's options, the variables set), else its declared output.
 *
 * @example
 * outputSchemaOf(getNodeType('flow.setVariables')!, { values: { count: 1 } }).properties; // { count: … }
 */
export function outputSchemaOf(
  declaration: NodeDeclaration,
  config: Readonly<Record<string, unknown>> | undefined,
): JsonSchema {
  const safe = typeof config === 'object' && config !== null ? config : {};
  try {
    if (declaration.outputFor) return toJsonSchema(declaration.outputFor(safe));
  } catch {
    // A config the hook cannot read falls back to the declared output.
  }
  return toJsonSchema(declaration.output);
}

/**
 * What node `nodeId` can read in its expressions; undefined when there is no such node or its
 * type is unknown. Pass the document's index when asking for several nodes.
 *
 * @example
 * scopeAt(welcome, 'greet')?.roots; // ['trigger', 'nodes', 'vars', 'run', 'now'] (no item outside a loop)
 */
export function scopeAt(
  doc: GraphDocument,
  nodeId: string,
  index: GraphIndex = indexGraph(doc),
): NodeScope | undefined {
  const node = index.nodes.get(nodeId);
  const declaration = node && getNodeType(node.type);
  if (!node || !declaration) return undefined;
  const inLoops = loopBodies(doc, index);
  const roots = ROOT_NAMES.filter((root) => !rootRefusal(declaration, inLoops.has(nodeId), root));
  const ancestry = index.ancestry();
  const readable = roots.includes('nodes')
    ? index.nodeIds.filter((id) => !nodeReferenceRefusal(index, ancestry, nodeId, id))
    : [];
  const nodes = readable.flatMap((id) => scopeNode(index.nodes.get(id)));
  const scope: NodeScope = { nodeId, roots, nodes, vars: variables(doc, nodes, roots) };
  const triggerNode = doc.nodes.find((n) => getNodeType(n.type)?.kind === 'trigger');
  const trigger = roots.includes('trigger') ? scopeNode(triggerNode)[0] : undefined;
  if (trigger) scope.trigger = trigger;
  if (roots.includes('item')) {
    const loopId = innermostLoop(doc, index, nodeId);
    if (loopId) scope.item = { loopId, schema: itemSchema(doc, index, loopId) };
  }
  return scope;
}

/**
 * The schema of a root in a node's scope (`{}` for a root it cannot read).
 *
 * @example
 * rootSchema(scopeAt(doc, 'role')!, 'run').properties; // { id, graphId, version, startedAt }
 */
export function rootSchema(scope: NodeScope, root: RootName): JsonSchema {
  if (!scope.roots.includes(root)) return {};
  switch (root) {
    case 'trigger':
      return scope.trigger?.schema ?? {};
    case 'nodes':
      return {
        type: 'object',
        properties: Object.fromEntries(
          scope.nodes.map((n) => [n.id, { ...n.schema, description: `${n.title} (${n.type})` }]),
        ),
      };
    case 'vars':
      return {
        type: 'object',
        properties: Object.fromEntries(
          scope.vars.map((v) => [
            v.name,
            { description: v.from === 'graph' ? 'Graph variable.' : `Set by ${v.from}.` },
          ]),
        ),
      };
    case 'item':
      return scope.item?.schema ?? {};
    case 'run':
      return RUN_SCHEMA;
    case 'now':
      return NOW_SCHEMA;
  }
}

/**
 * The roots a node can read, as members (for completing the start of an expression).
 *
 * @example
 * rootMembers(scopeAt(doc, 'start')!); // [{ name: 'vars', … }] for a trigger
 */
export function rootMembers(scope: NodeScope): SchemaMember[] {
  return scope.roots.map((root) => ({
    name: root,
    type: typeLabel(rootSchema(scope, root)),
    description: ROOT_ABOUT[root],
  }));
}

/**
 * The members readable after `path.` in a node's scope (`path` starts at a root), e.g. the
 * upstream node ids after `nodes.`, a node's output fields after `nodes.greet.`.
 *
 * @example
 * membersAt(scopeAt(doc, 'role')!, ['trigger', 'member']).map((m) => m.name); // ['id', 'username', 'mention']
 */
export function membersAt(scope: NodeScope, path: readonly (string | number)[]): SchemaMember[] {
  const [root, ...rest] = path;
  if (typeof root !== 'string' || !(ROOT_NAMES as readonly string[]).includes(root)) return [];
  return schemaMembers(schemaAt(rootSchema(scope, root as RootName), rest));
}

function scopeNode(node: GraphNode | undefined): ScopeNode[] {
  const declaration = node && getNodeType(node.type);
  if (!node || !declaration) return [];
  const schema = outputSchemaOf(declaration, node.config);
  return [{ id: node.id, type: node.type, title: declaration.title, schema }];
}

function variables(doc: GraphDocument, upstream: ScopeNode[], roots: RootName[]): ScopeVariable[] {
  if (!roots.includes('vars')) return [];
  const found = new Map<string, ScopeVariable>();
  for (const name of Object.keys(doc.vars ?? {})) found.set(name, { name, from: 'graph' });
  for (const n of upstream) {
    if (n.type !== 'flow.setVariables') continue;
    const properties = (n.schema as { properties?: Record<string, unknown> }).properties ?? {};
    for (const name of Object.keys(properties))
      if (!found.has(name)) found.set(name, { name, from: n.id });
  }
  return [...found.values()];
}

/** The loop whose body holds `nodeId` and that lies inside every other such loop. */
function innermostLoop(doc: GraphDocument, index: GraphIndex, nodeId: string): string | undefined {
  const ancestry = index.ancestry();
  let best: string | undefined;
  for (const loop of doc.nodes) {
    if (loop.type !== 'flow.forEach' || loop.id === nodeId) continue;
    if (!reachableFrom(index, loop.id, { port: 'item' }).has(nodeId)) continue;
    if (best === undefined || ancestry.has(loop.id, best)) best = loop.id;
  }
  return best;
}

/** What `item` is: the element schema of the loop's `items` when they are a plain path. */
function itemSchema(doc: GraphDocument, index: GraphIndex, loopId: string): JsonSchema {
  const items = (index.nodes.get(loopId)?.config as { items?: unknown } | undefined)?.items;
  const path = typeof items === 'string' ? templatePath(items) : undefined;
  const loopScope = path && scopeAt(doc, loopId, index);
  if (!path || !loopScope || typeof path[0] !== 'string') return {};
  const list = schemaAt(rootSchema(loopScope, path[0] as RootName), path.slice(1));
  return schemaAt(list, [0]);
}
