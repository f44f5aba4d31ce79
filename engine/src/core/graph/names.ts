import { isForbiddenKey } from '../expressions/values.js';

/**
 * True for names that can be neither node ids nor variable names: `__proto__`, `constructor`
 * and `prototype`. As keys of a plain object they reach its prototype machinery instead of
 * holding data, and expressions refuse to read them anyway (the same list).
 *
 * @example
 * isReservedName('__proto__'); // true
 * isReservedName('winnerId'); // false
 */
export function isReservedName(name: string): boolean {
  return isForbiddenKey(name);
}

/**
 * A copy of a record of variables with own data properties only and no reserved name, for
 * code that must stay safe even when validation was bypassed (`Object.fromEntries` defines
 * properties; it never assigns through `__proto__`).
 *
 * @example
 * withoutReservedNames(JSON.parse('{"__proto__":{"x":1},"a":2}')); // { a: 2 }
 */
export function withoutReservedNames<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !isReservedName(name)));
}

/**
 * Why a variable cannot have this (reserved) name, and what to do.
 *
 * @example
 * reservedVariableMessage('constructor'); // 'The variable name "constructor" is reserved (…); choose another name.'
 */
export function reservedVariableMessage(name: string): string {
  return `The variable name "${name}" is reserved (__proto__, constructor and prototype cannot name variables); choose another name.`;
}
