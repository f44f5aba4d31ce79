import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { issueClause, readableErrors } from '../../core/index.js';
import { ApiError } from '../errors.js';

// Bodies are validated as sent (no coercion: "1" is not a number in JSON); query strings are
// text by nature, so their validator coerces ("?limit=20" → 20).
const bodies = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true }));
const queries = addFormats(
  new Ajv({ allErrors: true, strict: false, useDefaults: true, coerceTypes: true }),
);
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** One problem of a request, as listed in an `invalid_request` error's `details`. */
export interface RequestIssue {
  path: string;
  message: string;
}

/**
 * Validates a request body or query against a TypeBox schema (ajv, defaults applied) and
 * returns it typed; otherwise throws 400 `invalid_request` listing every problem.
 */
export function check<T extends TSchema>(
  schema: T,
  value: unknown,
  where: 'body' | 'query',
): Static<T> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = (where === 'query' ? queries : bodies).compile(schema);
    compiled.set(schema, validate);
  }
  // Validate a copy: ajv applies defaults and coercions in place, and req.query is read-only.
  const copy: unknown =
    value === undefined ? (where === 'query' ? {} : undefined) : structuredClone(value);
  if (validate(copy)) return copy as Static<T>;
  const issues = readableErrors(validate.errors ?? []).map(({ path, message }) => ({
    path: path ? `${where}.${path}` : where,
    message,
  }));
  throw new ApiError(
    400,
    'invalid_request',
    `The request ${where} is invalid: ${issues.map(issueClause).join('; ')}.`,
    issues,
  );
}
