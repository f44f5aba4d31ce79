import { ExpressionError } from './errors.js';
import { Budget, LIMITS } from './limits.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True for the property names an expression may never read, by any route.
 *
 * @example
 * isForbiddenKey('__proto__'); // true
 */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN.has(key);
}

/**
 * The `forbidden-property` error for a key.
 *
 * @example
 * throw forbiddenError('constructor');
 */
export function forbiddenError(key: string): ExpressionError {
  return new ExpressionError(
    'forbidden-property',
    `the property '${key}' cannot be read in expressions`,
  );
}

/**
 * True for data objects: prototype `null` or a realm's root `Object.prototype` (so objects made
 * in another realm, such as the workflow sandbox, qualify). Arrays, dates, maps, class instances
 * and functions are not plain.
 *
 * @example
 * isPlainObject({}); // true
 * isPlainObject(new Date()); // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * An own data property's value, or undefined (getters are never run; functions and symbols are hidden).
 *
 * @example
 * ownData({ a: 1 }, 'a'); // 1
 * ownData({}, 'toString'); // undefined
 */
export function ownData(target: object, key: string | number): unknown {
  if (!Object.prototype.hasOwnProperty.call(target, key)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor || !('value' in descriptor)) return undefined;
  const value: unknown = descriptor.value;
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
}

function arrayIndex(key: string | number): number | undefined {
  if (typeof key === 'number') return Number.isInteger(key) && key >= 0 ? key : undefined;
  return /^(0|[1-9]\d{0,15})$/.test(key) ? Number(key) : undefined;
}

/**
 * Reads `target[key]` the safe way: own data properties of plain objects and arrays, `length`
 * and index of texts and lists, nothing else. Missing → undefined; forbidden names throw.
 *
 * @example
 * getMember([1, 2], 'length'); // 2
 * getMember({}, 'hasOwnProperty'); // undefined
 */
export function getMember(target: unknown, key: string | number): unknown {
  if (typeof key === 'string' && FORBIDDEN.has(key)) throw forbiddenError(key);
  if (typeof target === 'string' || Array.isArray(target)) {
    if (key === 'length') return target.length;
    const index = arrayIndex(key);
    if (index === undefined || index >= target.length) return undefined;
    return typeof target === 'string' ? target.charAt(index) : ownData(target, index);
  }
  if (isPlainObject(target)) return ownData(target, String(key));
  return undefined;
}

/**
 * The own enumerable data keys of a plain object.
 *
 * @example
 * dataKeys({ a: 1, f: () => 1 }); // ['a']
 */
export function dataKeys(target: Record<string, unknown>): string[] {
  return Object.keys(target).filter((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    return (
      descriptor !== undefined && 'value' in descriptor && typeof descriptor.value !== 'function'
    );
  });
}

/**
 * The user-facing name of a value's type, for messages: text, number, boolean, list, object, null, undefined.
 *
 * @example
 * typeName([]); // 'list'
 * typeName('x'); // 'text'
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'object':
      return isPlainObject(value) ? 'object' : 'unsupported object';
    default:
      return typeof value;
  }
}

/**
 * JavaScript truthiness: false, 0, NaN, "", null and undefined are false; everything else (also [] and {}) is true.
 *
 * @example
 * truthy([]); // true
 * truthy(''); // false
 */
export function truthy(value: unknown): boolean {
  return Boolean(value);
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * The text form of a value in a template: text as is, numbers and booleans as JavaScript prints
 * them, null/undefined as "", lists and objects as JSON, dates as ISO text.
 *
 * @example
 * toText([1, 'a'], new Budget()); // '[1,"a"]'
 * toText(null, new Budget()); // ''
 */
export function toText(value: unknown, budget: Budget): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (value === null) return '';
      if (isValidDate(value)) return value.toISOString();
      return toJson(value, 0, budget);
    default:
      return '';
  }
}

/**
 * JSON text of data, written by hand so no `toJSON`, getter or prototype is ever consulted;
 * bounded in depth, steps and length. Non-data values become null (or are left out of objects).
 *
 * @example
 * toJson({ a: [1] }, 0, new Budget()); // '{"a":[1]}'
 */
export function toJson(value: unknown, indent: number, budget: Budget): string {
  const chunks: string[] = [];
  let length = 0;
  const push = (text: string): void => {
    length += text.length;
    budget.checkLength(length);
    chunks.push(text);
  };
  const pad = (depth: number): string => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const write = (item: unknown, depth: number): void => {
    budget.step();
    if (depth > LIMITS.maxValueDepth) {
      throw new ExpressionError(
        'limit',
        `data is nested more than ${LIMITS.maxValueDepth} levels deep`,
      );
    }
    if (typeof item === 'string') return push(JSON.stringify(item));
    if (typeof item === 'number') return push(Number.isFinite(item) ? String(item) : 'null');
    if (typeof item === 'boolean') return push(String(item));
    if (isValidDate(item)) return push(JSON.stringify(item.toISOString()));
    if (Array.isArray(item)) {
      if (item.length === 0) return push('[]');
      push('[');
      for (let i = 0; i < item.length; i++) {
        if (i > 0) push(',');
        push(pad(depth + 1));
        const element = ownData(item, i);
        write(element === undefined ? null : element, depth + 1);
      }
      return push(`${pad(depth)}]`);
    }
    if (isPlainObject(item)) {
      const keys = dataKeys(item).filter((key) => ownData(item, key) !== undefined);
      if (keys.length === 0) return push('{}');
      push('{');
      keys.forEach((key, i) => {
        if (i > 0) push(',');
        push(`${pad(depth + 1)}${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}`);
        write(ownData(item, key), depth + 1);
      });
      return push(`${pad(depth)}}`);
    }
    return push('null');
  };
  write(value, 0);
  budget.reserveText(length);
  return chunks.join('');
}
