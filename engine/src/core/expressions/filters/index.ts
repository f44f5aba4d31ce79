import { CONVERT_FILTERS } from './convert.js';
import { LIST_FILTERS } from './lists.js';
import { NUMBER_FILTERS } from './numbers.js';
import { OBJECT_LIST_FILTERS } from './object-lists.js';
import { TEXT_FILTERS } from './text.js';
import { TIME_FILTERS } from './time.js';
import type { FilterDefinition } from './types.js';

export type { FilterContext, FilterDefinition } from './types.js';

const ALL = [
  ...CONVERT_FILTERS,
  ...TEXT_FILTERS,
  ...LIST_FILTERS,
  ...OBJECT_LIST_FILTERS,
  ...NUMBER_FILTERS,
  ...TIME_FILTERS,
];
const BY_NAME: ReadonlyMap<string, FilterDefinition> = new Map(
  ALL.map((filter) => [filter.name, filter]),
);

/**
 * The filter with this name, or undefined (a Map lookup: names like `constructor` find nothing).
 *
 * @example
 * getFilter('upper')?.apply('a', [], { budget: new Budget() }); // 'A'
 */
export function getFilter(name: string): FilterDefinition | undefined {
  return BY_NAME.get(name);
}

/**
 * Every filter, in documentation order.
 *
 * @example
 * FILTER_DEFINITIONS.length; // 40
 */
export const FILTER_DEFINITIONS: readonly FilterDefinition[] = Object.freeze(ALL);
