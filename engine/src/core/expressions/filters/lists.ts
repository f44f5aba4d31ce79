import { dataKeys, getMember, isPlainObject, ownData, toText, typeName } from '../values.js';
import {
  expectList,
  expectObject,
  filterError,
  integerArg,
  textArg,
  type FilterDefinition,
} from './types.js';

const INDEX_RANGE: [number, number] = [-1_000_000_000, 1_000_000_000];

/** A list of the elements' own values (holes and hidden values read as undefined). */
function elements(list: unknown[]): unknown[] {
  return Array.from({ length: list.length }, (_, i) => ownData(list, i));
}

function sortKey(filter: string, value: unknown): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw filterError(filter, `can only order numbers or texts, got ${typeName(value)}`);
}

/**
 * Filters on lists (several also accept text or objects).
 *
 * @example
 * LIST_FILTERS.some((filter) => filter.name === 'join'); // true
 */
export const LIST_FILTERS: FilterDefinition[] = [
  {
    name: 'length',
    minArgs: 0,
    maxArgs: 0,
    signature: 'length',
    summary: 'The number of characters in a text, elements in a list, or keys in an object.',
    example: '{{ nodes.collect.users | length }} → 12',
    apply: (input) => {
      if (typeof input === 'string' || Array.isArray(input)) return input.length;
      if (isPlainObject(input)) return dataKeys(input).length;
      throw filterError('length', `expects text, a list or an object, got ${typeName(input)}`);
    },
  },
  {
    name: 'join',
    minArgs: 0,
    maxArgs: 1,
    signature: 'join(separator = ", ")',
    summary: 'The elements of a list as one text, separated by `separator`.',
    example: '{{ ["Ann", "Bob"] | join(" & ") }} → Ann & Bob',
    apply: (input, args, { budget }) => {
      const list = expectList('join', input);
      const separator = textArg('join', args, 0, 'the separator', ', ');
      budget.step(list.length);
      let length = 0;
      const texts = elements(list).map((element, i) => {
        const text = toText(element, budget);
        length += text.length + (i > 0 ? separator.length : 0);
        budget.checkLength(length);
        return text;
      });
      budget.reserveText(length);
      return texts.join(separator);
    },
  },
  {
    name: 'first',
    minArgs: 0,
    maxArgs: 0,
    signature: 'first',
    summary: 'The first element of a list (or character of a text); undefined when empty.',
    example: '{{ [3, 4] | first }} → 3',
    apply: (input) => {
      if (typeof input === 'string' || Array.isArray(input)) return getMember(input, 0);
      throw filterError('first', `expects a list or text, got ${typeName(input)}`);
    },
  },
  {
    name: 'last',
    minArgs: 0,
    maxArgs: 0,
    signature: 'last',
    summary: 'The last element of a list (or character of a text); undefined when empty.',
    example: '{{ [3, 4] | last }} → 4',
    apply: (input) => {
      if (typeof input === 'string' || Array.isArray(input))
        return getMember(input, input.length - 1);
      throw filterError('last', `expects a list or text, got ${typeName(input)}`);
    },
  },
  {
    name: 'slice',
    minArgs: 1,
    maxArgs: 2,
    signature: 'slice(start, end?)',
    summary:
      'Part of a list or text from `start` up to (not including) `end`; negative values count from the end.',
    example: '{{ [1, 2, 3, 4] | slice(1, 3) }} → [2,3]',
    apply: (input, args, { budget }) => {
      const start = integerArg('slice', args, 0, 'the start', INDEX_RANGE);
      const end =
        args.length > 1 ? integerArg('slice', args, 1, 'the end', INDEX_RANGE) : undefined;
      if (typeof input === 'string') return input.slice(start, end);
      const part = elements(expectList('slice', input).slice(start, end));
      budget.list(part.length);
      return part;
    },
  },
  {
    name: 'contains',
    minArgs: 1,
    maxArgs: 1,
    signature: 'contains(value)',
    summary:
      'True when a text contains the text `value`, a list has an element equal to `value` (==), or an object has the key `value`.',
    example: '{{ trigger.message.content | lower | contains("help") }} → true',
    apply: (input, args, { budget }) => {
      const needle = args[0];
      if (typeof input === 'string') {
        if (typeof needle !== 'string' && typeof needle !== 'number') {
          throw filterError('contains', `on text needs text to look for, got ${typeName(needle)}`);
        }
        return input.includes(String(needle));
      }
      if (Array.isArray(input)) {
        budget.step(input.length);
        return elements(input).some((element) => element === needle);
      }
      if (isPlainObject(input)) {
        return (
          (typeof needle === 'string' || typeof needle === 'number') &&
          ownData(input, String(needle)) !== undefined
        );
      }
      throw filterError('contains', `expects text, a list or an object, got ${typeName(input)}`);
    },
  },
  {
    name: 'keys',
    minArgs: 0,
    maxArgs: 0,
    signature: 'keys',
    summary: "A list of an object's keys.",
    example: '{{ trigger.options | keys }} → ["user","reason"]',
    apply: (input, _args, { budget }) => {
      const keys = dataKeys(expectObject('keys', input));
      budget.list(keys.length);
      return keys;
    },
  },
  {
    name: 'values',
    minArgs: 0,
    maxArgs: 0,
    signature: 'values',
    summary: "A list of an object's values.",
    example: '{{ trigger.options | values }} → ["42","spam"]',
    apply: (input, _args, { budget }) => {
      const object = expectObject('values', input);
      const keys = dataKeys(object);
      budget.list(keys.length);
      return keys.map((key) => ownData(object, key));
    },
  },
  {
    name: 'unique',
    minArgs: 0,
    maxArgs: 0,
    signature: 'unique',
    summary: 'The list without repeated elements (compared with ==), in first-seen order.',
    example: '{{ [1, 2, 1, 3] | unique }} → [1,2,3]',
    apply: (input, _args, { budget }) => {
      const list = expectList('unique', input);
      budget.list(list.length);
      return [...new Set(elements(list))];
    },
  },
  {
    name: 'reverse',
    minArgs: 0,
    maxArgs: 0,
    signature: 'reverse',
    summary: 'The list (or text) in reverse order.',
    example: '{{ [1, 2, 3] | reverse }} → [3,2,1]',
    apply: (input, _args, { budget }) => {
      if (typeof input === 'string') {
        budget.step(input.length);
        return Array.from(input).reverse().join('');
      }
      const list = expectList('reverse', input);
      budget.list(list.length);
      return elements(list).reverse();
    },
  },
  {
    name: 'sort',
    minArgs: 0,
    maxArgs: 1,
    signature: 'sort(key?)',
    summary:
      'The list in ascending order: numbers by value, texts by character code (not locale). With `key`, objects are ordered by that property.',
    example: '{{ [3, 1, 2] | sort }} → [1,2,3]',
    apply: (input, args, { budget }) => {
      const key = args.length > 0 ? textArg('sort', args, 0, 'the key') : undefined;
      budget.list(expectList('sort', input).length);
      const list = elements(expectList('sort', input));
      budget.step(list.length * Math.ceil(Math.log2(list.length + 1)));
      const keyed = list.map((element) => ({
        element,
        key: sortKey('sort', key === undefined ? element : getMember(element, key)),
      }));
      const kinds = new Set(keyed.map((entry) => typeof entry.key));
      if (kinds.size > 1) throw filterError('sort', 'cannot order a mix of numbers and texts');
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return keyed.map((entry) => entry.element);
    },
  },
];
