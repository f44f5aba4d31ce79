import { ExpressionError } from '../errors.js';
import type { Budget } from '../limits.js';
import { isPlainObject, typeName } from '../values.js';

/** What a filter may use besides its input and arguments: the render's budget. */
export interface FilterContext {
  budget: Budget;
}

/**
 * One filter: a pure function with a fixed number of arguments and documentation.
 *
 * @example
 * const shout: FilterDefinition = { name: 'shout', minArgs: 0, maxArgs: 0, signature: 'shout', summary: 'Loud.',
 *   example: '{{ "a" | shout }} → A!', apply: (input) => `${expectText('shout', input).toUpperCase()}!` };
 */
export interface FilterDefinition {
  name: string;
  minArgs: number;
  maxArgs: number;
  /** How it is written, e.g. `join(separator = ", ")`. */
  signature: string;
  summary: string;
  /** A template and what it renders to. */
  example: string;
  apply(input: unknown, args: readonly unknown[], context: FilterContext): unknown;
  /** A problem with arguments written as literals, reported at save time (e.g. a bad pattern). */
  checkLiteralArgs?(args: readonly unknown[]): string | undefined;
}

/**
 * A `type` error in the filter's voice: "join expects a list, got number".
 *
 * @example
 * throw filterError('join', 'expects a list, got number');
 */
export function filterError(filter: string, message: string): ExpressionError {
  return new ExpressionError('type', `${filter} ${message}`);
}

/**
 * The input as text, or a `type` error naming the filter.
 *
 * @example
 * expectText('upper', 5); // throws 'upper expects text, got number'
 */
export function expectText(filter: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw filterError(
    filter,
    `expects text, got ${typeName(value)}${value == null ? ' (add | default("") for missing values)' : ''}`,
  );
}

/**
 * The input as a list, or a `type` error naming the filter.
 *
 * @example
 * expectList('join', 5); // throws 'join expects a list, got number'
 */
export function expectList(filter: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw filterError(filter, `expects a list, got ${typeName(value)}`);
}

/**
 * The input as a plain object, or a `type` error naming the filter.
 *
 * @example
 * expectObject('keys', [1]); // throws 'keys expects an object, got list'
 */
export function expectObject(filter: string, value: unknown): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  throw filterError(filter, `expects an object, got ${typeName(value)}`);
}

/**
 * The input as a number, or a `type` error naming the filter.
 *
 * @example
 * expectNumber('round', '5'); // throws 'round expects a number, got text (convert with | number)'
 */
export function expectNumber(filter: string, value: unknown): number {
  if (typeof value === 'number') return value;
  throw filterError(
    filter,
    `expects a number, got ${typeName(value)}${typeof value === 'string' ? ' (convert with | number)' : ''}`,
  );
}

/**
 * An argument that must be text; `fallback` when it was not given.
 *
 * @example
 * textArg('join', [], 0, 'the separator', ', '); // ', '
 */
export function textArg(
  filter: string,
  args: readonly unknown[],
  index: number,
  what: string,
  fallback?: string,
): string {
  const value = index < args.length ? args[index] : fallback;
  if (typeof value === 'string') return value;
  throw filterError(filter, `needs ${what} as text, got ${typeName(value)}`);
}

/**
 * An argument that must be a whole number in [min, max]; `fallback` when it was not given.
 *
 * @example
 * integerArg('round', [2], 0, 'the digits', [0, 15], 0); // 2
 */
export function integerArg(
  filter: string,
  args: readonly unknown[],
  index: number,
  what: string,
  range: [number, number],
  fallback?: number,
): number {
  const value = index < args.length ? args[index] : fallback;
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= range[0] &&
    value <= range[1]
  )
    return value;
  throw filterError(
    filter,
    `needs ${what} as a whole number from ${range[0]} to ${range[1]}, got ${typeof value === 'number' ? value : typeName(value)}`,
  );
}
