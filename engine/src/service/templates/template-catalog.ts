import type { GraphDocument } from '../../core/index.js';

/**
 * One prebuilt template as `GET /api/templates` lists it: what it does and the JSON Schema of
 * the `vars` its installer fills (channel and role ids, texts, durations…).
 */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  category: string;
  /** JSON Schema of the install body's `vars` (with titles, descriptions and `x-widget` hints). */
  parameters: Record<string, unknown>;
  /** The graphs an install creates, the main one first: each one's name and trigger type. */
  graphs: TemplateGraphSummary[];
}

/** One graph a template installs. @example { name: 'Goodbye', trigger: 'trigger.memberLeft' } */
export interface TemplateGraphSummary {
  name: string;
  trigger: string;
}

/**
 * One problem with the vars sent to an install: which var (empty for the vars object itself),
 * its path in the request and why.
 */
export interface VarIssue {
  var: string;
  path: string;
  message: string;
}

/**
 * What instantiating a template gives: its graph documents with the vars filled in (`graph` is
 * the main one, `graphs[0]`), or why not.
 *
 * @example
 * const result = catalog.tryInstantiate('welcome', vars);
 * if (result.ok) for (const doc of result.graphs) save(doc);
 */
export type InstantiateResult =
  | { ok: true; graph: GraphDocument; graphs: GraphDocument[] }
  | { ok: false; error: 'unknown_template' }
  | { ok: false; error: 'invalid_vars'; issues: VarIssue[] };

/**
 * The prebuilt templates the service offers (docs/templates.md; `GET /api/templates`, `POST
 * …/templates/:templateId/install`). The catalog lives in `@guildflow/workflows`, which depends
 * on the engine, so the service receives it through `ServiceDeps.templates` instead of importing it.
 *
 * @example
 * createApp({ ...deps, templates: templateCatalog }); // templateCatalog from '@guildflow/workflows'
 */
export interface TemplateCatalog {
  list(): readonly TemplateSummary[];
  /** The template's main graph document as written (configs read `{{ vars.x }}`), for previews. */
  graph(templateId: string): GraphDocument | undefined;
  /** Every graph document of the template as written, the main one first. */
  graphs(templateId: string): GraphDocument[] | undefined;
  tryInstantiate(templateId: string, vars: unknown): InstantiateResult;
}
