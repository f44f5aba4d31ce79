import {
  catalogJson,
  fieldMode,
  isExprSchema,
  type FieldMode,
  type FieldUi,
  type JsonSchema,
  type NodeTypeJson,
  type Widget,
} from '@guildflow/engine/core';
import type { EntityKind } from './fields/entity-options.js';

/**
 * The field components of the config form (RJSF `ui:field` names). Every leaf is one of ours:
 * RJSF lays out objects and arrays, our fields keep whatever the admin typed (even invalid)
 * and accept `{{ }}` expressions where the engine renders them.
 */
export type FieldKind =
  | 'text'
  | 'expression'
  | 'number'
  | 'select'
  | 'toggle'
  | 'entity'
  | 'duration'
  | 'cron'
  | 'timezone'
  | 'datetime'
  | 'color'
  | 'json'
  | 'list'
  | 'keyValue'
  | 'buttons'
  | 'embeds'
  | 'graph';

/** Options of one leaf field (the uiSchema's `ui:options`). */
export interface FieldOptions {
  kind: FieldKind;
  /** How the engine reads the field: `template`, `literal` or `condition`. */
  mode: FieldMode;
  /** True when the field also takes a `{{ }}` template in place of its value. */
  expr: boolean;
  /** For number fields: integers only. */
  integer?: boolean;
  /** Multi-line text (message content, topics). */
  multiline?: boolean;
  /** For entity pickers (and list elements): what to pick. */
  entity?: EntityKind;
  /** For list fields: the element's widget. */
  items?: Widget;
  /** For key/value fields: values may be any expression (`flow.setVariables`). */
  anyValue?: boolean;
  placeholder?: string;
  help?: string;
}

/** A config form: the schema RJSF lays out and the uiSchema naming our fields. */
export interface ConfigForm {
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
}

let byType: Map<string, NodeTypeJson> | undefined;

/**
 * A node type of the catalog as `GET /api/catalog` serves it (the core's `catalogJson()`,
 * computed once).
 *
 * @example
 * nodeTypeJson('discord.sendMessage')?.title; // 'Send message'
 */
export function nodeTypeJson(type: string): NodeTypeJson | undefined {
  byType ??= new Map(catalogJson().nodes.map((n) => [n.type, n]));
  return byType.get(type);
}

// Constraints across fields (exactly one of channelId/userId…) are left to validateGraph,
// which reports them by path; RJSF would render them as option pickers.
const OBJECT_CONSTRAINTS = [
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'minProperties',
];
const ENTITY_WIDGETS = new Set<Widget>([
  'channel',
  'category',
  'channelOrCategory',
  'role',
  'member',
]);

/**
 * The form of a node type: its config schema made for layout (combinators across fields
 * dropped, `Expr` fields reduced to their value, defaults shown as placeholders rather than
 * written) and a uiSchema choosing a field for every leaf from the type's UI hints, the
 * schema and the field's mode.
 *
 * @example
 * const { schema, uiSchema } = configForm(nodeTypeJson('discord.sendMessage')!);
 * uiSchema.channelId; // { 'ui:field': 'gf', 'ui:options': { kind: 'entity', entity: 'channel', … } }
 */
export function configForm(node: NodeTypeJson): ConfigForm {
  const built = build(node, node.configSchema, [], undefined);
  return { schema: built.schema, uiSchema: built.uiSchema };
}

function build(
  node: NodeTypeJson,
  raw: JsonSchema,
  path: (string | number)[],
  hint: FieldUi | undefined,
): ConfigForm {
  const expr = isExprSchema(raw);
  const source = expr ? valueOf(raw) : raw;
  const mode = fieldMode(node, path.length === 0 ? [] : path);
  const s = source as {
    type?: unknown;
    properties?: Record<string, JsonSchema>;
    items?: JsonSchema;
    enum?: unknown[];
    anyOf?: unknown;
  };
  if (path.length === 0 || (s.type === 'object' && s.properties && !hint?.widget)) {
    return objectForm(node, source, path);
  }
  const options = leafOptions(source, hint, mode, expr);
  if (options) return leaf(stripForLayout(source), options);
  // An array of objects without a dedicated editor: RJSF lists the items, we fill the leaves.
  const item = build(node, s.items ?? {}, [...path, 0], undefined);
  return {
    schema: { ...stripForLayout(source), items: item.schema },
    uiSchema: { items: item.uiSchema, 'ui:options': { orderable: true } },
  };
}

function objectForm(node: NodeTypeJson, source: JsonSchema, path: (string | number)[]): ConfigForm {
  const properties = (source as { properties?: Record<string, JsonSchema> }).properties ?? {};
  const schemaProps: Record<string, JsonSchema> = {};
  const uiSchema: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(properties)) {
    const hint = path.length === 0 ? node.ui.fields[key] : undefined;
    const built = build(node, child, [...path, key], hint);
    schemaProps[key] = built.schema;
    const options = fieldOptions(built.uiSchema);
    uiSchema[key] = { ...built.uiSchema, 'ui:title': fieldTitle(key, options?.kind === 'entity') };
  }
  const schema: JsonSchema = { ...stripForLayout(source), type: 'object', properties: schemaProps };
  for (const key of OBJECT_CONSTRAINTS) delete schema[key];
  return { schema, uiSchema };
}

function leaf(schema: JsonSchema, options: FieldOptions): ConfigForm {
  // Our field reads the value; RJSF must not add an option picker for a union (`flow.if`).
  const plain: JsonSchema = { ...schema };
  for (const key of ['anyOf', 'oneOf', ...OBJECT_CONSTRAINTS]) delete plain[key];
  return { schema: plain, uiSchema: { 'ui:field': 'gf', 'ui:options': options } };
}

/** The options of a leaf field, or undefined for an array of objects RJSF should lay out. */
function leafOptions(
  source: JsonSchema,
  hint: FieldUi | undefined,
  mode: FieldMode,
  expr: boolean,
): FieldOptions | undefined {
  const s = source as { type?: unknown; enum?: unknown[]; items?: JsonSchema; anyOf?: unknown };
  const widget = hint?.widget;
  const base = {
    mode,
    expr,
    ...(hint?.placeholder ? { placeholder: hint.placeholder } : defaultPlaceholder(source)),
    ...(hint?.help ? { help: hint.help } : {}),
  };
  const templ = mode === 'template';
  if (widget && ENTITY_WIDGETS.has(widget))
    return { ...base, kind: 'entity', entity: widget as FieldOptions['entity'] };
  switch (widget) {
    case 'embeds':
    case 'buttons':
    case 'duration':
    case 'cron':
    case 'timezone':
    case 'datetime':
    case 'color':
    case 'json':
    case 'graph':
      return { ...base, kind: widget };
    case 'list':
      return { ...base, kind: 'list', ...(hint?.items ? { items: hint.items } : {}) };
    case 'keyValue':
      return { ...base, kind: 'keyValue' };
    case 'variables':
      return { ...base, kind: 'keyValue', anyValue: true };
    case 'expression':
      return { ...base, kind: 'expression' };
    case 'condition':
      return { ...base, kind: 'expression', mode: 'condition' };
    case 'textarea':
      return { ...base, kind: templ ? 'expression' : 'text', multiline: true };
    default:
      break;
  }
  if (Array.isArray(s.enum)) return { ...base, kind: 'select' };
  if (s.type === 'boolean') return { ...base, kind: 'toggle' };
  if (s.type === 'integer' || s.type === 'number')
    return { ...base, kind: 'number', integer: s.type === 'integer' };
  if (s.type === 'string') return { ...base, kind: templ ? 'expression' : 'text' };
  if (s.type === 'array') {
    const items = s.items as { type?: unknown } | undefined;
    if (items?.type === 'object') return undefined;
    return { ...base, kind: 'list' };
  }
  if (s.type === 'object') return { ...base, kind: 'keyValue' };
  // Unions and values of any type: an expression (a literal reads as JSON when it parses).
  return { ...base, kind: templ ? 'expression' : 'json' };
}

function valueOf(schema: JsonSchema): JsonSchema {
  const { anyOf, ...annotations } = schema as { anyOf: [JsonSchema, JsonSchema] };
  return { ...annotations, ...anyOf[0] };
}

/** The schema without what would make RJSF write or choose values by itself. */
function stripForLayout(schema: JsonSchema): JsonSchema {
  const { default: _default, examples: _examples, ...rest } = schema as Record<string, unknown>;
  return rest;
}

function defaultPlaceholder(schema: JsonSchema): { placeholder?: string } {
  const value = (schema as { default?: unknown }).default;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  return { placeholder: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** The options of a leaf from its uiSchema (undefined when it is not one of ours). */
export function fieldOptions(uiSchema: unknown): FieldOptions | undefined {
  const options = (uiSchema as { 'ui:options'?: unknown } | undefined)?.['ui:options'];
  return typeof options === 'object' && options !== null && 'kind' in options
    ? (options as FieldOptions)
    : undefined;
}

const TITLES: Record<string, string> = {
  customId: 'Custom ID',
  customIdPrefix: 'Custom ID prefix',
  id: 'ID',
  url: 'URL',
  ttl: 'Expires after',
  messageId: 'Message ID',
  userId: 'Member',
  timezone: 'Time zone',
};

/**
 * The label of a config field from its name: `allowedRoleMentions` → "Allowed role mentions";
 * a picker's `channelId` → "Channel" (the picker shows names, not ids).
 *
 * @example
 * fieldTitle('deleteMessageSeconds'); // 'Delete message seconds'
 * fieldTitle('roleId', true); // 'Role'
 */
export function fieldTitle(key: string, picker = false): string {
  const known = TITLES[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((w) => w.toLowerCase());
  if (words.length > 1 && words[words.length - 1] === 'id') {
    if (picker) words.pop();
    else words[words.length - 1] = 'ID';
  }
  words.forEach((w, i) => {
    if (w === 'url') words[i] = 'URL';
  });
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
