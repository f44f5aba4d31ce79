/**
 * The worker process: registers the graph interpreter and every node executor with Temporal.
 * Temporal's runtime stops it gracefully on SIGTERM/SIGINT (in-flight activities finish within
 * the shutdown grace time).
 */
import { NativeConnection } from '@temporalio/worker';
import { cacheDir, exitWithSupervisor, loadSettings } from '@guildflow/stack';
import { workflowBundle } from '@guildflow/engine/bundle';
import { createGuildflowWorker } from './worker.js';
import { buildActivities } from './activities.js';

const settings = loadSettings(process.cwd());
if (!settings.temporalAddress) {
  process.stderr.write('TEMPORAL_ADDRESS must be set. Start Guildflow with `npm start`, which provides it.\n');
  process.exit(1);
}
const started = Date.now();
const bundle = await workflowBundle(cacheDir('workflow-bundles'));
const connection = await NativeConnection.connect({ address: settings.temporalAddress });
const worker = await createGuildflowWorker({
  connection,
  workflowBundle: { code: bundle.code },
  activities: await buildActivities(settings),
});
exitWithSupervisor(() => worker.shutdown());
process.stdout.write(
  `worker ready in ${((Date.now() - started) / 1000).toFixed(1)}s (workflow bundle ${bundle.cached ? 'cached' : 'built'})\n`,
);
await worker.run();
await connection.close();
