import { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { draftOf } from '../graphs/graph-resource.js';
import { findGraph } from '../graphs/graph-store.js';
import { guildContext } from '../http/context.js';
import { requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { readRun } from '../runs/run-detail.js';
import { recordAudit, withKeyLock } from '../storage/index.js';
import {
  listPins,
  pinFromSteps,
  pinJson,
  pinnableNode,
  pinPort,
  savePin,
  toPinView,
} from './pin-store.js';
import { PinBodySchema } from './schemas.js';

/**
 * The pinned data routes under `/api/guilds/:guildId`: a graph's pins (test data that simulated
 * runs use instead of executing a node), set typed or copied from a past run, and removed.
 *
 * @example
 * app.use('/api/guilds/:guildId', pinRoutes(deps));
 */
export function pinRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });

  router.get('/graphs/:graphId/pins', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graph = await findGraph(ctx.store, ctx.guildId, String(req.params.graphId));
    res.json({ pins: (await listPins(ctx.store, ctx.guildId, graph._id)).map(toPinView) });
  });

  router.put('/graphs/:graphId/pins/:nodeId', requireJson, async (req, res) => {
    const body = check(PinBodySchema, req.body, 'body');
    const hasOutput = Object.prototype.hasOwnProperty.call(body, 'output');
    if (hasOutput === (body.fromRun !== undefined)) {
      throw new ApiError(
        400,
        'invalid_request',
        'Send either `output` (and optionally `port`) to pin a typed output, or `fromRun` to copy a past run’s step — one of the two.',
        [{ path: 'body', message: 'must have exactly one of output, fromRun' }],
      );
    }
    if (body.fromRun !== undefined && body.port !== undefined) {
      throw new ApiError(
        400,
        'invalid_request',
        'A pin copied from a run takes the port that step took; leave `port` out.',
        [{ path: 'body.port', message: 'is not allowed with fromRun' }],
      );
    }
    const ctx = await guildContext(deps, req, res);
    const graph = await findGraph(ctx.store, ctx.guildId, String(req.params.graphId));
    const nodeId = String(req.params.nodeId);
    const node = pinnableNode(draftOf(graph), nodeId);
    let pinned: { output: unknown; port: string };
    if (body.fromRun !== undefined) {
      // readRun answers 404 for another guild's run; another graph's run is hidden the same way.
      const run = await readRun(deps, ctx.guildId, body.fromRun);
      if (run.graphId !== graph._id)
        throw new ApiError(
          404,
          'not_found',
          `Run ${body.fromRun} is not a run of this graph; copy from one of its own runs.`,
        );
      const copied = pinFromSteps(run.steps, nodeId, body.fromRun);
      pinned = { output: copied.output, port: pinPort(node, copied.port) };
    } else {
      pinned = { output: body.output, port: pinPort(node, body.port) };
    }
    const outputJson = pinJson(pinned.output);
    const saved = await withKeyLock(`pins:${graph._id}`, () =>
      savePin(ctx.store, {
        guildId: ctx.guildId,
        graphId: graph._id,
        nodeId,
        outputJson,
        port: pinned.port,
        pinnedBy: ctx.actor.id,
      }),
    );
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'pin.set',
      guildId: ctx.guildId,
      graphId: graph._id,
      ...(body.fromRun === undefined ? {} : { runId: body.fromRun }),
      note: `node ${nodeId} → ${pinned.port}`,
    });
    res.json(toPinView(saved));
  });

  router.delete('/graphs/:graphId/pins/:nodeId', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graph = await findGraph(ctx.store, ctx.guildId, String(req.params.graphId));
    const nodeId = String(req.params.nodeId);
    const { deletedCount } = await ctx.store.pins.deleteOne({
      guildId: ctx.guildId,
      graphId: graph._id,
      nodeId,
    });
    if (deletedCount === 0)
      throw new ApiError(404, 'not_found', `Node "${nodeId}" of this graph has no pin.`);
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'pin.delete',
      guildId: ctx.guildId,
      graphId: graph._id,
      note: `node ${nodeId}`,
    });
    res.status(204).end();
  });

  return router;
}
