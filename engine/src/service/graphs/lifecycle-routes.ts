import type { Request, Router } from 'express';
import type { GraphDocument } from '../../core/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { baseUrlOf, guildContext, type GuildContext } from '../http/context.js';
import { ifMatchRevision, requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { recordAudit, type GraphRecord, type GraphVersionRecord } from '../storage/index.js';
import { draftOf, triggerOf } from './graph-resource.js';
import { findVersion } from './graph-store.js';
import { disableGraph, publishGraph, rollbackGraph } from './publishing.js';
import type { GraphRouteKit } from './route-kit.js';
import { RollbackBodySchema, WebhookSettingsBodySchema } from './schemas.js';
import { rotateWebhook, setWebhookSigning, webhookInfo } from './webhooks.js';

/**
 * The lifecycle routes of a graph: publish, disable, versions, rollback, and the webhook's
 * secret rotation and signing mode.
 */
export function mountLifecycleRoutes(router: Router, deps: ServiceDeps, kit: GraphRouteKit): void {
  router.post('/graphs/:graphId/publish', async (req, res) => {
    const expected = ifMatchRevision(req);
    const ctx = await guildContext(deps, req, res);
    const published = await kit.change(req, ctx, expected, (graph) =>
      publishGraph(kit.publishing(ctx), graph),
    );
    await kit.answer(req, res, ctx, published, { routing: await kit.confirm(published) });
  });

  router.post('/graphs/:graphId/disable', async (req, res) => {
    const expected = ifMatchRevision(req);
    const ctx = await guildContext(deps, req, res);
    const disabled = await kit.change(req, ctx, expected, (graph) =>
      disableGraph(kit.publishing(ctx), graph),
    );
    await kit.answer(req, res, ctx, disabled, { routing: await kit.confirm(disabled) });
  });

  router.post('/graphs/:graphId/rollback', requireJson, async (req, res) => {
    const { version } = check(RollbackBodySchema, req.body, 'body');
    const expected = ifMatchRevision(req);
    const ctx = await guildContext(deps, req, res);
    const rolled = await kit.change(req, ctx, expected, (graph) =>
      rollbackGraph(kit.publishing(ctx), graph, version),
    );
    await kit.answer(req, res, ctx, rolled, { routing: await kit.confirm(rolled) });
  });

  router.get('/graphs/:graphId/versions', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graph = await kit.graphOf(ctx, req);
    // Only versions the pointer reached: an orphan of an interrupted publish stays invisible.
    const versions = await ctx.store.versions
      .find({ graphId: graph._id, version: { $lte: graph.latestVersion } }, { documentJson: 0 })
      .sort({ version: -1 })
      .lean<Omit<GraphVersionRecord, 'documentJson'>[]>();
    res.json({
      publishedVersion: graph.publishedVersion ?? null,
      versions: versions.map((v) => ({
        version: v.version,
        publishedBy: v.publishedBy,
        publishedAt: v.publishedAt.toISOString(),
        current: v.version === graph.publishedVersion,
      })),
    });
  });

  router.get('/graphs/:graphId/versions/:version', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graph = await kit.graphOf(ctx, req);
    const number = /^\d{1,9}$/.test(String(req.params.version)) ? Number(req.params.version) : 0;
    const version = number > 0 ? await findVersion(ctx.store, graph, number) : undefined;
    if (!version) {
      throw new ApiError(
        404,
        'not_found',
        `This graph has no version ${String(req.params.version)}. GET …/versions lists them.`,
      );
    }
    res.json({
      graphId: graph._id,
      version: version.version,
      publishedBy: version.publishedBy,
      publishedAt: version.publishedAt.toISOString(),
      document: JSON.parse(version.documentJson) as GraphDocument,
    });
  });

  router.post('/graphs/:graphId/webhook/rotate', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graph = await webhookGraphOf(kit, ctx, req);
    const rotated = await kit.alone(req, () =>
      rotateWebhook(ctx.store, kit.box, { id: graph._id, guildId: ctx.guildId }),
    );
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'webhook.rotate',
      guildId: ctx.guildId,
      graphId: graph._id,
    });
    res.json(webhookInfo(baseUrlOf(deps, req), rotated, rotated.secret));
  });

  // The signing mode: `body` makes the hook replayable, so it is a deliberate, audited switch.
  router.put('/graphs/:graphId/webhook', requireJson, async (req, res) => {
    const { signing } = check(WebhookSettingsBodySchema, req.body, 'body');
    const ctx = await guildContext(deps, req, res);
    const graph = await webhookGraphOf(kit, ctx, req);
    const set = await kit.alone(req, () =>
      setWebhookSigning(ctx.store, kit.box, { id: graph._id, guildId: ctx.guildId }, signing),
    );
    if (set.before !== signing)
      await recordAudit(ctx.store, {
        actor: ctx.actor,
        action: 'webhook.signing',
        guildId: ctx.guildId,
        graphId: graph._id,
        note: `signing ${set.before} → ${signing}${signing === 'body' ? ' (replayable)' : ''}`,
      });
    res.json(webhookInfo(baseUrlOf(deps, req), set, set.secret));
  });
}

/** The graph of `:graphId`, which must be started by a webhook (else 409). */
async function webhookGraphOf(
  kit: GraphRouteKit,
  ctx: GuildContext,
  req: Request,
): Promise<GraphRecord> {
  const graph = await kit.graphOf(ctx, req);
  if (triggerOf(draftOf(graph))?.type !== 'trigger.webhook') {
    throw new ApiError(
      409,
      'not_a_webhook_graph',
      'This graph is not started by a webhook: make its trigger a trigger.webhook node first.',
    );
  }
  return graph;
}
