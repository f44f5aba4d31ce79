/**
 * The worker process: registers the graph interpreter and every node executor with Temporal.
 * Temporal's runtime stops it gracefully on SIGTERM/SIGINT (in-flight activities finish within
 * the shutdown grace time).
 */
import { NativeConnection } from '@temporalio/worker';
import { cacheDir, exitWithSupervisor, loadSettings } from '@guildflow/stack';
import { workflowBundle } from '@guildflow/engine/bundle';
import { Worker } from '@temporalio/worker';
import {
  configureDiscordQueue,
  DiscordBudget,
  discordWorkerOptions,
  shareDiscordBudget,
} from '@guildflow/discord';
import { actionQueueOf } from '@guildflow/engine/core';
import { createGuildflowWorker } from './worker.js';
import { buildActivities } from './activities.js';

const settings = loadSettings(process.cwd());
if (!settings.temporalAddress) {
  process.stderr.write(
    'TEMPORAL_ADDRESS must be set. Start Guildflow with `npm start`, which provides it.\n',
  );
  process.exit(1);
}
const started = Date.now();
const bundle = await workflowBundle(cacheDir('workflow-bundles'));
const connection = await NativeConnection.connect({ address: settings.temporalAddress });
// Discord actions run as local activities in this process (interpreter v4): they wait their
// turn in this budget, shared with the other worker processes through the store.
const budget = new DiscordBudget();
const { activities, store } = await buildActivities(settings, budget);
const leaveBudget = store
  ? shareDiscordBudget(budget, store.connection, {
      onChange: (event) =>
        process.stdout.write(
          'error' in event
            ? `worker: could not count the worker processes sharing the Discord budget (${event.error.message}); keeping this process's share.\n`
            : `worker: ${event.members} worker process(es) share the Discord budget; this one holds ${Math.round(event.share * 100)}%.\n`,
        ),
    })
  : undefined;
const worker = await createGuildflowWorker({
  connection,
  workflowBundle: { code: bundle.code },
  activities,
});
// Runs started before interpreter v4 send live Discord actions to their own queue,
// rate-limited by the server for all workers together; this worker keeps serving them until
// no such run is left.
const discordWorker = await Worker.create({
  connection,
  namespace: 'default',
  activities: Object.fromEntries(
    Object.entries(activities).filter(([name]) => actionQueueOf(name) === 'discord'),
  ),
  shutdownGraceTime: '10s',
  ...discordWorkerOptions(),
});
// Each guild's share of that queue (runs carry their guild as fairness key), set on every start
// so every deployment has it. A server without the API still keeps the queue-wide limit.
await configureDiscordQueue(connection.workflowService).catch((error: unknown) => {
  process.stderr.write(
    `worker: could not set the per-guild Discord rate on the Temporal server (${error instanceof Error ? error.message : String(error)}); ` +
      'one guild can then delay the others. Use Temporal server 1.29+ with matching.enableFairness (docs/operations.md).\n',
  );
});
exitWithSupervisor(() => {
  worker.shutdown();
  discordWorker.shutdown();
  void leaveBudget?.();
});
process.stdout.write(
  `worker ready in ${((Date.now() - started) / 1000).toFixed(1)}s (workflow bundle ${bundle.cached ? 'cached' : 'built'})\n`,
);
await Promise.all([worker.run(), discordWorker.run()]);
await connection.close();
