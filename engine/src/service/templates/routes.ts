import { Router } from 'express';
import { validateGraph } from '../../core/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { createGraph } from '../graphs/create-graph.js';
import { graphRouteKit } from '../graphs/route-kit.js';
import { guildContext } from '../http/context.js';
import { requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { TemplateInstallBodySchema, TemplateListQuerySchema } from './schemas.js';
import type { TemplateCatalog } from './template-catalog.js';

const NO_TEMPLATES: TemplateCatalog = {
  list: () => [],
  graph: () => undefined,
  tryInstantiate: () => ({ ok: false, error: 'unknown_template' }),
};

/**
 * `GET /api/templates`: the prebuilt templates with the JSON Schema of their vars, and with
 * `?include=graph` their graph documents (the gallery's previews); an empty list when the
 * service was started without a catalog.
 *
 * @example
 * app.use('/api', templateListRoutes(deps));
 */
export function templateListRoutes(deps: ServiceDeps): Router {
  const router = Router();
  router.get('/templates', (req, res) => {
    const { include } = check(TemplateListQuerySchema, req.query, 'query');
    const catalog = deps.templates ?? NO_TEMPLATES;
    const templates = catalog.list().map(({ id, name, description, category, parameters }) => {
      const graph = include === 'graph' ? catalog.graph(id) : undefined;
      return { id, name, description, category, parameters, ...(graph ? { graph } : {}) };
    });
    res.json({ templates });
  });
  return router;
}

/**
 * `POST /api/guilds/:guildId/templates/:templateId/install { vars }`: checks the vars against
 * the template's parameters, then saves the filled-in graph document as a new draft through the
 * same path as `POST …/graphs` (audited as `graph.create`, noting the template) and answers 201
 * with the graph resource. Unknown template → 404; bad vars → 400 `invalid_vars` naming each var.
 *
 * @example
 * app.use('/api/guilds/:guildId', guildAccess, templateInstallRoutes(deps));
 */
export function templateInstallRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });
  const kit = graphRouteKit(deps);

  router.post('/templates/:templateId/install', requireJson, async (req, res) => {
    const templateId = String(req.params.templateId);
    const { vars } = check(TemplateInstallBodySchema, req.body ?? {}, 'body');
    const result = (deps.templates ?? NO_TEMPLATES).tryInstantiate(templateId, vars);
    if (!result.ok && result.error === 'unknown_template')
      throw new ApiError(
        404,
        'not_found',
        `There is no template "${templateId.slice(0, 100)}". GET /api/templates lists them.`,
      );
    if (!result.ok) {
      const { issues } = result;
      throw new ApiError(
        400,
        'invalid_vars',
        `The vars do not fit the template "${templateId}": ${issues.map((i) => i.message).join('; ')}.`,
        issues.map((issue) => ({ ...issue, path: `body.${issue.path}` })),
      );
    }
    const ctx = await guildContext(deps, req, res);
    const { graph, secret } = await createGraph(ctx, kit.box, {
      doc: result.graph,
      // A template's graph is valid by its tests; whatever the vars leave open is listed here.
      issues: validateGraph(result.graph),
      note: `Installed from the template "${templateId}".`,
    });
    res.location(`/api/guilds/${ctx.guildId}/graphs/${graph._id}`);
    await kit.answer(req, res, ctx, graph, { status: 201, secret });
  });
  return router;
}
