/**
 * The one place jsep (a global, configurable parser) is configured, and the only caller of it.
 *
 * Grammar changes from jsep's JavaScript defaults:
 * - `|` is the filter pipe, binding tighter than every other binary operator
 *   (`a + b | upper` is `a + (b | upper)`); `||` stays logical or (jsep matches the longest operator).
 * - Bitwise operators (`&`, `^`, `~`, `<<`, `>>`, `>>>`) and `**` are removed.
 * - `and`, `or` (binary) and `not` (unary) are words for `&&`, `||`, `!`.
 * - Parenthesised groups are kept as `GroupExpression` nodes, so `(-x) | abs` and `-x | abs` differ.
 * Before jsep (which is recursive) sees any text, its nesting is bounded here.
 */
import jsep from 'jsep';
import { ExpressionError } from './errors.js';
import { LIMITS } from './limits.js';

/** jsep's node type, re-exported so no other module imports jsep. */
export type SyntaxNode = jsep.Expression;

const FILTER_PRECEDENCE = 20;

/** Keeps `( … )` as a GroupExpression node, so later stages know a prefix operator was parenthesised. */
function gobbleGroup(this: jsep.HookScope, env: { node?: jsep.Expression }): void {
  if (this.code !== 40 /* ( */) return;
  const inner = this.gobbleGroup() as SyntaxNode | false;
  if (!inner) this.throwError('expected an expression inside ( )');
  env.node = this.gobbleTokenProperty({ type: 'GroupExpression', expression: inner });
}

/** Applies the grammar changes once (jsep's configuration is global to the module instance). */
function configure(): void {
  if (jsep.binary_ops['|'] === FILTER_PRECEDENCE) return;
  for (const op of ['|', '^', '&', '<<', '>>', '>>>', '**']) jsep.removeBinaryOp(op);
  jsep.removeUnaryOp('~');
  jsep.addBinaryOp('|', FILTER_PRECEDENCE);
  jsep.addBinaryOp('or', 1);
  jsep.addBinaryOp('and', 2);
  jsep.addUnaryOp('not');
  jsep.hooks.add('gobble-token', gobbleGroup);
}

configure();

const OPERATOR_HINTS: [RegExp, string][] = [
  [/^(?:=>)/, 'arrow functions are not supported'],
  [/^(?:\*\*)/, "'**' is not supported; use '*'"],
  [/^(?:<<|>>)/, 'bit shifts are not supported'],
  [/^&(?!&)/, "'&' is not supported; use '&&' (or 'and') for logical and"],
  [/^\^/, "'^' is not supported"],
  [/^~/, "'~' is not supported"],
  [/^;/, "';' is not supported: write one expression per {{ }}"],
  [/^`/, 'template literals are not supported; use quotes and +'],
  [/^[{}]/, 'object literals are not supported'],
];

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_$]/.test(ch);
}

/**
 * Index of the quote that closes the string starting at `start`, or the text's length.
 *
 * @example
 * skipString('"a\\"b" + c', 0); // 5
 */
export function skipString(text: string, start: number): number {
  const quoteChar = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quoteChar) return i;
  }
  return text.length;
}

/**
 * Rejects, before parsing, anything that would make the recursive parser go deep (brackets,
 * ternaries, runs of prefix operators) and operators the language lacks, with clear messages.
 *
 * @example
 * prescan('('.repeat(100) + '1' + ')'.repeat(100)); // throws a 'limit' ExpressionError
 */
export function prescan(source: string): void {
  let depth = 0;
  let ternaries = 0;
  let prefixRun = 0;
  const limit = (what: string, at: number): never => {
    throw new ExpressionError('limit', `${what} (the limit is ${LIMITS.maxNesting})`, at);
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') continue;
    if (ch === '"' || ch === "'") {
      i = skipString(source, i);
      prefixRun = 0;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '??' || two === '?.') {
      prefixRun = 0;
      i++;
      continue;
    }
    const rest = source.slice(i, i + 3);
    for (const [pattern, message] of OPERATOR_HINTS) {
      if (pattern.test(rest)) throw new ExpressionError('unsupported', message, i);
    }
    if (ch === '=' && !/[=!<>]/.test(source.charAt(i - 1)) && source.charAt(i + 1) !== '=') {
      throw new ExpressionError(
        'unsupported',
        "assignment is not supported; use '==' to compare",
        i,
      );
    }
    if (ch === '!' || ch === '-' || ch === '+') {
      if (source.charAt(i + 1) !== '=' && ++prefixRun > LIMITS.maxNesting)
        limit('too many operators in a row', i);
      continue;
    }
    if (
      ch === 'n' &&
      source.startsWith('not', i) &&
      !isWordChar(source[i - 1]) &&
      !isWordChar(source[i + 3])
    ) {
      if (++prefixRun > LIMITS.maxNesting) limit('too many operators in a row', i);
      i += 2;
      continue;
    }
    prefixRun = 0;
    if (ch === '(' || ch === '[') {
      if (++depth > LIMITS.maxNesting) limit('brackets are nested too deeply', i);
    } else if (ch === ')' || ch === ']') {
      depth = Math.max(0, depth - 1);
    } else if (ch === '?') {
      if (++ternaries > LIMITS.maxNesting) limit('too many ? : conditions', i);
    } else if (isWordChar(ch)) {
      while (isWordChar(source[i + 1])) i++;
    }
  }
}

/** Fails when a jsep tree is deeper than the limit; never recurses further than that. */
function checkDepth(node: unknown, depth: number): void {
  if (node === null || typeof node !== 'object') return;
  if (depth > LIMITS.maxAstDepth) {
    throw new ExpressionError(
      'limit',
      `the expression is nested more than ${LIMITS.maxAstDepth} levels deep`,
    );
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) checkDepth(item, depth + 1);
    else if (value !== null && typeof value === 'object') checkDepth(value, depth + 1);
  }
}

/**
 * Parses one bare expression into jsep's tree. Throws ExpressionError (`syntax`, `unsupported`
 * or `limit`) with `position` relative to `source`.
 *
 * @example
 * parseSyntax('trigger.name | upper').type; // 'BinaryExpression'
 */
export function parseSyntax(source: string): SyntaxNode {
  if (source.length > LIMITS.maxTemplateLength) {
    throw new ExpressionError(
      'limit',
      `the expression is longer than ${LIMITS.maxTemplateLength} characters`,
      0,
    );
  }
  prescan(source);
  let tree: SyntaxNode;
  try {
    tree = jsep(source);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ExpressionError('limit', 'the expression is too deeply nested', 0);
    }
    const syntax = error as { description?: unknown; index?: unknown; message?: unknown };
    const description =
      typeof syntax.description === 'string' ? syntax.description : String(syntax.message);
    const index = typeof syntax.index === 'number' ? syntax.index : 0;
    throw new ExpressionError('syntax', `syntax error: ${description}`, index);
  }
  checkDepth(tree, 0);
  return tree;
}
