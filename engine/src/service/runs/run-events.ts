import { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { guildIdOf } from '../http/context.js';
import { describeRun } from './run-views.js';
import { watchersOf, type RunEvent } from './run-watcher.js';

/** How often an idle stream sends a comment, so proxies (idle timeouts ~30–60 s) keep it open. */
export const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/guilds/:guildId/runs/:runId/events`: the run live, as server-sent events — `run`
 * (its detail, as `GET …/runs/:runId` answers it), then `step` (the whole step list) each time
 * it changes, then `end` (the closing status) and the stream closes. Another guild's or a
 * missing run answers 404 JSON before any stream starts. All streams of one run share one
 * watcher (run-watcher.ts), so watchers cost Temporal one long poll per run, not per client.
 *
 * @example
 * // EventSource cannot send the bearer token: fetch the stream (see testing/event-stream.ts).
 * app.use('/api/guilds/:guildId', runEventRoutes(deps));
 */
export function runEventRoutes(deps: ServiceDeps, options: { heartbeatMs?: number } = {}): Router {
  const router = Router({ mergeParams: true });

  router.get('/runs/:runId/events', async (req, res) => {
    const guildId = guildIdOf(req);
    // Tenancy and existence first: errors are JSON answers, not events.
    const { summary } = await describeRun(deps, guildId, String(req.params.runId));
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    let closed = false;
    const heartbeat = setInterval(
      () => res.write(`: keep-alive ${new Date().toISOString()}\n\n`),
      options.heartbeatMs ?? HEARTBEAT_MS,
    );
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      res.end();
    };
    const send = (event: RunEvent) => {
      if (closed) return;
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      if (event.type === 'end' || event.type === 'error') close();
    };
    // Assigned before any event can arrive: the watcher calls back only after this returns
    // (the first read is asynchronous) or, for a known run, synchronously — hence the guard.
    let unsubscribe: () => void = () => {};
    unsubscribe = watchersOf(deps).subscribe(guildId, summary.runId, send);
    if (closed) unsubscribe();
    // The client left (tab closed, navigation): free its share of the watcher.
    res.on('close', close);
  });

  return router;
}
