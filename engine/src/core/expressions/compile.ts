import { walk, type Node } from './ast.js';
import { BINARY_OPERATORS, makeBinary, makeFilter } from './operators.js';
import {
  ExpressionError,
  quote,
  type ExpressionErrorCode,
  type ExpressionProblem,
} from './errors.js';
import { evaluateNode } from './evaluate.js';
import { getFilter } from './filters/index.js';
import { parseSyntax, type SyntaxNode } from './grammar.js';
import { Budget } from './limits.js';
import { isRootName, ROOT_NAMES, unknownNameMessage } from './scope.js';
import { isForbiddenKey } from './values.js';

/** A bare expression after checking: its tree, or the problems that prevent evaluating it. */
export interface CompiledExpression {
  source: string;
  /** Offset of `source` in the template it came from. */
  position: number;
  /** The tree to evaluate; absent when there are problems. */
  ast?: Node;
  /** The tree even when some parts were invalid (for finding references); absent on syntax errors. */
  outline?: Node;
  problems: ExpressionProblem[];
}

const INVALID: Node = { kind: 'invalid' };

class Lowering {
  readonly problems: ExpressionProblem[] = [];

  constructor(
    private readonly source: string,
    private readonly position: number,
    private readonly budget: Budget,
  ) {}

  problem(code: ExpressionErrorCode, message: string): Node {
    this.problems.push({
      code,
      message: `${message} (in ${quote(this.source)})`,
      position: this.position,
    });
    return INVALID;
  }

  lower(node: SyntaxNode): Node {
    switch (node.type) {
      case 'Literal': {
        const value = node.value;
        if (
          value === null ||
          typeof value === 'string' ||
          typeof value === 'number' ||
          typeof value === 'boolean'
        ) {
          return { kind: 'literal', value };
        }
        return this.problem('unsupported', 'this kind of literal is not supported');
      }
      case 'Identifier':
        return this.identifier(String(node.name));
      case 'GroupExpression': {
        const inner = this.lower(node.expression as SyntaxNode);
        return inner.kind === 'unary' ? { ...inner, paren: true } : inner;
      }
      case 'MemberExpression':
        return this.member(node);
      case 'ArrayExpression': {
        const elements = node.elements as (SyntaxNode | null)[];
        if (elements.some((element) => element === null))
          return this.problem('syntax', 'a list has an empty slot (two commas in a row)');
        return {
          kind: 'list',
          elements: elements.map((element) => this.lower(element as SyntaxNode)),
        };
      }
      case 'UnaryExpression': {
        const op = String(node.operator);
        const argument = this.lower(node.argument as SyntaxNode);
        if (op === 'not') return { kind: 'unary', op: '!', word: true, paren: false, argument };
        if (op === '-' || op === '+' || op === '!')
          return { kind: 'unary', op, word: false, paren: false, argument };
        return this.problem('unsupported', `the operator '${op}' is not supported`);
      }
      case 'BinaryExpression':
        return this.binary(node);
      case 'ConditionalExpression':
        return {
          kind: 'conditional',
          test: this.lower(node.test as SyntaxNode),
          consequent: this.lower(node.consequent as SyntaxNode),
          alternate: this.lower(node.alternate as SyntaxNode),
        };
      case 'CallExpression':
        return this.call(node);
      case 'ThisExpression':
        return this.problem(
          'unsupported',
          `'this' is not available; expressions can read ${ROOT_NAMES.join(', ')}`,
        );
      case 'Compound':
        return this.problem(
          'syntax',
          'only one expression is allowed here (is an operator missing?)',
        );
      case 'SequenceExpression':
        return this.problem('unsupported', 'comma-separated expressions are not supported');
      default:
        return this.problem('unsupported', `${String(node.type)} is not supported`);
    }
  }

  identifier(name: string): Node {
    if (isRootName(name)) return { kind: 'root', name };
    if (isForbiddenKey(name))
      return this.problem('forbidden-property', `the name '${name}' cannot be used in expressions`);
    if (getFilter(name))
      return this.problem(
        'unknown-name',
        `'${name}' is a filter; write it after a pipe: value | ${name}`,
      );
    return this.problem('unknown-name', unknownNameMessage(name));
  }

  member(node: SyntaxNode): Node {
    const object = this.lower(node.object as SyntaxNode);
    const property = node.property as SyntaxNode;
    if (!node.computed) {
      const name = String(property.name);
      if (isForbiddenKey(name))
        return this.problem(
          'forbidden-property',
          `the property '${name}' cannot be read in expressions`,
        );
      return { kind: 'member', object, property: { kind: 'literal', value: name } };
    }
    const key = this.lower(property);
    const constant = constantValue(key, this.budget);
    if (typeof constant === 'string' && isForbiddenKey(constant)) {
      return this.problem(
        'forbidden-property',
        `the property '${constant}' cannot be read in expressions`,
      );
    }
    return { kind: 'member', object, property: key };
  }

  binary(node: SyntaxNode): Node {
    const operator = String(node.operator);
    const left = this.lower(node.left as SyntaxNode);
    if (operator === '|') return this.filter(left, node.right as SyntaxNode);
    const op = Object.prototype.hasOwnProperty.call(BINARY_OPERATORS, operator)
      ? BINARY_OPERATORS[operator]
      : undefined;
    if (!op) return this.problem('unsupported', `the operator '${operator}' is not supported`);
    return makeBinary(op, left, this.lower(node.right as SyntaxNode));
  }

  filter(input: Node, spec: SyntaxNode): Node {
    const call = spec.type === 'CallExpression' ? spec : undefined;
    const callee = call ? (call.callee as SyntaxNode) : spec;
    if (callee.type !== 'Identifier')
      return this.problem('syntax', "expected a filter name after '|', e.g. value | upper");
    const name = String(callee.name);
    const definition = getFilter(name);
    const args = call ? (call.arguments as SyntaxNode[]).map((arg) => this.lower(arg)) : [];
    if (!definition)
      return this.problem(
        'unknown-filter',
        `unknown filter '${name}'; see the filter list in the expressions guide`,
      );
    if (args.length < definition.minArgs || args.length > definition.maxArgs) {
      const expected =
        definition.minArgs === definition.maxArgs
          ? `${definition.minArgs}`
          : `${definition.minArgs} to ${definition.maxArgs}`;
      return this.problem(
        'filter-arguments',
        `the filter '${name}' takes ${expected} argument(s), got ${args.length}: ${definition.signature}`,
      );
    }
    const literals = args.flatMap((arg) => (arg.kind === 'literal' ? [arg.value] : []));
    const problem =
      literals.length === args.length ? definition.checkLiteralArgs?.(literals) : undefined;
    if (problem) return this.problem('filter-arguments', `${name}: ${problem}`);
    return makeFilter(name, input, args);
  }

  call(node: SyntaxNode): Node {
    const callee = node.callee as SyntaxNode;
    // Lowered only to report the problems inside (a forbidden property, an unknown name).
    if (callee.type !== 'Identifier') this.lower(callee);
    for (const arg of node.arguments as SyntaxNode[]) this.lower(arg);
    if (callee.type === 'Identifier' && getFilter(String(callee.name))) {
      return this.problem(
        'unsupported',
        `'${String(callee.name)}' is a filter; write it after a pipe: value | ${String(callee.name)}(…)`,
      );
    }
    if (callee.type === 'MemberExpression') {
      return this.problem(
        'unsupported',
        'calling methods is not supported; use filters instead, e.g. value | upper',
      );
    }
    return this.problem(
      'unsupported',
      'function calls are not supported; use filters after a pipe, e.g. value | round(2)',
    );
  }
}

/**
 * The value of a subtree that reads no scope (e.g. `"__pro" + "to__"`), or undefined. Folding
 * runs at save time on the API's thread, so it spends the same budget as one render of the
 * template: past it, keys are left to the run, where reading a forbidden key fails anyway.
 */
function constantValue(node: Node, budget: Budget): unknown {
  let constant = true;
  walk(node, (child) => {
    if (child.kind === 'root' || child.kind === 'invalid') constant = false;
  });
  if (!constant) return undefined;
  try {
    return evaluateNode(node, {}, budget);
  } catch {
    return undefined;
  }
}

/**
 * Parses and checks one bare expression (no braces). Never throws: problems are returned,
 * with positions offset by `position`. `budget` bounds the constant folding of computed keys;
 * the expressions of one template share one, like a render.
 *
 * @example
 * compileExpression('trigger.name | upper').ast; // a filter node
 * compileExpression('user').problems[0]?.code; // 'unknown-name'
 */
export function compileExpression(
  source: string,
  position = 0,
  budget = new Budget(),
): CompiledExpression {
  if (source.trim() === '') {
    return {
      source,
      position,
      problems: [{ code: 'syntax', message: 'empty expression in {{ }}', position }],
    };
  }
  let tree: SyntaxNode;
  try {
    tree = parseSyntax(source);
  } catch (error) {
    const failure =
      error instanceof ExpressionError
        ? error
        : new ExpressionError('syntax', 'the expression could not be parsed');
    const message = `${failure.message} (in ${quote(source)})`;
    return {
      source,
      position,
      problems: [{ code: failure.code, message, position: position + (failure.position ?? 0) }],
    };
  }
  const lowering = new Lowering(source, position, budget);
  const ast = lowering.lower(tree);
  if (lowering.problems.length > 0)
    return { source, position, outline: ast, problems: lowering.problems };
  return { source, position, ast, outline: ast, problems: [] };
}
