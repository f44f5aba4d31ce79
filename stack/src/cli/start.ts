/**
 * `npm start`: provisions and starts the embedded stack, the engine service (with the builder),
 * a Temporal worker and the Discord sandbox (or the real gateway with DISCORD_TOKEN), prints the
 * sign-in link, and on Ctrl-C / SIGTERM stops every child in reverse order.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { adminToken } from '../admin-token.js';
import { SetupError } from '../errors.js';
import { waitUntil } from '../net.js';
import { hasService, repoRoot, serviceEntries, tsxArgs } from '../services.js';
import { loadSettings } from '../settings.js';
import { startEmbeddedStack, type EmbeddedStack } from '../stack.js';
import { Supervisor } from '../supervisor.js';

const startedAt = Date.now();
const settings = loadSettings(process.cwd());
mkdirSync(join(settings.dataDir, 'logs'), { recursive: true });

let stack: EmbeddedStack | undefined;
let shuttingDown: Promise<void> | undefined;
const supervisor = new Supervisor(settings.dataDir, (error) => {
  process.stderr.write(`\n${error.message}\n`);
  void shutdown(1);
});

function shutdown(code: number): Promise<void> {
  shuttingDown ??= (async () => {
    process.stderr.write('\nStopping Guildflow…\n');
    await supervisor.stopAll();
    await stack?.stop();
    process.stderr.write('Stopped.\n');
    process.exit(code);
  })();
  return shuttingDown;
}

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1 && signal === 'SIGINT') process.stderr.write('Still stopping; waiting for servers to close their files.\n');
    void shutdown(0);
  });
}

try {
  const orphans = supervisor.cleanOrphans();
  if (orphans.length) process.stderr.write(`Stopped processes left by an earlier run: ${orphans.join(', ')}\n`);
  const { token, created } = adminToken(settings.dataDir, settings.adminToken);

  stack = await startEmbeddedStack({
    dataDir: settings.dataDir,
    temporalAddress: settings.temporalAddress,
    mongodbUri: settings.mongodbUri,
    temporalPort: settings.temporalPort,
    temporalUiPort: settings.temporalUiPort,
    storePort: settings.storePort,
    store: settings.store,
  });
  supervisor.track(stack.children);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    MONGODB_URI: stack.mongoUri,
    GUILDFLOW_ADMIN_TOKEN: token,
    GUILDFLOW_DATA_DIR: settings.dataDir,
    GUILDFLOW_STORE_KIND: stack.storeKind,
    PORT: String(settings.port),
    GUILDFLOW_SUPERVISOR_PID: String(process.pid),
  };
  const sandboxUrl = `http://127.0.0.1:${settings.sandboxPort}`;
  if (!settings.discordToken && hasService('sandbox')) {
    env.GUILDFLOW_SANDBOX_URL = sandboxUrl;
    env.GUILDFLOW_SANDBOX_PORT = String(settings.sandboxPort);
    await supervisor.start({
      name: 'sandbox',
      command: process.execPath,
      args: tsxArgs(serviceEntries.sandbox),
      cwd: repoRoot,
      env,
      ready: (proc) =>
        waitUntil(() => httpOk(`${sandboxUrl}/sandbox/health`), {
          timeoutMs: 60_000,
          what: 'The Discord sandbox',
          abort: () => proc.unexpectedExit(),
        }),
    });
  }
  const base = `http://localhost:${settings.port}`;
  await supervisor.start({
    name: 'engine',
    command: process.execPath,
    args: tsxArgs(serviceEntries.engine),
    cwd: repoRoot,
    env,
    ready: (proc) =>
      waitUntil(() => healthy(`http://127.0.0.1:${settings.port}/api/health`), {
        timeoutMs: 60_000,
        what: `The engine service on port ${settings.port}`,
        abort: () => proc.unexpectedExit(),
      }),
  });
  await supervisor.start({ name: 'worker', command: process.execPath, args: tsxArgs(serviceEntries.worker), cwd: repoRoot, env });
  if (hasService('gateway')) {
    await supervisor.start({ name: 'gateway', command: process.execPath, args: tsxArgs(serviceEntries.gateway), cwd: repoRoot, env });
  }

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    '',
    `Guildflow is running (ready in ${seconds}s).`,
    `  Builder and API   ${base}`,
    `  Sign in           ${base}/login#token=${token}${created ? '   (new admin token, stored in the data dir)' : ''}`,
    `  Temporal          ${stack.temporalAddress} (${stack.temporalSource === 'external' ? 'TEMPORAL_ADDRESS' : `dev server, CLI from ${stack.temporalSource}`})${stack.temporalUiUrl ? `, UI ${stack.temporalUiUrl}` : ''}`,
    `  Store             ${stack.storeKind === 'external' ? 'MONGODB_URI' : stack.storeKind}${stack.storeNote ? ` — ${stack.storeNote}` : ''}`,
    `  Discord           ${settings.discordToken ? 'real gateway (DISCORD_TOKEN)' : hasService('sandbox') ? `sandbox guild at ${sandboxUrl}` : 'not connected'}`,
    `  Data and logs     ${settings.dataDir}`,
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
} catch (error) {
  if (error instanceof SetupError) process.stderr.write(`\n${error.message}\n`);
  else process.stderr.write(`\nGuildflow could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await shutdown(1);
}

async function httpOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = (await response.json()) as { temporal?: boolean; mongo?: boolean };
    return body.temporal === true && body.mongo === true;
  } catch {
    return false;
  }
}
