import { ExpressionError } from './errors.js';
import { LIMITS } from './limits.js';
import type { Scope } from './scope.js';
import { renderTemplate } from './template.js';
import { isPlainObject } from './values.js';

/** Options for `renderValue`. */
export interface RenderValueOptions {
  /** Return true to keep the value at this path (keys from the root) literal, including everything below it. */
  skip?: (path: string[]) => boolean;
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

function walkValue(
  value: unknown,
  scope: Scope,
  path: string[],
  options: RenderValueOptions,
): unknown {
  if (path.length > 0 && options.skip?.(path)) return value;
  if (typeof value === 'string') {
    try {
      return renderTemplate(value, scope);
    } catch (error) {
      if (!(error instanceof ExpressionError) || path.length === 0) throw error;
      throw new ExpressionError(error.code, `${path.join('.')}: ${error.message}`, error.position);
    }
  }
  if (path.length > LIMITS.maxValueDepth) {
    throw new ExpressionError(
      'limit',
      `the configuration is nested more than ${LIMITS.maxValueDepth} levels deep`,
    );
  }
  if (Array.isArray(value)) {
    return value.map((element: unknown, index) =>
      walkValue(element, scope, [...path, String(index)], options),
    );
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      assign(out, key, walkValue(value[key], scope, [...path, key], options));
    return out;
  }
  return value;
}

/**
 * Renders every string inside a configuration value (objects and lists are copied, other values
 * kept) with `renderTemplate`. Rendered results are never walked again, so data from the scope
 * is never rendered. `skip` keeps chosen fields literal. Throws ExpressionError; its message
 * names the field.
 *
 * @example
 * renderValue({ content: 'Hi {{ trigger.name }}', embeds: [{ title: '{{ vars.title }}' }] }, scope);
 * // { content: 'Hi bob', embeds: [{ title: 'Rules' }] }
 * renderValue({ condition: 'x > 1' }, scope, { skip: (path) => path[0] === 'condition' }); // kept literal
 */
export function renderValue(
  value: unknown,
  scope: Scope,
  options: RenderValueOptions = {},
): unknown {
  return walkValue(value, scope, [], options);
}
