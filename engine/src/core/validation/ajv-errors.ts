import type { ErrorObject } from 'ajv';
import { pointerToPath } from './issue.js';

/**
 * Turns ajv's errors into one readable message per failing field. ajv reports every branch of
 * an `anyOf` (e.g. "must be number", "must match pattern" for an expression-capable number); a
 * user wants one sentence per field, so branch errors under a failed `anyOf` are folded into it.
 *
 * @example
 * readableErrors(validate.errors ?? [], '/nodes/1/config');
 */
export function readableErrors(errors: readonly ErrorObject[], prefix = ''): { path: string; message: string }[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const result: { path: string; message: string }[] = [];
  for (const error of errors) {
    const alternative = error.keyword === 'anyOf' || error.keyword === 'oneOf';
    if (!alternative && anyOfPaths.has(error.instancePath)) continue;
    // `if`/`then` (e.g. scope member → memberId): the failing `then` branch is reported itself.
    if (error.keyword === 'if') continue;
    const branches = alternative ? errors.filter((e) => e.instancePath === error.instancePath && e !== error) : [];
    const { path, message } =
      alternative && requiredAlternatives(error).length > 0 && branches.every((e) => e.keyword === 'required')
        ? oneOfFields(error, prefix)
        : describe(error, prefix);
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path, message });
  }
  return result;
}

function describe(error: ErrorObject, prefix: string): { path: string; message: string } {
  const base = pointerToPath(prefix + error.instancePath);
  const field = lastField(error.instancePath) ?? 'the value';
  const params = error.params as Record<string, unknown>;
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
      return { path: base, message: `${field} has the wrong type or format (a {{ expression }} is also accepted where the field allows it)` };
    case 'const':
      return { path: base, message: `${field} must be ${JSON.stringify(params.allowedValue)}` };
    case 'enum':
      return { path: base, message: `${field} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'pattern':
      return { path: base, message: `${field} has an invalid format` };
    default:
      return { path: base, message: `${field} ${error.message ?? 'is invalid'}` };
  }
}

/** `exactlyOneOf`/`atLeastOneOf` schemas: name the fields to choose from (needs ajv's `verbose`). */
function oneOfFields(error: ErrorObject, prefix: string): { path: string; message: string } {
  const which = error.keyword === 'oneOf' ? 'exactly one of' : 'at least one of';
  return { path: pointerToPath(prefix + error.instancePath), message: `give ${which}: ${requiredAlternatives(error).join(', ')}` };
}

/** The field names of an anyOf/oneOf whose branches each only require one field. */
function requiredAlternatives(error: ErrorObject): string[] {
  const branches = Array.isArray(error.schema) ? (error.schema as { required?: unknown }[]) : [];
  const names = branches.map((b) => (Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined));
  return names.every((n) => n !== undefined) ? (names as string[]) : [];
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
