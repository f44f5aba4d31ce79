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
 * What instantiating a template gives: its graph document with the vars filled in, or why not.
 *
 * @example
 * const result = catalog.tryInstantiate('welcome', vars);
 * if (result.ok) save(result.graph);
 */
export type InstantiateResult =
  | { ok: true; graph: GraphDocument }
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
  /** The template's graph document as written (configs read `{{ vars.x }}`), for previews. */
  graph(templateId: string): GraphDocument | undefined;
  tryInstantiate(templateId: string, vars: unknown): InstantiateResult;
}
