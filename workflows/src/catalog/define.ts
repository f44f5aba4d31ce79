import { isReservedName, type GraphDocument, type Widget } from '@guildflow/engine/core';

/**
 * The categories templates are grouped by in the builder's template gallery.
 *
 * @example
 * TEMPLATE_CATEGORIES.includes('moderation'); // true
 */
export const TEMPLATE_CATEGORIES = [
  'onboarding',
  'moderation',
  'engagement',
  'support',
  'insights',
  'announcements',
] as const;

/**
 * One of {@link TEMPLATE_CATEGORIES}.
 */
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/**
 * JSON Schema of one var a template's installer fills. `x-widget` tells the install form which
 * picker to show (the catalog's widget names: `channel`, `role`, `member`, `duration`, …) and
 * which meaning instantiation checks beyond the pattern (a real duration, time zone or date).
 * `x-maxDuration` caps a duration var (e.g. Discord's 28-day timeout).
 */
export interface ParameterSchema {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  title: string;
  description: string;
  default?: unknown;
  'x-widget'?: Widget;
  'x-maxDuration'?: string;
  [keyword: string]: unknown;
}

/** JSON Schema of a template's `vars`: an object of named parameters, the required ones listed. */
export interface ParametersSchema {
  type: 'object';
  properties: Record<string, ParameterSchema>;
  required: string[];
  additionalProperties: false;
  /** Vars that install in the sandbox guild (its seeded ids): docs and tests use the first. */
  examples: Record<string, unknown>[];
}

/**
 * A prebuilt template: a graph document whose configs read `{{ vars.<name> }}`, and the schema
 * of those vars. Name and description are the graph document's own.
 */
export interface Template {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: TemplateCategory;
  readonly parameters: ParametersSchema;
  readonly graph: GraphDocument;
}

/**
 * Declares a template from its graph document and parameter schema (usually the folder's
 * `graph.json` and `parameters.json`). Both are frozen: instantiation hands out copies.
 *
 * @example
 * export const welcome = defineTemplate({ id: 'welcome', category: 'onboarding', graph, parameters });
 */
export function defineTemplate(input: {
  id: string;
  category: TemplateCategory;
  graph: unknown;
  parameters: unknown;
}): Template {
  // JSON imports are typed loosely (strings, not literals); the tests validate both documents.
  const graph = deepFreeze(structuredClone(input.graph)) as GraphDocument;
  const parameters = deepFreeze(structuredClone(input.parameters)) as ParametersSchema;
  // A parameter becomes a var: one named __proto__ (or constructor, prototype) could never be set.
  const reserved = Object.keys(parameters.properties ?? {}).find(isReservedName);
  if (reserved !== undefined)
    throw new Error(
      `Template "${input.id}": the parameter name "${reserved}" is reserved; rename the parameter and the vars.${reserved} that read it.`,
    );
  return Object.freeze({
    id: input.id,
    name: graph.name,
    description: graph.description ?? '',
    category: input.category,
    parameters,
    graph,
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
