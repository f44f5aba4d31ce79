import { Router } from 'express';
import { validateGraph } from '../../core/index.js';
import type { GraphSnapshot, RunOptions } from '../../interpreter/contract.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { draftOf, triggerOf } from '../graphs/graph-resource.js';
import { findGraph, findVersion, invalidGraph, snapshotOf } from '../graphs/graph-store.js';
import { guildContext, guildIdOf } from '../http/context.js';
import { requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { recordAudit } from '../storage/index.js';
import { readRun } from './run-detail.js';
import { runPins } from '../pins/pin-store.js';
import { runEventRoutes } from './run-events.js';
import { checkTimeCompression, retentionStart } from '../billing/entitlements.js';
import { listRuns } from './run-list.js';
import { describeRun, latestRuns } from './run-views.js';
import { RunListQuerySchema, RunStartBodySchema, type RunStartBody } from './schemas.js';
import { startInputOf } from './rerun.js';
import { startRun } from './start-run.js';
import { temporalCall } from './temporal-calls.js';

/**
 * The run routes under `/api/guilds/:guildId`: manual/test runs of a graph, the run list from
 * Temporal visibility, run detail node by node, its live events (run-events.ts), and cancel.
 *
 * A manual run executes the published version; with `draft: true`, or while nothing is
 * published, it test-runs the current draft (validated first) as version 0, in the sandbox.
 * Simulated runs carry the graph's pins.
 *
 * @example
 * app.use('/api/guilds/:guildId', runRoutes(deps));
 */
export function runRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });

  router.post('/graphs/:graphId/runs', requireJson, async (req, res) => {
    const body = check(RunStartBodySchema, req.body ?? {}, 'body');
    const ctx = await guildContext(deps, req, res);
    const graph = await findGraph(ctx.store, ctx.guildId, String(req.params.graphId));
    const isDraft = body.draft === true || graph.publishedVersion === null;
    const options = runOptions(body, isDraft);
    await checkTimeCompression(deps, ctx.store, ctx.guildId, body.timeScale);
    let snapshot: GraphSnapshot;
    if (isDraft || graph.publishedVersion === null) {
      const document = draftOf(graph);
      const issues = validateGraph(document);
      if (issues.length > 0) throw invalidGraph(issues, 'run');
      snapshot = { graphId: graph._id, guildId: graph.guildId, version: 0, document };
    } else {
      const version = await findVersion(ctx.store, graph, graph.publishedVersion);
      if (!version)
        throw new ApiError(
          500,
          'internal',
          'The published version of this graph is missing; publish it again.',
        );
      snapshot = snapshotOf(version);
    }
    const pins = options.pins
      ? await runPins(ctx.store, ctx.guildId, graph._id, snapshot.document)
      : undefined;
    const trigger = triggerOf(snapshot.document);
    const triggerType = trigger?.type ?? 'trigger.manual';
    const sample = trigger?.type === 'trigger.manual' ? trigger.config.samplePayload : undefined;
    const { runId } = await temporalCall(deps, () =>
      startRun({
        client: deps.temporal.client,
        taskQueue: deps.taskQueue,
        snapshot,
        trigger: { type: triggerType, payload: body.payload ?? sample ?? {} },
        triggerType: 'trigger.manual',
        options: { ...options.run, ...(pins ? { pins } : {}) },
      }),
    );
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'run.start',
      guildId: ctx.guildId,
      graphId: graph._id,
      runId,
      after: { publishedVersion: snapshot.version },
    });
    res
      .status(202)
      .location(`/api/guilds/${ctx.guildId}/runs/${runId}`)
      .json({ runId, graphId: graph._id, version: snapshot.version });
  });

  router.get('/runs', async (req, res) => {
    const query = check(RunListQuerySchema, req.query, 'query');
    const guildId = guildIdOf(req);
    // The plan's run-history retention (billing on): older runs are not listed.
    const since = await retentionStart(deps, guildId);
    res.json(await listRuns(deps, guildId, { ...query, startedSince: since }));
  });

  // Before `/runs/:runId`: the graph list's "last run" column in one request.
  router.get('/runs/latest', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const graphs = await ctx.store.graphs
      .find({ guildId: ctx.guildId, deletedAt: null }, { _id: 1 })
      .limit(1000)
      .lean<{ _id: string }[]>();
    res.json({
      runs: await latestRuns(
        deps,
        ctx.guildId,
        graphs.map((g) => g._id),
      ),
    });
  });

  router.get('/runs/:runId', async (req, res) => {
    res.json(await readRun(deps, guildIdOf(req), String(req.params.runId)));
  });

  router.use(runEventRoutes(deps));

  // Again with what it was started with: the same graph version (or draft snapshot), payload
  // and options. Answers like starting a run.
  router.post('/runs/:runId/rerun', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const { summary, handle } = await describeRun(deps, ctx.guildId, String(req.params.runId));
    const { graph, trigger, options } = await startInputOf(deps, handle, summary);
    const { runId } = await temporalCall(deps, () =>
      startRun({
        client: deps.temporal.client,
        taskQueue: deps.taskQueue,
        snapshot: graph,
        trigger,
        triggerType: 'trigger.manual',
        options,
      }),
    );
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'run.start',
      guildId: ctx.guildId,
      graphId: graph.graphId,
      runId,
      after: { publishedVersion: graph.version },
    });
    res
      .status(202)
      .location(`/api/guilds/${ctx.guildId}/runs/${runId}`)
      .json({ runId, graphId: graph.graphId, version: graph.version });
  });

  router.post('/runs/:runId/cancel', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const { summary, handle } = await describeRun(deps, ctx.guildId, String(req.params.runId));
    if (summary.status !== 'running') {
      throw new ApiError(
        409,
        'run_not_running',
        `This run already ended (${summary.status}); only a running run can be cancelled.`,
      );
    }
    await temporalCall(deps, () => handle.cancel());
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'run.cancel',
      guildId: ctx.guildId,
      graphId: summary.graphId,
      runId: summary.runId,
    });
    res.status(202).json({ runId: summary.runId, cancelRequested: true });
  });

  return router;
}

/**
 * The options of a run the API starts. A draft runs in the sandbox only (it was never
 * published: nothing vouches for it on a real guild), so `simulate` defaults to true there and
 * `false` is refused. Pins are test data: used by simulated runs unless `pins: false`, refused
 * for the others.
 */
function runOptions(body: RunStartBody, isDraft: boolean): { run: RunOptions; pins: boolean } {
  if (isDraft && body.simulate === false) {
    throw new ApiError(
      400,
      'sandbox_only',
      'A draft runs in the sandbox only: leave `simulate` out or set it to true. Publish the graph to run it on the server.',
    );
  }
  const simulate = body.simulate ?? isDraft;
  if (body.pins === true && !simulate) {
    throw new ApiError(
      400,
      'invalid_request',
      'Pinned data is for test runs only: set `simulate: true`, or leave `pins` out.',
      [{ path: 'body.pins', message: 'requires simulate: true' }],
    );
  }
  return {
    run: {
      ...(simulate ? { simulate } : {}),
      ...(body.timeScale === undefined ? {} : { timeScale: body.timeScale }),
    },
    pins: simulate && body.pins !== false,
  };
}
