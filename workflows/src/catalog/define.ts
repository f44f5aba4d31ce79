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
 * A prebuilt template: one or more graph documents whose configs read `{{ vars.<name> }}`, and
 * the schema of those vars. A feature that starts from several triggers (a welcome on join and a
 * goodbye on leave; /warn, /warnings and /unwarn) is several graphs, installed together with the
 * same vars; they share state through data keys. Name and description are the main graph's own.
 */
export interface Template {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: TemplateCategory;
  readonly parameters: ParametersSchema;
  /** The main graph (the builder opens it after an install): `graphs[0]`. */
  readonly graph: GraphDocument;
  /** Every graph the template installs, the main one first. */
  readonly graphs: readonly GraphDocument[];
}

/**
 * Declares a template from its graph documents and parameter schema (usually the folder's
 * `graph.json`, `<name>.graph.json` companions and `parameters.json`). All are frozen:
 * instantiation hands out copies. Each graph's own `vars` lists the vars it reads.
 *
 * @example
 * export const welcome = defineTemplate({ id: 'welcome', category: 'onboarding', graph, companions: [goodbye], parameters });
 */
export function defineTemplate(input: {
  id: string;
  category: TemplateCategory;
  graph: unknown;
  /** Graphs installed alongside the main one (other triggers of the same feature). */
  companions?: unknown[];
  parameters: unknown;
}): Template {
  // JSON imports are typed loosely (strings, not literals); the tests validate the documents.
  const graphs = [input.graph, ...(input.companions ?? [])].map(
    (doc) => deepFreeze(structuredClone(doc)) as GraphDocument,
  );
  const graph = graphs[0] as GraphDocument;
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
    graphs: Object.freeze(graphs),
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
