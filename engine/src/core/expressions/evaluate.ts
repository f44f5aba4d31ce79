import type { BinaryOp, Node } from './ast.js';
import { ExpressionError } from './errors.js';
import { getFilter } from './filters/index.js';
import type { Budget } from './limits.js';
import type { Scope } from './scope.js';
import { getMember, ownData, toText, truthy, typeName } from './values.js';

function typeError(message: string): ExpressionError {
  return new ExpressionError('type', message);
}

function add(left: unknown, right: unknown, budget: Budget): unknown {
  if (typeof left === 'string' || typeof right === 'string') {
    const a = toText(left, budget);
    const b = toText(right, budget);
    budget.reserveText(a.length + b.length);
    return a + b;
  }
  if (typeof left === 'number' && typeof right === 'number') return left + right;
  if (Array.isArray(left) && Array.isArray(right)) {
    budget.list(left.length + right.length);
    return [...left, ...right];
  }
  const hint = left == null || right == null ? ' (use | default(0) for missing values)' : '';
  throw typeError(`'+' cannot add ${typeName(left)} and ${typeName(right)}${hint}`);
}

function arithmetic(op: '-' | '*' | '/' | '%', left: unknown, right: unknown): number {
  if (typeof left !== 'number' || typeof right !== 'number') {
    const hint =
      typeof left === 'string' || typeof right === 'string' ? ' (convert text with | number)' : '';
    throw typeError(
      `'${op}' needs two numbers, got ${typeName(left)} and ${typeName(right)}${hint}`,
    );
  }
  switch (op) {
    case '-':
      return left - right;
    case '*':
      return left * right;
    default:
      if (right === 0) throw typeError('division by zero');
      return op === '/' ? left / right : left % right;
  }
}

function compare(op: '<' | '<=' | '>' | '>=', left: unknown, right: unknown): boolean {
  if (left == null || right == null) return false;
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothTexts = typeof left === 'string' && typeof right === 'string';
  if (!bothNumbers && !bothTexts) {
    throw typeError(
      `'${op}' cannot compare ${typeName(left)} with ${typeName(right)}; convert one side with | number or | string`,
    );
  }
  const a = left as number | string;
  const b = right as number | string;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function binary(op: BinaryOp, left: Node, right: Node, scope: Scope, budget: Budget): unknown {
  const l = evaluateNode(left, scope, budget);
  switch (op) {
    case '&&':
      return truthy(l) ? evaluateNode(right, scope, budget) : l;
    case '||':
      return truthy(l) ? l : evaluateNode(right, scope, budget);
    case '??':
      return l ?? evaluateNode(right, scope, budget);
    default:
      break;
  }
  const r = evaluateNode(right, scope, budget);
  if (typeof l === 'string' && typeof r === 'string') budget.scan(Math.min(l.length, r.length));
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, l, r);
    case '+':
      return add(l, r, budget);
    default:
      return arithmetic(op, l, r);
  }
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function memberKey(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw typeError(`an index must be text or a number, got ${typeName(value)}`);
}

/**
 * Evaluates a checked tree against data. A tree walk over an allow-list of node kinds: no code
 * is ever run, only own data properties are read, and every step is counted against `budget`.
 *
 * @example
 * evaluateNode(compileExpression('vars.n + 1').ast!, { vars: { n: 1 } }, new Budget()); // 2
 */
export function evaluateNode(node: Node, scope: Scope, budget: Budget): unknown {
  budget.step();
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'root':
      return ownData(scope, node.name);
    case 'member': {
      const target = evaluateNode(node.object, scope, budget);
      const key = memberKey(evaluateNode(node.property, scope, budget));
      return key === undefined ? undefined : getMember(target, key);
    }
    case 'list':
      budget.list(node.elements.length);
      return node.elements.map((element) => evaluateNode(element, scope, budget));
    case 'unary': {
      const value = evaluateNode(node.argument, scope, budget);
      if (node.op === '!') return !truthy(value);
      if (typeof value !== 'number')
        throw typeError(`unary '${node.op}' needs a number, got ${typeName(value)}`);
      return node.op === '-' ? -value : value;
    }
    case 'binary':
      return binary(node.op, node.left, node.right, scope, budget);
    case 'conditional':
      return truthy(evaluateNode(node.test, scope, budget))
        ? evaluateNode(node.consequent, scope, budget)
        : evaluateNode(node.alternate, scope, budget);
    case 'filter': {
      const filter = getFilter(node.name);
      if (!filter) throw new ExpressionError('unknown-filter', `unknown filter '${node.name}'`);
      const input = evaluateNode(node.input, scope, budget);
      const args = node.args.map((arg) => evaluateNode(arg, scope, budget));
      // Every filter is linear in what it reads: charging the texts before it runs bounds the
      // render's total work, however long the chain of filters.
      budget.scan(textLength(input));
      for (const arg of args) budget.scan(textLength(arg));
      return filter.apply(input, args, { budget });
    }
    default:
      throw new ExpressionError('syntax', 'the expression could not be compiled');
  }
}
