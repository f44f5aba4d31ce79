import type { JsonSchema } from '../catalog/json.js';

/** One readable member of a value (for autocomplete): its name, a short type and what it is. */
export interface SchemaMember {
  name: string;
  type: string;
  description?: string;
}

/**
 * The schema of `schema`'s member `key` (a property, a record value, a list element, or the
 * `length` of text and lists); `{}` (anything) when the schema does not say.
 *
 * @example
 * childSchema({ type: 'object', properties: { id: { type: 'string' } } }, 'id'); // { type: 'string' }
 */
export function childSchema(schema: JsonSchema, key: string | number): JsonSchema {
  const s = schema as {
    type?: unknown;
    properties?: Record<string, JsonSchema>;
    patternProperties?: Record<string, JsonSchema>;
    additionalProperties?: unknown;
    items?: unknown;
    anyOf?: JsonSchema[];
  };
  if (Array.isArray(s.anyOf)) {
    for (const option of s.anyOf) {
      const child = childSchema(option, key);
      if (Object.keys(child).length > 0) return child;
    }
    return {};
  }
  if (key === 'length' && (s.type === 'string' || s.type === 'array'))
    return { type: 'integer', description: 'Number of characters or items.' };
  if (s.type === 'array' || s.items !== undefined) {
    return typeof key === 'number' || /^\d+$/.test(key) ? asSchema(s.items) : {};
  }
  const name = String(key);
  if (s.properties && Object.hasOwn(s.properties, name)) return s.properties[name] ?? {};
  const pattern = s.patternProperties && Object.values(s.patternProperties)[0];
  if (pattern) return pattern;
  return asSchema(s.additionalProperties);
}

/**
 * The schema at a path below `schema` (see {@link childSchema}).
 *
 * @example
 * schemaAt(outputSchema, ['member', 'id']); // { type: 'string', … }
 */
export function schemaAt(schema: JsonSchema, path: readonly (string | number)[]): JsonSchema {
  return path.reduce<JsonSchema>((current, key) => childSchema(current, key), schema);
}

/**
 * The named members of a value of this schema: object properties, and `length` for text and
 * lists. Records and values of unknown shape have no named members.
 *
 * @example
 * schemaMembers({ type: 'object', properties: { id: { type: 'string' } } }); // [{ name: 'id', type: 'string' }]
 */
export function schemaMembers(schema: JsonSchema): SchemaMember[] {
  const s = schema as {
    type?: unknown;
    properties?: Record<string, JsonSchema>;
    anyOf?: JsonSchema[];
  };
  if (Array.isArray(s.anyOf)) {
    const seen = new Map<string, SchemaMember>();
    for (const option of s.anyOf)
      for (const member of schemaMembers(option))
        if (!seen.has(member.name)) seen.set(member.name, member);
    return [...seen.values()];
  }
  if (s.type === 'string' || s.type === 'array')
    return [{ name: 'length', type: 'integer', description: 'Number of characters or items.' }];
  return Object.entries(s.properties ?? {}).map(([name, child]) => member(name, child));
}

/**
 * A short type of a schema for display: `string`, `integer`, `object`, `list of object`, `any`.
 *
 * @example
 * typeLabel({ type: 'array', items: { type: 'string' } }); // 'list of string'
 */
export function typeLabel(schema: JsonSchema): string {
  const s = schema as { type?: unknown; items?: unknown; anyOf?: JsonSchema[] };
  if (Array.isArray(s.anyOf)) return [...new Set(s.anyOf.map(typeLabel))].join(' or ');
  if (s.type === 'array') return `list of ${typeLabel(asSchema(s.items))}`;
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.join(' or ');
  return 'any';
}

function member(name: string, schema: JsonSchema): SchemaMember {
  const description = (schema as { description?: unknown }).description;
  return typeof description === 'string'
    ? { name, type: typeLabel(schema), description }
    : { name, type: typeLabel(schema) };
}

function asSchema(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : {};
}
