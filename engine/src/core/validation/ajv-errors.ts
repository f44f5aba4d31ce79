import type { ErrorObject } from 'ajv';
import { TEMPLATE_TITLE } from '../catalog/schemas.js';
import { pointerToPath } from './issue.js';

/** A problem ajv found, as every translator answers it: where, and one sentence naming the field. */
export interface ReadableError {
  path: string;
  message: string;
}

/** How {@link readableErrors} reads the errors of one validation. */
export interface ReadableErrorOptions {
  /** JSON pointer prepended to every instance path (`/nodes/1/config`). */
  prefix?: string;
  /**
   * The value that was validated. Given, sizes are quoted (`is 2,001 characters long`,
   * `is empty`, `has 11 items`).
   */
  data?: unknown;
  /** Who sets the size limits, as messages name it: `Discord allows at most 2,000`. */
  limitsBy?: string;
  /**
   * The value is a rendered config: errors of an expression field's template branch say
   * nothing about it, so an expression field is explained by its value branch's error.
   */
  rendered?: boolean;
  /** The name of the validated value itself, for errors at its root (default `the value`). */
  root?: string;
  /** A predicate of the caller's own for an error (a template var's widget), after the field name. */
  describe?: (error: ErrorObject) => string | undefined;
}

/**
 * The one translator of ajv's errors (graph and config validation, rendered configs, request
 * bodies, template vars): one readable sentence per failing field. ajv reports every branch of
 * an `anyOf` (e.g. "must be number", "must match pattern" for an expression-capable number); a
 * user wants one sentence per field, so branch errors under a failed `anyOf` are folded into it.
 *
 * @example
 * readableErrors(validate.errors ?? [], { prefix: '/nodes/1/config' });
 */
export function readableErrors(
  errors: readonly ErrorObject[],
  options: ReadableErrorOptions = {},
): ReadableError[] {
  const relevant = options.rendered ? errors.filter((e) => !isTemplateBranch(e)) : errors;
  const anyOfPaths = new Set(relevant.filter(isAlternative).map((e) => e.instancePath));
  // Rendered: a field's own error explains its failed `anyOf` (the template branch is gone).
  const specific = new Set(relevant.filter((e) => !isAlternative(e)).map((e) => e.instancePath));
  const seen = new Set<string>();
  const result: ReadableError[] = [];
  for (const error of relevant) {
    const alternative = isAlternative(error);
    const branches = alternative
      ? relevant.filter((e) => e.instancePath === error.instancePath && e !== error)
      : [];
    const fieldChoice =
      alternative &&
      requiredAlternatives(error).length > 0 &&
      branches.every((e) => e.keyword === 'required');
    if (options.rendered) {
      if (/\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath) && error.keyword === 'required') continue;
      if (alternative && !fieldChoice && specific.has(error.instancePath)) continue;
    } else if (!alternative && anyOfPaths.has(error.instancePath)) continue;
    // `if`/`then` (e.g. scope member → memberId): the failing `then` branch is reported itself.
    if (error.keyword === 'if') continue;
    const prefix = options.prefix ?? '';
    const { path, message } = fieldChoice
      ? oneOfFields(error, prefix)
      : describe(error, prefix, options);
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path, message });
  }
  return result;
}

/**
 * One issue as a clause of a longer sentence: the message names its field, so the path is
 * only added when it says more (`embeds[0].title: title is 257 characters long; …`).
 *
 * @example
 * issues.map(issueClause).join('; ');
 */
export function issueClause(issue: { path: string; message: string }): string {
  if (!issue.path) return issue.message;
  return issue.message.startsWith(`${issue.path} `)
    ? issue.message
    : `${issue.path}: ${issue.message}`;
}

function isAlternative(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

/** An error of an expression field's `{{ … }}` branch (needs ajv's `verbose`). */
function isTemplateBranch(error: ErrorObject): boolean {
  return (error.parentSchema as { title?: unknown } | undefined)?.title === TEMPLATE_TITLE;
}

function describe(
  error: ErrorObject,
  prefix: string,
  options: ReadableErrorOptions,
): ReadableError {
  const base = pointerToPath(prefix + error.instancePath);
  const field = lastField(error.instancePath) ?? options.root ?? 'the value';
  const params = error.params as Record<string, unknown>;
  const own = options.describe?.(error);
  if (own !== undefined) return { path: base, message: `${field} ${own}` };
  const sized = 'data' in options ? sizeMessage(error, options) : undefined;
  if (sized !== undefined) return { path: base, message: `${field} ${sized}` };
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { path: join(base, missing), message: `${missing} is required` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return { path: join(base, extra), message: `unknown field "${extra}"; remove it` };
    }
    case 'anyOf':
    case 'oneOf':
      return {
        path: base,
        message: `${field} has the wrong type or format (a {{ expression }} is also accepted where the field allows it)`,
      };
    case 'const':
      return { path: base, message: `${field} must be ${JSON.stringify(params.allowedValue)}` };
    case 'enum':
      return {
        path: base,
        message: `${field} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'pattern':
      return { path: base, message: `${field} has an invalid format` };
    default:
      return { path: base, message: `${field} ${error.message ?? 'is invalid'}` };
  }
}

/** `exactlyOneOf`/`atLeastOneOf` schemas: name the fields to choose from (needs ajv's `verbose`). */
function oneOfFields(error: ErrorObject, prefix: string): ReadableError {
  const which = error.keyword === 'oneOf' ? 'exactly one of' : 'at least one of';
  return {
    path: pointerToPath(prefix + error.instancePath),
    message: `give ${which}: ${requiredAlternatives(error).join(', ')}`,
  };
}

/** The field names of an anyOf/oneOf whose branches each only require one field. */
function requiredAlternatives(error: ErrorObject): string[] {
  const branches = Array.isArray(error.schema) ? (error.schema as { required?: unknown }[]) : [];
  const names = branches.map((b) =>
    Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined,
  );
  return names.every((n) => n !== undefined) ? (names as string[]) : [];
}

/** With the value at hand: lengths and counts quoted, an empty text called empty. */
function sizeMessage(error: ErrorObject, options: ReadableErrorOptions): string | undefined {
  const value = valueAt(options.data, error.instancePath);
  const limit = Number((error.params as { limit?: unknown }).limit);
  const allows = (n: string) =>
    options.limitsBy ? `${options.limitsBy} allows at most ${n}` : `at most ${n} are allowed`;
  switch (error.keyword) {
    case 'maxLength':
      return `is ${lengthOf(value).toLocaleString('en-US')} characters long; ${allows(limit.toLocaleString('en-US'))}`;
    case 'minLength':
      return lengthOf(value) === 0 ? 'is empty' : undefined;
    case 'maxItems':
      return `has ${lengthOf(value)} items; ${allows(String(limit))}`;
    default:
      return undefined;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : 0;
}

function lastField(pointer: string): string | undefined {
  const parts = pointer.split('/').filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i];
    if (part !== undefined && !/^\d+$/.test(part)) return part;
  }
  return undefined;
}

function join(base: string, field: string): string {
  return base === '' ? field : `${base}.${field}`;
}
