/**
 * `npm start`: provisions and starts the embedded stack, the engine service (with the builder),
 * a Temporal worker and the Discord sandbox (or the real gateway with DISCORD_TOKEN), and on
 * Ctrl-C / SIGTERM stops every child in reverse order. The sign-in link (it holds the admin
 * token) is printed when the token is new; `npm start -- --print-login` prints it and exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../child-env.js';
import { ensureBuilderBuilt } from '../builder-build.js';
import { adminToken, secretKey } from '../data-secrets.js';
import { SetupError } from '../errors.js';
import { waitUntil } from '../net.js';
import { hasService, repoRoot, serviceEntries, tsxArgs } from '../services.js';
import { loadSettings } from '../settings.js';
import { startEmbeddedStack, type EmbeddedStack } from '../stack.js';
import { Supervisor } from '../supervisor.js';

const PRINT_LOGIN = '--print-login';
const unknown = process.argv.slice(2).filter((arg) => arg !== PRINT_LOGIN);
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown option ${unknown.join(' ')}. npm start takes only ${PRINT_LOGIN} (prints the sign-in link and exits).\n`,
  );
  process.exit(2);
}

const startedAt = Date.now();
const settings = loadSettings(process.cwd());
mkdirSync(join(settings.dataDir, 'logs'), { recursive: true });
const base = `http://localhost:${settings.port}`;

// Only the link, on stdout (scriptable); it starts nothing and leaves a running stack alone.
if (process.argv.includes(PRINT_LOGIN)) {
  const { value: token, created } = adminToken(settings.dataDir, settings.adminToken);
  process.stdout.write(`${base}/login#token=${token}\n`);
  if (created)
    process.stderr.write(
      `(a new admin token, stored in ${join(settings.dataDir, 'admin-token')})\n`,
    );
  process.exit(0);
}

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
    if (signals > 1 && signal === 'SIGINT')
      process.stderr.write('Still stopping; waiting for servers to close their files.\n');
    void shutdown(0);
  });
}

try {
  const orphans = supervisor.cleanOrphans();
  if (orphans.length)
    process.stderr.write(`Stopped processes left by an earlier run: ${orphans.join(', ')}\n`);
  const { value: token, created } = adminToken(settings.dataDir, settings.adminToken);
  // Generated apart from the admin token and never printed: nobody types it.
  const key = secretKey(settings.dataDir, settings.secretKey);

  // The builder UI is served by the engine: rebuilt here when its sources changed, so a fresh
  // clone (or a pull) just works.
  await ensureBuilderBuilt();

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
  for (const server of stack.servers) supervisor.keep(server);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    MONGODB_URI: stack.mongoUri,
    // Secrets are in this shared env only to be picked from: each child gets childEnv(name, env).
    GUILDFLOW_ADMIN_TOKEN: token,
    GUILDFLOW_SECRET_KEY: key.value,
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
      env: childEnv('sandbox', env),
      ready: (proc) =>
        waitUntil(() => httpOk(`${sandboxUrl}/sandbox/health`), {
          timeoutMs: 60_000,
          what: 'The Discord sandbox',
          abort: () => proc.unexpectedExit(),
        }),
    });
  }
  await supervisor.start({
    name: 'engine',
    command: process.execPath,
    args: tsxArgs(serviceEntries.engine),
    cwd: repoRoot,
    env: childEnv('engine', env),
    ready: (proc) =>
      waitUntil(() => healthy(`http://127.0.0.1:${settings.port}/api/health`), {
        timeoutMs: 60_000,
        what: `The engine service on port ${settings.port}`,
        abort: () => proc.unexpectedExit(),
      }),
  });
  await supervisor.start({
    name: 'worker',
    command: process.execPath,
    args: tsxArgs(serviceEntries.worker),
    cwd: repoRoot,
    env: childEnv('worker', env),
  });
  if (hasService('gateway')) {
    await supervisor.start({
      name: 'gateway',
      command: process.execPath,
      args: tsxArgs(serviceEntries.gateway),
      cwd: repoRoot,
      env: childEnv('gateway', env),
      // Ready means routing: connected, with its trigger index loaded (health says so).
      ready: (proc) =>
        waitUntil(() => healthy(`http://127.0.0.1:${settings.port}/api/health`, true), {
          timeoutMs: 90_000,
          what: 'The gateway (connected, with its triggers loaded)',
          abort: () => proc.unexpectedExit(),
        }),
    });
  }

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    '',
    `Guildflow is running (ready in ${seconds}s).`,
    `  Builder and API   ${base}`,
    // The link holds the admin token: shown once, when the token is new (logs and scrollback
    // keep what a terminal shows).
    created
      ? `  Sign in           ${base}/login#token=${token}   (new admin token, stored in the data dir; shown this once)`
      : `  Sign in           npm start -- ${PRINT_LOGIN} prints the sign-in link`,
    `  Temporal          ${stack.temporalAddress} (${stack.temporalSource === 'external' ? 'TEMPORAL_ADDRESS' : `dev server, CLI from ${stack.temporalSource}`})${stack.temporalUiUrl ? `, UI ${stack.temporalUiUrl}` : ''}`,
    `  Store             ${stack.storeKind === 'external' ? 'MONGODB_URI' : stack.storeKind}${stack.storeNote ? ` — ${stack.storeNote}` : ''}`,
    `  Discord           ${settings.discordToken ? 'real gateway (DISCORD_TOKEN)' : hasService('sandbox') ? `sandbox guild at ${sandboxUrl}` : 'not connected'}`,
    `  Data and logs     ${settings.dataDir}${key.created ? ' (with a new secret-key that encrypts webhook secrets: keep it with the data)' : ''}`,
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
} catch (error) {
  if (error instanceof SetupError) process.stderr.write(`\n${error.message}\n`);
  else
    process.stderr.write(
      `\nGuildflow could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  await shutdown(1);
}

async function httpOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function healthy(url: string, routing = false): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = (await response.json()) as {
      temporal?: boolean;
      mongo?: boolean;
      discord?: boolean;
    };
    return body.temporal === true && body.mongo === true && (!routing || body.discord === true);
  } catch {
    return false;
  }
}
