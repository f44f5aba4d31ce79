import { walk } from './ast.js';
import type { CompiledExpression } from './compile.js';
import { ExpressionError, quote, toExpressionError, type ExpressionProblem } from './errors.js';
import { evaluateNode } from './evaluate.js';
import { Budget, LIMITS } from './limits.js';
import { parseBareExpression, parseTemplate } from './parse-template.js';
import type { RootName, Scope } from './scope.js';
import { toText, truthy } from './values.js';

function problemError(problem: ExpressionProblem): ExpressionError {
  return new ExpressionError(problem.code, problem.message, problem.position);
}

/** Evaluates one compiled expression; errors get the expression quoted and its position. */
function run<T>(
  compiled: CompiledExpression,
  scope: Scope,
  budget: Budget,
  then: (value: unknown) => T,
): T {
  if (!compiled.ast) {
    const first = compiled.problems[0];
    throw first
      ? problemError(first)
      : new ExpressionError('syntax', 'the expression could not be compiled');
  }
  try {
    return then(evaluateNode(compiled.ast, scope, budget));
  } catch (error) {
    const failure = toExpressionError(error);
    throw new ExpressionError(
      failure.code,
      `${failure.message} (in ${quote(compiled.source)})`,
      compiled.position,
    );
  }
}

function compiledParts(text: string): CompiledExpression[] {
  return parseTemplate(text).parts.filter(
    (part): part is CompiledExpression => typeof part !== 'string',
  );
}

/**
 * True when the text contains `{{`, i.e. it is rendered rather than used literally.
 *
 * @example
 * isTemplate('Hi {{ trigger.member.mention }}'); // true
 * isTemplate('Hi there'); // false
 */
export function isTemplate(text: unknown): text is string {
  return typeof text === 'string' && text.includes('{{');
}

/**
 * Every syntax, name, filter and limit problem in a template, without evaluating it (for graph
 * validation). Positions are offsets into `text`. Never throws.
 *
 * @example
 * checkTemplate('{{ user.name }}');
 * // [{ code: 'unknown-name', position: 2,
 * //    message: "unknown name 'user'; expressions can read trigger, nodes, vars, item, run, now (in {{ user.name }})" }]
 */
export function checkTemplate(text: string): ExpressionProblem[] {
  if (!isTemplate(text)) return [];
  return parseTemplate(text).problems.map((problem) => ({ ...problem }));
}

/**
 * The node ids a template reads as `nodes.<id>` or `nodes["<id>"]`, in order, without repeats
 * (ids computed at run time, like `nodes[vars.x]`, cannot be known and are left out).
 *
 * @example
 * referencedNodeIds('{{ nodes.greet.messageId }} {{ nodes["pick-1"].picked | first }}'); // ['greet', 'pick-1']
 */
export function referencedNodeIds(text: string): string[] {
  if (!isTemplate(text)) return [];
  const ids = new Set<string>();
  for (const part of compiledParts(text)) {
    if (!part.outline) continue;
    walk(part.outline, (node) => {
      if (
        node.kind === 'member' &&
        node.object.kind === 'root' &&
        node.object.name === 'nodes' &&
        node.property.kind === 'literal'
      ) {
        if (typeof node.property.value === 'string' || typeof node.property.value === 'number')
          ids.add(String(node.property.value));
      }
    });
  }
  return [...ids];
}

/**
 * True when any expression in the template reads the given scope root (e.g. `item` outside a
 * `flow.forEach`).
 *
 * @example
 * referencesRoot('{{ item.name }}', 'item'); // true
 */
export function referencesRoot(text: string, root: RootName): boolean {
  if (!isTemplate(text)) return false;
  return compiledParts(text).some((part) => {
    let found = false;
    if (part.outline)
      walk(part.outline, (node) => (found ||= node.kind === 'root' && node.name === root));
    return found;
  });
}

/**
 * Renders a template. A text that is exactly one `{{ … }}` (whitespace around allowed) returns
 * the value with its type (number, boolean, list, object, null, undefined); otherwise the parts
 * are joined as text. Text without `{{` is returned unchanged. Values from the scope are data:
 * they are never parsed as templates. Throws ExpressionError.
 *
 * @example
 * renderTemplate('{{ trigger.count + 1 }}', { trigger: { count: 41 } }); // 42
 * renderTemplate('Hi {{ trigger.name | upper }}!', { trigger: { name: 'bob' } }); // 'Hi BOB!'
 */
export function renderTemplate(text: string, scope: Scope): unknown {
  if (!isTemplate(text)) return text;
  const parsed = parseTemplate(text);
  const problem = parsed.problems[0];
  if (problem) throw problemError(problem);
  const budget = new Budget();
  if (parsed.single) return run(parsed.single, scope, budget, (value) => value);
  let output = '';
  for (const part of parsed.parts) {
    const piece =
      typeof part === 'string' ? part : run(part, scope, budget, (value) => toText(value, budget));
    if (output.length + piece.length > LIMITS.maxStringLength) {
      throw new ExpressionError(
        'limit',
        `the rendered text would be longer than ${LIMITS.maxStringLength} characters`,
      );
    }
    output += piece;
  }
  return output;
}

/**
 * Evaluates a bare expression (no `{{ }}`) and returns its value. Throws ExpressionError.
 *
 * @example
 * evaluate('vars.limit * 2', { vars: { limit: 5 } }); // 10
 */
export function evaluate(expression: string, scope: Scope): unknown {
  const compiled = parseBareExpression(expression);
  return run(compiled, scope, new Budget(), (value) => value);
}

/**
 * Evaluates a condition written bare (`x > 1`) or as one template (`{{ x > 1 }}`) and applies
 * JavaScript truthiness: false, 0, NaN, "", null and undefined are false; everything else,
 * including "false", [] and {}, is true. Throws ExpressionError.
 *
 * @example
 * evaluateCondition('trigger.guild.memberCount >= 100', scope); // true or false
 * evaluateCondition('{{ nodes.collect.count > 0 }}', scope);
 */
export function evaluateCondition(text: string, scope: Scope): boolean {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ExpressionError('syntax', 'the condition is empty');
  if (!isTemplate(text)) return truthy(evaluate(text, scope));
  const parsed = parseTemplate(text);
  const problem = parsed.problems[0];
  if (problem) throw problemError(problem);
  if (!parsed.single) {
    throw new ExpressionError(
      'syntax',
      'a condition must be a single expression: write x > 1 or {{ x > 1 }}, with no text around it',
    );
  }
  return run(parsed.single, scope, new Budget(), truthy);
}
