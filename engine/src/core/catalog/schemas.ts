import {
  Type,
  type SchemaOptions,
  type Static,
  type TSchema,
  type TUnsafe,
} from '@sinclair/typebox';
import { parseDuration } from '../duration.js';
import type { ConfigIssue } from './define-node.js';

/**
 * JSON Schema `pattern` of a template string: one that contains a `{{ … }}`.
 *
 * @example
 * new RegExp(TEMPLATE_PATTERN).test('Hi {{ trigger.member.mention }}'); // true
 */
export const TEMPLATE_PATTERN = '\\{\\{[\\s\\S]*\\}\\}';

/** The title of an expression field's `{{ … }}` branch (how error translators recognise it). */
export const TEMPLATE_TITLE = 'Expression';

/**
 * The schema of a template string (the expression branch of {@link Expr}).
 *
 * @example
 * TemplateString(); // { type: 'string', pattern: '\\{\\{[\\s\\S]*\\}\\}', title: 'Expression' }
 */
export function TemplateString() {
  return Type.String({
    pattern: TEMPLATE_PATTERN,
    title: TEMPLATE_TITLE,
    description: 'A `{{ … }}` expression, resolved when the node runs.',
  });
}

/**
 * A field that accepts a value of `schema` or a `{{ … }}` template resolving to one:
 * `anyOf [schema, template string]`. Its static type is the resolved type (what an executor
 * receives). Annotations (`description`, `default`, `examples`) go in `options`.
 *
 * @example
 * const count = Expr(Type.Integer({ minimum: 1, maximum: 100 }), { default: 1 });
 * // accepts 3 and "{{ vars.winners }}", rejects 0 and "three"
 */
export function Expr<T extends TSchema>(
  schema: T,
  options: SchemaOptions = {},
): TUnsafe<Static<T>> {
  return Type.Unsafe<Static<T>>({ ...options, anyOf: [schema, TemplateString()] });
}

/**
 * True when a (JSON) schema is an {@link Expr} field; its first `anyOf` branch is the value schema.
 *
 * @example
 * isExprSchema(Expr(Type.Integer())); // true
 */
export function isExprSchema(
  schema: unknown,
): schema is { anyOf: [Record<string, unknown>, Record<string, unknown>] } {
  if (typeof schema !== 'object' || schema === null) return false;
  const anyOf = (schema as { anyOf?: unknown }).anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  const last = anyOf[1] as { pattern?: unknown; title?: unknown } | undefined;
  return last?.pattern === TEMPLATE_PATTERN && last.title === TEMPLATE_TITLE;
}

/**
 * True for a string holding a `{{ … }}` template: such a value is only known when the node
 * runs, so literal-only checks skip it.
 *
 * @example
 * isTemplate('{{ vars.days }}'); // true
 * isTemplate('7d'); // false
 */
export function isTemplate(value: unknown): value is string {
  return typeof value === 'string' && value.includes('{{');
}

/**
 * JSON Schema `pattern` of a Discord snowflake id.
 *
 * @example
 * new RegExp(SNOWFLAKE_PATTERN).test('1098765432101234567'); // true
 */
export const SNOWFLAKE_PATTERN = '^[0-9]{1,20}$';

/** A Discord id (channel, user, role, message, …) or a template resolving to one. */
export function Snowflake(description: string) {
  return Expr(Type.String({ pattern: SNOWFLAKE_PATTERN }), { description });
}

/**
 * JSON Schema `pattern` of a duration's shape: `30s`, `10m`, `2h`, `7d`, `1w`, `500ms`,
 * `1h30m`, `5 minutes`, or ISO 8601 (`PT2H`, `P1DT12H`). The exact syntax is `parseDuration`'s
 * (see `../duration.ts`); `checkConfig` reports a literal it refuses (e.g. `1 month`).
 *
 * @example
 * new RegExp(DURATION_PATTERN).test('PT2H'); // true
 */
export const DURATION_PATTERN =
  '^\\s*(?:[Pp][0-9TtWwDdHhMmSsYy.,]+|(?:\\d+(?:\\.\\d+)?\\s*[A-Za-z]+\\s*)+)$';

/**
 * Title of duration schemas (how `checkConfig` and the docs recognise them).
 *
 * @example
 * if (schema.title === DURATION_TITLE) parseDuration(value);
 */
export const DURATION_TITLE = 'Duration';

/** A duration field (or a template resolving to one). */
export function Duration(description: string, options: SchemaOptions = {}) {
  return Expr(Type.String({ pattern: DURATION_PATTERN, maxLength: 64, title: DURATION_TITLE }), {
    description,
    examples: ['30s', '10m', '2h', '7d', 'PT2H'],
    ...options,
  });
}

/**
 * Milliseconds of a literal duration, or undefined when it is a template or not a duration.
 * Used by declaration checks such as the 28-day cap of `discord.timeoutMember`.
 *
 * @example
 * literalDurationMs('2h'); // 7_200_000
 * literalDurationMs('{{ vars.wait }}'); // undefined
 */
export function literalDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || isTemplate(value)) return undefined;
  try {
    return parseDuration(value);
  } catch {
    return undefined;
  }
}

/**
 * JSON Schema `pattern` of a date: `2025-12-24`, `2025-12-24T18:00`, `2025-12-24T18:00:00Z`,
 * `2025-12-24T18:00:00.000+01:00`.
 *
 * @example
 * new RegExp(DATE_TIME_PATTERN).test('2025-12-24T18:00:00Z'); // true
 */
export const DATE_TIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$';

/** A date field (or a template resolving to one). */
export function DateTime(description: string) {
  return Expr(Type.String({ pattern: DATE_TIME_PATTERN }), {
    description,
    examples: ['2025-12-24T18:00:00Z'],
  });
}

/**
 * JSON Schema `pattern` of an absolute http(s) URL (templates are allowed too, see {@link Url}).
 *
 * @example
 * new RegExp(URL_PATTERN).test('https://example.com/hook'); // true
 */
export const URL_PATTERN = '^https?://[^\\s/$.?#][^\\s]*$';

/** An http(s) URL field, or a template string (which may build the URL: `https://api/{{ … }}`). */
export function Url(description: string) {
  return Expr(Type.String({ pattern: URL_PATTERN, maxLength: 2048 }), { description });
}

/** Schema of a member reference in outputs: `{ id, username, mention }`. */
export function MemberRef(description = 'A member or user.') {
  return Type.Object(
    {
      id: Type.String({ description: 'User id.' }),
      username: Type.String(),
      mention: Type.String({ description: '`<@id>`, pings the user when sent.' }),
    },
    { description },
  );
}

/** An optional audit-log reason (Discord caps it at 512 characters). */
export function Reason() {
  return Type.Optional(Type.String({ maxLength: 512, description: 'Shown in the audit log.' }));
}

/** An empty config (no settings). */
export function NoConfig() {
  return Type.Object({}, { additionalProperties: false });
}

/** The JSON Schema combinator "exactly one of these fields is present". */
export function exactlyOneOf(...fields: string[]): Record<string, unknown>[] {
  return fields.map(requiredField);
}

/** The JSON Schema combinator "at least one of these fields is present". */
export function atLeastOneOf(...fields: string[]): Record<string, unknown>[] {
  return fields.map(requiredField);
}

/**
 * `{ type: 'object', properties: { <field>: {} }, required: [field] }`: "the field is present"
 * (the empty `properties` entry keeps ajv's strictRequired mode satisfied).
 */
export function requiredField(field: string): Record<string, unknown> {
  return { type: 'object', properties: { [field]: {} }, required: [field] };
}

/**
 * One issue when `condition` holds, none otherwise: a small helper for declaration checks.
 *
 * @example
 * issueIf(ms > MAX, '/duration', 'A timeout lasts at most 28 days.');
 */
export function issueIf(condition: boolean, path: string, message: string): ConfigIssue[] {
  return condition ? [{ path, message }] : [];
}

/**
 * A string enum as plain JSON Schema `{ type: 'string', enum: [...] }` (friendlier to form
 * generators than TypeBox's union of literals), typed as the union of its values.
 */
export function StringEnum<const V extends readonly string[]>(
  values: V,
  options: SchemaOptions = {},
): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ ...options, type: 'string', enum: [...values] });
}
