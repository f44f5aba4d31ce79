/**
 * The gateway process: connects discord.js to Discord (with DISCORD_TOKEN) or to the sandbox
 * (`npm start` without a token), keeps the trigger index in line with what is published, and
 * routes every event. Stops cleanly on SIGTERM/SIGINT or when its supervisor is gone.
 */
import { DEFAULT_SANDBOX_TOKEN } from '@guildflow/discord-sandbox';
import { connectStore, log } from '@guildflow/engine/service';
import { exitWithSupervisor, loadSettings } from '@guildflow/stack';
import { Client, Connection } from '@temporalio/client';
import { startGateway } from './gateway/gateway.js';
import { DEFAULT_SANDBOX_URL } from './rest/connections.js';

const settings = loadSettings(process.cwd());
if (!settings.mongodbUri || !settings.temporalAddress) {
  process.stderr.write(
    'MONGODB_URI and TEMPORAL_ADDRESS must be set. Start Guildflow with `npm start`, which provides both.\n',
  );
  process.exit(1);
}

const real = settings.discordToken;
const sandboxUrl = (process.env.GUILDFLOW_SANDBOX_URL || DEFAULT_SANDBOX_URL).replace(/\/+$/, '');
const mongo = connectStore(settings.mongodbUri, (error) =>
  log('warn', 'store.unavailable', { error: error.message }),
);
const connection = await Connection.connect({ address: settings.temporalAddress });
const gateway = await startGateway({
  token: real ?? (process.env.GUILDFLOW_SANDBOX_TOKEN || DEFAULT_SANDBOX_TOKEN),
  apiUrl: real ? process.env.DISCORD_API_URL || undefined : `${sandboxUrl}/api`,
  mongo,
  temporal: { connection, client: new Client({ connection }) },
  simulate: !real,
  // The hosted service: runs past a guild's monthly quota start nothing (docs/billing.md).
  billing: settings.billing,
  // Overload shedding: past this many run-starting events per second (default 20 per core),
  // events start nothing and are logged as gateway.overload_shed.
  maxRunsPerSecond: maxRunsPerSecond(process.env.GUILDFLOW_MAX_RUNS_PER_SECOND),
  log,
});
process.stdout.write(
  `gateway connected to ${real ? 'Discord' : `the sandbox at ${sandboxUrl}`} as ${gateway.client.user.tag}; ${gateway.index.size} live trigger(s)\n`,
);

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await gateway.stop();
  await mongo.close().catch(() => {});
  await connection.close().catch(() => {});
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void close().finally(() => process.exit(0)));
}
exitWithSupervisor(close);

/** `GUILDFLOW_MAX_RUNS_PER_SECOND`: a positive number, `off` (never shed), or unset (default). */
function maxRunsPerSecond(value: string | undefined): number | false | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === 'off') return false;
  const n = Number(value);
  if (Number.isFinite(n) && n > 0) return n;
  process.stderr.write(
    `GUILDFLOW_MAX_RUNS_PER_SECOND must be a positive number or "off" (got ${JSON.stringify(value)}); using the default.\n`,
  );
  return undefined;
}
