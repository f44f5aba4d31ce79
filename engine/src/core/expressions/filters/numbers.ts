import {
  expectList,
  expectNumber,
  filterError,
  integerArg,
  type FilterDefinition,
} from './types.js';
import type { FilterContext } from './types.js';
import { ownData, typeName } from '../values.js';

/**
 * Rounds half away from zero to `digits` decimals, without binary-fraction surprises (1.005 → 1.01).
 *
 * @example
 * roundTo(1.005, 2); // 1.01
 * roundTo(-2.5, 0); // -3
 */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  let rounded: number;
  if (text.includes('e')) {
    rounded = Math.round(magnitude * 10 ** digits) / 10 ** digits;
  } else {
    const shifted = Math.round(Number(`${text}e${digits}`));
    const shiftedText = String(shifted);
    rounded = shiftedText.includes('e')
      ? shifted / 10 ** digits
      : Number(`${shiftedText}e-${digits}`);
  }
  return value < 0 ? -rounded : rounded;
}

function numbers(filter: string, input: unknown, context: FilterContext): number[] {
  const list = expectList(filter, input);
  context.budget.step(list.length);
  return Array.from({ length: list.length }, (_, i) => {
    const value = ownData(list, i);
    if (typeof value !== 'number')
      throw filterError(filter, `expects a list of numbers, found ${typeName(value)}`);
    return value;
  });
}

/**
 * Filters on numbers and lists of numbers.
 *
 * @example
 * NUMBER_FILTERS.some((filter) => filter.name === 'round'); // true
 */
export const NUMBER_FILTERS: FilterDefinition[] = [
  {
    name: 'round',
    minArgs: 0,
    maxArgs: 1,
    signature: 'round(digits = 0)',
    summary: 'The number rounded to `digits` decimals (0–15), halves away from zero.',
    example: '{{ 2.345 | round(2) }} → 2.35',
    apply: (input, args) =>
      roundTo(expectNumber('round', input), integerArg('round', args, 0, 'the digits', [0, 15], 0)),
  },
  {
    name: 'floor',
    minArgs: 0,
    maxArgs: 0,
    signature: 'floor',
    summary: 'The largest whole number not above the number.',
    example: '{{ 2.7 | floor }} → 2',
    apply: (input) => Math.floor(expectNumber('floor', input)),
  },
  {
    name: 'ceil',
    minArgs: 0,
    maxArgs: 0,
    signature: 'ceil',
    summary: 'The smallest whole number not below the number.',
    example: '{{ 2.1 | ceil }} → 3',
    apply: (input) => Math.ceil(expectNumber('ceil', input)),
  },
  {
    name: 'abs',
    minArgs: 0,
    maxArgs: 0,
    signature: 'abs',
    summary: 'The number without its sign.',
    example: '{{ -5 | abs }} → 5',
    apply: (input) => Math.abs(expectNumber('abs', input)),
  },
  {
    name: 'sum',
    minArgs: 0,
    maxArgs: 0,
    signature: 'sum',
    summary: 'The sum of a list of numbers (0 for an empty list).',
    example: '{{ [1, 2, 3] | sum }} → 6',
    apply: (input, _args, context) =>
      numbers('sum', input, context).reduce((total, value) => total + value, 0),
  },
  {
    name: 'min',
    minArgs: 0,
    maxArgs: 0,
    signature: 'min',
    summary: 'The smallest number in a list (undefined for an empty list).',
    example: '{{ [4, 2, 9] | min }} → 2',
    apply: (input, _args, context) => {
      const list = numbers('min', input, context);
      return list.length === 0 ? undefined : list.reduce((a, b) => (b < a ? b : a));
    },
  },
  {
    name: 'max',
    minArgs: 0,
    maxArgs: 0,
    signature: 'max',
    summary: 'The largest number in a list (undefined for an empty list).',
    example: '{{ [4, 2, 9] | max }} → 9',
    apply: (input, _args, context) => {
      const list = numbers('max', input, context);
      return list.length === 0 ? undefined : list.reduce((a, b) => (b > a ? b : a));
    },
  },
];
