import { Router } from 'express';
import { validateGraph, type GraphDocument, type ValidationIssue } from '../../core/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { guildContext } from '../http/context.js';
import { ifMatchRevision, preconditionFailed, requireJson } from '../http/preconditions.js';
import { recordAudit, type GraphRecord } from '../storage/index.js';
import { mountAuditRoutes } from './audit-routes.js';
import { createGraph } from './create-graph.js';
import { toGraphSummary, triggerOf } from './graph-resource.js';
import { updateAtRevision } from './graph-store.js';
import { mountLifecycleRoutes } from './lifecycle-routes.js';
import { mountPreflightRoutes } from './preflight/routes.js';
import { deleteGraph } from './publishing.js';
import { graphRouteKit } from './route-kit.js';
import { ensureWebhook } from './webhooks.js';

/**
 * The graph routes under `/api/guilds/:guildId` (docs/api/openapi.json): CRUD of drafts
 * with optimistic concurrency, publish, disable, versions, rollback, webhook rotation, and the
 * guild's audit log.
 *
 * @example
 * app.use('/api/guilds/:guildId', graphRoutes(deps));
 */
export function graphRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });
  const kit = graphRouteKit(deps);

  router.get('/graphs', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graphs = await ctx.store.graphs
      .find({ guildId: ctx.guildId, deletedAt: null })
      .sort({ updatedAt: -1 })
      .limit(1000)
      .lean<GraphRecord[]>();
    res.json({ graphs: graphs.map(toGraphSummary) });
  });

  router.post('/graphs', requireJson, async (req, res) => {
    const { doc, issues } = wellFormed(req.body);
    const ctx = await guildContext(deps, req, res);
    const { graph, secret } = await createGraph(ctx, kit.box, { doc, issues });
    res.location(`/api/guilds/${ctx.guildId}/graphs/${graph._id}`);
    await kit.answer(req, res, ctx, graph, { status: 201, secret });
  });

  router.get('/graphs/:graphId', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    await kit.answer(req, res, ctx, await kit.graphOf(ctx, req));
  });

  router.put('/graphs/:graphId', requireJson, async (req, res) => {
    const { doc, issues } = wellFormed(req.body);
    const expected = ifMatchRevision(req);
    const ctx = await guildContext(deps, req, res);
    const { current, saved, hook } = await kit.alone(req, async () => {
      const current = await kit.graphOf(ctx, req);
      if (expected !== undefined && current.revision !== expected) throw preconditionFailed();
      const hook =
        triggerOf(doc)?.type === 'trigger.webhook'
          ? await ensureWebhook(ctx.store, kit.box, { id: current._id, guildId: ctx.guildId })
          : undefined;
      try {
        const saved = await updateAtRevision(
          ctx.store,
          { _id: current._id, guildId: ctx.guildId, revision: expected },
          { $set: { draftJson: JSON.stringify(doc), issues, name: doc.name } },
          ctx.actor,
        );
        return { current, saved, hook };
      } catch (error) {
        // A hook created for a save that did not happen was never shown: remove it.
        if (hook?.created) await ctx.store.webhooks.deleteOne({ _id: hook.hookId }).catch(() => {});
        throw error;
      }
    });
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'graph.update',
      guildId: ctx.guildId,
      graphId: current._id,
      before: { revision: saved.revision - 1 },
      after: { revision: saved.revision },
    });
    await kit.answer(req, res, ctx, saved, { secret: hook?.secret });
  });

  router.delete('/graphs/:graphId', async (req, res) => {
    const expected = ifMatchRevision(req);
    const ctx = await guildContext(deps, req, res);
    const deleted = await kit.change(req, ctx, expected, async (graph) => {
      await deleteGraph(kit.publishing(ctx), graph);
      return graph;
    });
    // Deleted either way; 202 says a running gateway has not confirmed it stopped routing it.
    const routing = await kit.confirm(deleted);
    if (routing && !routing.live) res.status(202).json({ routing });
    else res.status(204).end();
  });

  mountLifecycleRoutes(router, deps, kit);
  mountAuditRoutes(router, deps);
  mountPreflightRoutes(router, deps, kit);
  return router;
}

/**
 * The body as a graph document with its validation list, or 400 `invalid_document` listing the
 * shape problems (a well-formed document with other problems is saved with them).
 */
function wellFormed(body: unknown): { doc: GraphDocument; issues: ValidationIssue[] } {
  const issues = validateGraph(body);
  const shape = issues.filter((issue) => issue.code === 'invalid_document');
  if (shape.length > 0) {
    throw new ApiError(
      400,
      'invalid_document',
      `The body is not a well-formed graph document (${shape.length} problem${shape.length === 1 ? '' : 's'}, listed in details). Fix ${shape.length === 1 ? 'it' : 'them'} and send it again.`,
      shape,
    );
  }
  return { doc: body as GraphDocument, issues };
}
