/**
 * Operator normalisation and the two precedence adjustments jsep cannot express:
 * filters bind tighter than prefix operators, and the word `not` binds looser than comparisons.
 */
import type { BinaryOp, Node } from './ast.js';

/**
 * jsep's operator spellings → the evaluator's operators (`and` → `&&`, `===` → `==` …).
 *
 * @example
 * BINARY_OPERATORS.and; // '&&'
 */
export const BINARY_OPERATORS: Record<string, BinaryOp> = {
  '&&': '&&',
  and: '&&',
  '||': '||',
  or: '||',
  '??': '??',
  '==': '==',
  '===': '==',
  '!=': '!=',
  '!==': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
};
/** Binary operators a word `not` binds looser than: everything except and/or/??. */
const TIGHTER_THAN_NOT = new Set<BinaryOp>([
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
]);

/**
 * Filters bind tighter than every operator, prefix operators included (`-x | abs` is
 * `-(x | abs)`), unless the prefix operator was parenthesised: `(-x) | abs`.
 *
 * @example
 * makeFilter('abs', { kind: 'unary', op: '-', word: false, paren: false, argument: x }, []); // -(x | abs)
 */
export function makeFilter(name: string, input: Node, args: Node[]): Node {
  if (input.kind === 'unary' && !input.paren)
    return { ...input, argument: makeFilter(name, input.argument, args) };
  return { kind: 'filter', name, input, args };
}

/**
 * The word `not` binds looser than comparisons and arithmetic: `not a == b` is `not (a == b)`.
 *
 * @example
 * makeBinary('==', { kind: 'unary', op: '!', word: true, paren: false, argument: a }, b); // not (a == b)
 */
export function makeBinary(op: BinaryOp, left: Node, right: Node): Node {
  if (left.kind === 'unary' && left.word && !left.paren && TIGHTER_THAN_NOT.has(op)) {
    return { ...left, argument: makeBinary(op, left.argument, right) };
  }
  return { kind: 'binary', op, left, right };
}
