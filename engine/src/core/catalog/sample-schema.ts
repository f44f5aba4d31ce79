import { Type, type TSchema } from '@sinclair/typebox';

const MAX_DEPTH = 8;
const MAX_KEYS = 100;

/**
 * A JSON Schema describing a sample value: its types, object keys and (from the first element)
 * list items. Bounded in depth and width; for the builder's autocomplete of sample payloads.
 *
 * @example
 * schemaOfSample({ member: { id: '1' } }); // { type: 'object', properties: { member: { type: 'object', … } } }
 */
export function schemaOfSample(value: unknown, depth = 0): TSchema {
  if (depth > MAX_DEPTH) return Type.Unknown();
  if (value === null) return Type.Null();
  if (Array.isArray(value))
    return Type.Array(value.length > 0 ? schemaOfSample(value[0], depth + 1) : Type.Unknown());
  switch (typeof value) {
    case 'string':
      return Type.String();
    case 'number':
      return Number.isInteger(value) ? Type.Integer() : Type.Number();
    case 'boolean':
      return Type.Boolean();
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_KEYS);
      return Type.Object(
        Object.fromEntries(entries.map(([key, v]) => [key, schemaOfSample(v, depth + 1)])),
      );
    }
    default:
      return Type.Unknown();
  }
}
