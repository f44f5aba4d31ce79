import { checkConfig, fieldMode } from '../catalog/fields.js';
import type { NodeDeclaration } from '../catalog/define-node.js';
import { BoundedCache } from '../expressions/cache.js';
import {
  checkTemplate,
  isTemplate,
  referencedNodeIds,
  referencesRoot,
  type ExpressionProblem,
} from '../expressions/index.js';
import { ROOT_NAMES, type RootName } from '../expressions/scope.js';
import { nodeReferenceRefusal, rootRefusal } from '../scope/scope-rules.js';
import type { Ancestry } from '../graph/ancestry.js';
import type { GraphIndex } from '../graph/graph-index.js';
import type { GraphNode } from '../graph/schema.js';
import { readableErrors } from './ajv-errors.js';
import { configValidator } from './compiled-schemas.js';
import { pointerToPath, type ValidationIssue } from './issue.js';

interface NodeContext {
  node: GraphNode;
  at: number;
  declaration: NodeDeclaration;
  index: GraphIndex;
  ancestry: Ancestry;
  insideLoop: boolean;
}

/**
 * The config of one node: its JSON Schema, the cross-field checks of its declaration, then
 * every expression in it — syntax, the scope roots the node may read, `nodes.<id>` references
 * that must be upstream, and `item` only inside a loop.
 */
export function configIssues(ctx: NodeContext): ValidationIssue[] {
  const { node, at, declaration } = ctx;
  const base = `nodes[${at}].config`;
  const config = (node.config ?? {}) as Record<string, unknown>;
  const validate = configValidator(declaration);
  if (!validate(config)) {
    return readableErrors(validate.errors ?? []).map(({ path, message }) => ({
      nodeId: node.id,
      path: path ? `${base}.${path}` : base,
      code: 'invalid_config' as const,
      message,
    }));
  }
  const issues: ValidationIssue[] = checkConfig(declaration, config).map((issue) => ({
    nodeId: node.id,
    path: issue.path ? `${base}.${pointerToPath(issue.path)}` : base,
    code: 'invalid_config' as const,
    message: issue.message,
  }));
  walkStrings(config, [], (text, path) => {
    const mode = fieldMode(declaration, path);
    if (mode === 'literal') return;
    // Conditions may be written bare (`trigger.score > 5`): check them as one expression.
    const template = mode === 'condition' && !isTemplate(text) ? `{{ ${text} }}` : text;
    if (!isTemplate(template)) return;
    issues.push(...expressionIssues(ctx, template, `${base}.${formatPath(path)}`));
  });
  return issues;
}

/** What validation needs to know about one template; a function of its text only. */
interface TemplateFacts {
  problems: readonly ExpressionProblem[];
  roots: ReadonlySet<RootName>;
  nodeIds: readonly string[];
}

// The expression parse cache (500 templates) is smaller than the templates of a big graph, so
// re-validating one (every save in the builder) would re-parse them all: keep the facts of
// recently validated templates, keyed by text like the parse cache (bounded: 8,000 texts of
// at most 2,000 characters).
const FACTS_CACHE_SIZE = 8000;
const FACTS_MAX_TEXT = 2000;
const factsCache = new BoundedCache<TemplateFacts>(FACTS_CACHE_SIZE);

function templateFacts(text: string): TemplateFacts {
  const cached = factsCache.get(text);
  if (cached) return cached;
  const facts: TemplateFacts = {
    problems: checkTemplate(text),
    roots: new Set(ROOT_NAMES.filter((root) => referencesRoot(text, root))),
    nodeIds: referencedNodeIds(text),
  };
  if (text.length <= FACTS_MAX_TEXT) factsCache.set(text, facts);
  return facts;
}

function expressionIssues(ctx: NodeContext, text: string, path: string): ValidationIssue[] {
  const { node, declaration } = ctx;
  const facts = templateFacts(text);
  const issues: ValidationIssue[] = facts.problems.map((problem) => ({
    nodeId: node.id,
    path,
    code: 'invalid_expression' as const,
    message: problem.message,
  }));
  // The refusals come from scope-rules, which `scopeAt` (the builder's autocomplete) shares.
  for (const root of ROOT_NAMES) {
    if (!facts.roots.has(root)) continue;
    const refusal = rootRefusal(declaration, ctx.insideLoop, root);
    if (refusal === 'scope_not_available') {
      issues.push({
        nodeId: node.id,
        path,
        code: refusal,
        message: `${declaration.title} cannot read "${root}" here; it may use ${declaration.scope.join(', ')}.`,
      });
    } else if (refusal === 'item_outside_loop') {
      issues.push({
        nodeId: node.id,
        path,
        code: refusal,
        message: `"item" exists only inside a flow.forEach loop, and "${node.id}" is not in one.`,
      });
    }
  }
  // Without `nodes` in scope (triggers), scope_not_available already covers every reference.
  for (const id of declaration.scope.includes('nodes') ? facts.nodeIds : []) {
    const refusal = nodeReferenceRefusal(ctx.index, ctx.ancestry, node.id, id);
    if (refusal === 'unknown_node_reference') {
      issues.push({
        nodeId: node.id,
        path,
        code: refusal,
        message: `There is no node "${id}" in this graph.`,
      });
    } else if (refusal === 'reference_not_upstream') {
      issues.push({
        nodeId: node.id,
        path,
        code: refusal,
        message: `nodes.${id} is not available here: "${id}" does not run before "${node.id}" on every path that reaches it. Connect it upstream or use its output elsewhere.`,
      });
    }
  }
  return issues;
}

/** Visits every string in a config with its path (keys and array indexes). */
function walkStrings(
  value: unknown,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) walkStrings(v, [...path, key], visit);
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
