import type { NodeDeclaration } from './define-node.js';
import { NODE_GROUPS } from './node-kinds.js';
import { PERMISSION_LABELS, type NodeRequirements } from './discord/permissions.js';
import { fieldMode } from './fields.js';
import { toJsonSchema, type JsonSchema } from './json.js';
import { listNodeTypes, outputPortsOf } from './registry.js';
import { ROUTED_TRIGGERS } from './triggers/index.js';
import {
  DATE_TIME_PATTERN,
  DURATION_TITLE,
  SNOWFLAKE_PATTERN,
  URL_PATTERN,
  isExprSchema,
} from './schemas.js';

/**
 * The command that regenerates docs/nodes.md.
 *
 * @example
 * console.error(`docs/nodes.md is stale: run ${NODE_REFERENCE_COMMAND}`);
 */
export const NODE_REFERENCE_COMMAND = 'npx tsx engine/scripts/gen-node-reference.ts';

/**
 * The node reference (docs/nodes.md) as markdown, generated from the catalog: for every node
 * type its id, title, description, ports, config fields (type, required, whether `{{ }}`
 * expressions are accepted, description) and output. Deterministic.
 *
 * @example
 * writeFileSync('docs/nodes.md', renderNodeReference());
 */
export function renderNodeReference(): string {
  const out: string[] = [
    '# Node reference',
    '',
    `<!-- Generated from the node catalog (engine/src/core/catalog) by \`${NODE_REFERENCE_COMMAND}\`. Do not edit by hand. -->`,
    '',
    'Every node type a graph can use. Type ids, config field names and output names are public and never change.',
    'Fields marked **expr** accept `{{ … }}` expressions (a field that is exactly one `{{ … }}` takes the value’s type,',
    'so a number field may hold `{{ vars.count }}`); trigger configs may only use `vars` in expressions, because they are',
    'evaluated when the graph is published, before any run. Outputs are readable by later nodes as `nodes.<id>.…`;',
    'a trigger’s output is `trigger.…`. Every action also has the `error` port: it is taken when the action still fails',
    'after its retries, with output `{ error: { code, message, retryable } }`. “Required” is relative to the object a',
    'field belongs to (`buttons[].label` is required in every button).',
    '',
  ];
  for (const group of NODE_GROUPS) {
    const nodes = listNodeTypes().filter((d) => d.group === group);
    if (nodes.length === 0) continue;
    out.push(
      `- **${group}**: ${nodes.map((d) => `[\`${d.type}\`](#${anchor(d.type)})`).join(', ')}`,
    );
  }
  for (const group of NODE_GROUPS) {
    const nodes = listNodeTypes().filter((d) => d.group === group);
    if (nodes.length === 0) continue;
    out.push('', `## ${group}`);
    for (const declaration of nodes) out.push('', ...renderNode(declaration));
  }
  return `${out.join('\n')}\n`;
}

function anchor(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** `Manage Roles`; `Send Messages` in `channelId`; `Embed Links` when `embeds` is set… */
function requirementText(requires: NodeRequirements): string {
  return requires.permissions
    .map((rule) => {
      const names = rule.permissions.map((p) => PERMISSION_LABELS[p]).join(', ');
      const where = rule.channelField ? ` in \`${rule.channelField}\`` : '';
      const when = Object.entries(rule.when ?? {})
        .map(([field, value]) =>
          value === true ? `\`${field}\` is set` : `\`${field}\` is \`${value}\``,
        )
        .join(' and ');
      return `${names}${where}${when ? ` when ${when}` : ''}`;
    })
    .join('; ');
}

function renderNode(d: NodeDeclaration): string[] {
  const lines = [
    `### \`${d.type}\``,
    '',
    `**${d.title}** · ${d.kind}`,
    '',
    escapeText(d.description),
    '',
  ];
  if (d.unavailable !== undefined)
    lines.push(
      `**Not available yet:** ${escapeText(d.unavailable)}. Graphs that use it cannot be published or test-run.`,
      '',
    );
  lines.push(
    `**Inputs:** ${d.ports.inputs === 'none' ? 'none (starts the run)' : d.ports.inputs === 'many' ? 'many (waits for all)' : 'one'}  `,
  );
  const ports = outputPortsOf(d, {});
  const portText = d.ports.dynamic
    ? escapeText(d.ports.dynamic) + (d.ports.error ? ' Then `error`.' : '')
    : ports.length === 0
      ? 'none (ends the run)'
      : ports.map((p) => `\`${p.id}\``).join(', ');
  lines.push(`**Output ports:** ${portText}`);
  const routed = ROUTED_TRIGGERS.find((t) => t.type === d.type);
  if (routed) lines.push('', `**Listens to:** the gateway's \`${routed.event.kind}\` event.`);
  if (d.policy) {
    const r = d.policy.retry;
    lines.push(
      '',
      `**Retries:** ${r.maximumAttempts} attempts, ${d.policy.startToCloseTimeout} each, backoff ${r.initialInterval} ×${r.backoffCoefficient} up to ${r.maximumInterval}.`,
    );
  }
  if (d.requires) lines.push('', `**Bot permissions:** ${requirementText(d.requires)}`);
  const rows = fieldRows(d);
  lines.push('', '**Config**', '');
  if (rows.length === 0) lines.push('No settings.');
  else {
    lines.push('| field | type | required | expr | description |', '|---|---|---|---|---|');
    for (const row of rows)
      lines.push(
        `| \`${row.name}\` | ${cell(row.type)} | ${row.required ? 'yes' : ''} | ${row.expr} | ${cell(row.description)} |`,
      );
  }
  const rules = combinatorNotes(toJsonSchema(d.config));
  if (rules.length > 0) lines.push('', ...rules.map((r) => `- ${r}`));
  const output = toJsonSchema(d.output);
  lines.push(
    '',
    `**Output** (\`${d.kind === 'trigger' ? 'trigger' : 'nodes.<id>'}\`)${typeof output.description === 'string' ? `: ${escapeText(output.description)}` : ''}`,
  );
  lines.push('', '```ts', tsType(output, ''), '```');
  const example = d.examples?.[0];
  if (example)
    lines.push(
      '',
      `**Example** — ${escapeText(example.title)}`,
      '',
      '```json',
      JSON.stringify(example.config, null, 2),
      '```',
    );
  return lines;
}

interface Row {
  name: string;
  type: string;
  required: boolean;
  expr: string;
  description: string;
}

function fieldRows(d: NodeDeclaration): Row[] {
  const rows: Row[] = [];
  const walk = (schema: JsonSchema, prefix: string, path: string[]) => {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [key, child] of Object.entries(properties)) {
      const name = `${prefix}${key}`;
      const fieldPath = [...path, key];
      const mode = fieldMode(d, fieldPath);
      const value = isExprSchema(child) ? (child.anyOf[0] as JsonSchema) : child;
      const expr =
        mode === 'literal'
          ? 'no'
          : mode === 'condition'
            ? 'bare expression'
            : acceptsText(child)
              ? d.kind === 'trigger'
                ? 'vars'
                : 'yes'
              : 'no';
      const notes = [describe(child), describe(value)].filter(
        (t, i, all) => t !== '' && all.indexOf(t) === i,
      );
      if (child.default !== undefined) notes.push(`Default: \`${JSON.stringify(child.default)}\`.`);
      rows.push({
        name,
        type: typeName(child),
        required: required.has(key),
        expr,
        description: notes.join(' '),
      });
      if (value.type === 'object' && value.properties) walk(value, `${name}.`, fieldPath);
      const items = value.items as JsonSchema | undefined;
      if (value.type === 'array' && items?.type === 'object' && items.properties)
        walk(items, `${name}[].`, [...fieldPath, '*']);
    }
  };
  walk(toJsonSchema(d.config), '', []);
  return rows;
}

function describe(schema: JsonSchema): string {
  return typeof schema.description === 'string' ? schema.description : '';
}

/** True when a field (or the strings inside it: list items, map values) accepts templates. */
function acceptsText(schema: JsonSchema): boolean {
  if (isExprSchema(schema)) return true;
  if (Array.isArray(schema.enum) || schema.const !== undefined) return false;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).some(acceptsText);
  switch (schema.type) {
    case 'string':
      return true;
    case 'array':
      return acceptsText((schema.items ?? {}) as JsonSchema);
    case 'object':
      return (
        !schema.properties &&
        Object.values((schema.patternProperties ?? {}) as Record<string, JsonSchema>).some(
          acceptsText,
        )
      );
    case undefined:
      return true;
    default:
      return false;
  }
}

/** A short type name for a config field. */
function typeName(schema: JsonSchema): string {
  if (isExprSchema(schema)) return typeName(schema.anyOf[0] as JsonSchema);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeName).join(' | ');
  switch (schema.type) {
    case 'string': {
      if (schema.title === DURATION_TITLE) return 'duration';
      if (schema.pattern === SNOWFLAKE_PATTERN) return 'Discord id';
      if (schema.pattern === DATE_TIME_PATTERN) return 'date';
      if (schema.pattern === URL_PATTERN) return 'URL';
      const max = typeof schema.maxLength === 'number' ? ` (≤ ${schema.maxLength})` : '';
      return `string${max}`;
    }
    case 'integer':
    case 'number': {
      const range =
        typeof schema.minimum === 'number' && typeof schema.maximum === 'number'
          ? ` ${schema.minimum}–${schema.maximum}`
          : '';
      return `${schema.type}${range}`;
    }
    case 'boolean':
      return 'boolean';
    case 'array': {
      const max = typeof schema.maxItems === 'number' ? ` (≤ ${schema.maxItems})` : '';
      return `${typeName((schema.items ?? {}) as JsonSchema)}[]${max}`;
    }
    case 'object':
      return schema.properties
        ? 'object'
        : `map of ${typeName(Object.values((schema.patternProperties ?? {}) as Record<string, JsonSchema>)[0] ?? {})}`;
    case 'null':
      return 'null';
    default:
      return 'any';
  }
}

/** Cross-field rules stated in the schema (oneOf / anyOf / if-then of required fields). */
function combinatorNotes(schema: JsonSchema): string[] {
  const fields = (list: unknown) =>
    (list as JsonSchema[]).flatMap((s) => (s.required ?? []) as string[]).map((f) => `\`${f}\``);
  const notes: string[] = [];
  if (Array.isArray(schema.oneOf)) notes.push(`Exactly one of ${fields(schema.oneOf).join(', ')}.`);
  if (Array.isArray(schema.anyOf))
    notes.push(`At least one of ${fields(schema.anyOf).join(', ')}.`);
  for (const rule of (schema.allOf ?? []) as JsonSchema[]) {
    const cond = rule.if as JsonSchema | undefined;
    const then = rule.then as JsonSchema | undefined;
    const props = (cond?.properties ?? {}) as Record<string, JsonSchema>;
    const [[field, value] = []] = Object.entries(props);
    if (field && value && then)
      notes.push(
        `When \`${field}\` is ${JSON.stringify(value.const)}, ${fields([then]).join(', ')} is required.`,
      );
  }
  return notes;
}

/** A TypeScript-like rendering of an output schema. */
function tsType(schema: JsonSchema, indent: string): string {
  if (Array.isArray(schema.anyOf))
    return (schema.anyOf as JsonSchema[]).map((s) => tsType(s, indent)).join(' | ');
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return schema.type;
    case 'integer':
      return 'number';
    case 'array': {
      const item = tsType((schema.items ?? {}) as JsonSchema, indent);
      return item.includes(' ') && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    case 'object': {
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      if (!properties) {
        const values = Object.values(
          (schema.patternProperties ?? {}) as Record<string, JsonSchema>,
        );
        return `Record<string, ${values[0] ? tsType(values[0], indent) : 'unknown'}>`;
      }
      const entries = Object.entries(properties);
      if (entries.length === 0) return '{}';
      const required = new Set((schema.required ?? []) as string[]);
      const inner = `${indent}  `;
      const lines = entries.map(([key, child]) => {
        const comment = typeof child.description === 'string' ? ` // ${child.description}` : '';
        return `${inner}${key}${required.has(key) ? '' : '?'}: ${tsType(child, inner)};${comment}`;
      });
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    default:
      return 'unknown';
  }
}

function cell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|');
}

function escapeText(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}
