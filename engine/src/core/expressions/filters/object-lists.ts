import type { Budget } from '../limits.js';
import {
  forbiddenError,
  getMember,
  isForbiddenKey,
  isPlainObject,
  ownData,
  typeName,
} from '../values.js';
import { expectList, filterError, textArg, type FilterDefinition } from './types.js';

const OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** A list of the elements' own values (holes and hidden values read as undefined). */
function elements(list: unknown[]): unknown[] {
  return Array.from({ length: list.length }, (_, i) => ownData(list, i));
}

/** The property argument: text, never a name expressions may not read (even on an empty list). */
function keyArg(filter: string, args: readonly unknown[]): string {
  const key = textArg(filter, args, 0, 'the key');
  if (isForbiddenKey(key)) throw forbiddenError(key);
  return key;
}

/**
 * `left op right` with the rules of the language's operators: `==`/`!=` are strict equality;
 * ordering compares numbers with numbers and texts with texts, is false when either side is
 * missing (undefined or null), and is an error for any other pair.
 */
function compare(op: string, left: unknown, right: unknown, budget: Budget): boolean {
  if (typeof left === 'string' && typeof right === 'string')
    budget.scan(Math.min(left.length, right.length));
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  if (left == null || right == null) return false;
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothTexts = typeof left === 'string' && typeof right === 'string';
  if (!bothNumbers && !bothTexts)
    throw filterError(
      'where',
      `cannot compare ${typeName(left)} with ${typeName(right)} using '${op}'; convert with | number or | string first`,
    );
  const a = left as number | string;
  const b = right as number | string;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

/**
 * The identity `without` compares an element by: an object's own `id` (when it has one that is
 * not null or undefined), a primitive itself; lists and objects without an `id` have none.
 */
function identity(value: unknown): { kind: 'id' | 'value'; of: unknown } | undefined {
  if (isPlainObject(value)) {
    const id = ownData(value, 'id');
    return id === undefined || id === null ? undefined : { kind: 'id', of: id };
  }
  if (Array.isArray(value)) return undefined;
  return { kind: 'value', of: value };
}

/**
 * Filters on lists of objects (warnings, winners, entries): select by a property, take one
 * property of each, remove some elements. Each is linear in the list (and `values`).
 *
 * @example
 * OBJECT_LIST_FILTERS.map((filter) => filter.name); // ['where', 'pluck', 'without']
 */
export const OBJECT_LIST_FILTERS: FilterDefinition[] = [
  {
    name: 'where',
    minArgs: 2,
    maxArgs: 3,
    signature: 'where(key, value) or where(key, op, value)',
    summary:
      'The elements whose property `key` (read as `element[key]`) equals `value`, or with `op` ("==", "!=", "<", "<=", ">", ">=") compares with it as the operators do: == and != are strict equality; the others compare numbers with numbers and texts with texts, are false when the property is missing or null, and fail for other pairs. Order is kept.',
    example: '{{ vars.warnings | where("points", ">=", 2) | pluck("reason") }} → ["spam","raid"]',

    apply: (input, args, { budget }) => {
      const list = expectList('where', input);
      const key = keyArg('where', args);
      const op = args.length === 3 ? textArg('where', args, 1, 'the operator') : '==';
      if (!OPERATORS.has(op))
        throw filterError(
          'where',
          `operator must be one of ==, !=, <, <=, >, >=, got '${op.slice(0, 10)}'`,
        );
      const value = args[args.length - 1];
      budget.step(list.length);
      const kept = elements(list).filter((element) =>
        compare(op, getMember(element, key), value, budget),
      );
      budget.list(kept.length);
      return kept;
    },
  },
  {
    name: 'pluck',
    minArgs: 1,
    maxArgs: 1,
    signature: 'pluck(key)',
    summary:
      'The list of each element’s property `key` (read as `element[key]`: undefined where an element has none).',
    example: '{{ nodes.collect.users | pluck("id") }} → ["123","456"]',
    apply: (input, args, { budget }) => {
      const list = expectList('pluck', input);
      const key = keyArg('pluck', args);
      budget.list(list.length);
      return elements(list).map((element) => getMember(element, key));
    },
  },
  {
    name: 'without',
    minArgs: 1,
    maxArgs: 1,
    signature: 'without(values)',
    summary:
      'The elements of the list that are not in `values` (a list, or one value). Texts, numbers, booleans and null are compared with == (strict: "1" is not 1). An object is left out when `values` has an object with the same `id` (== again); objects without an `id`, and lists, are always kept. Order is kept.',
    example: '{{ ["a", "b", "c"] | without(["b"]) }} → ["a","c"]',
    apply: (input, args, { budget }) => {
      const list = expectList('without', input);
      const values = Array.isArray(args[0]) ? elements(args[0]) : [args[0]];
      budget.step(list.length + values.length);
      const ids = new Set<unknown>();
      const primitives = new Set<unknown>();
      for (const value of values) {
        const identified = identity(value);
        if (identified) (identified.kind === 'id' ? ids : primitives).add(identified.of);
      }
      const kept = elements(list).filter((element) => {
        const identified = identity(element);
        if (!identified) return true;
        if (typeof identified.of === 'string') budget.scan(identified.of.length);
        return !(identified.kind === 'id' ? ids : primitives).has(identified.of);
      });
      budget.list(kept.length);
      return kept;
    },
  },
];
