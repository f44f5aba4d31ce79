import { Router } from 'express';
import { validateGraph, type GraphDocument } from '../../core/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { createGraph, type CreatedGraph } from '../graphs/create-graph.js';
import { triggerOf } from '../graphs/graph-resource.js';
import { graphRouteKit } from '../graphs/route-kit.js';
import { guildContext, type GuildContext } from '../http/context.js';
import { requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { TemplateInstallBodySchema, TemplateListQuerySchema } from './schemas.js';
import type { TemplateCatalog } from './template-catalog.js';

const NO_TEMPLATES: TemplateCatalog = {
  list: () => [],
  graph: () => undefined,
  graphs: () => undefined,
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
    const templates = catalog.list().map((summary) => {
      const { id, name, description, category, parameters, graphs } = summary;
      const documents = include === 'graph' ? catalog.graphs(id) : undefined;
      return {
        id,
        name,
        description,
        category,
        parameters,
        graphs,
        ...(documents?.[0] ? { graph: documents[0], documents } : {}),
      };
    });
    res.json({ templates });
  });
  return router;
}

/**
 * `POST /api/guilds/:guildId/templates/:templateId/install { vars }`: checks the vars against
 * the template's parameters, then saves each filled-in graph document as a new draft through the
 * same path as `POST …/graphs` (audited as `graph.create`, noting the template) and answers 201
 * with the main graph's resource and `installed` (all of them). All or nothing: a graph that
 * cannot be saved removes the ones saved before it. Unknown template → 404; bad vars → 400
 * `invalid_vars` naming each var.
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
    const note = `Installed from the template "${templateId}".`;
    const created: CreatedGraph[] = [];
    try {
      for (const doc of result.graphs)
        created.push(await createGraph(ctx, kit.box, { doc, issues: validateGraph(doc), note }));
    } catch (error) {
      await removeDrafts(ctx, created);
      throw error;
    }
    const [main] = created as [CreatedGraph, ...CreatedGraph[]];
    const installed = created.map(({ graph }, i) => ({
      id: graph._id,
      name: graph.name,
      trigger: triggerOf(result.graphs[i] as GraphDocument)?.type ?? '',
    }));
    res.location(`/api/guilds/${ctx.guildId}/graphs/${main.graph._id}`);
    await kit.answer(req, res, ctx, main.graph, { status: 201, secret: main.secret, installed });
  });
  return router;
}

/** Undoes the drafts of a failed install (never published: nothing routes to them yet). */
async function removeDrafts(ctx: GuildContext, created: CreatedGraph[]): Promise<void> {
  const ids = created.map(({ graph }) => graph._id);
  if (ids.length === 0) return;
  await ctx.store.webhooks.deleteMany({ graphId: { $in: ids } });
  await ctx.store.graphs.deleteMany({ _id: { $in: ids }, guildId: ctx.guildId });
}
