/**
 * The standalone sandbox process (`npm start` runs it when no DISCORD_TOKEN is set): listens on
 * GUILDFLOW_SANDBOX_PORT (3210) on 127.0.0.1, accepts GUILDFLOW_SANDBOX_TOKEN (or the dev
 * token), and stops cleanly on SIGTERM/SIGINT or when its supervisor is gone.
 */
import { exitWithSupervisor } from '@guildflow/stack';
import { DEFAULT_SANDBOX_CLIENT_SECRET } from './oauth/grants.js';
import { DEFAULT_SANDBOX_TOKEN } from './seed.js';
import { startSandbox } from './server.js';

const rawPort = process.env.GUILDFLOW_SANDBOX_PORT ?? '3210';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`GUILDFLOW_SANDBOX_PORT must be a port number, not "${rawPort}".\n`);
  process.exit(1);
}

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
try {
  sandbox = await startSandbox({
    port,
    host: '127.0.0.1',
    token: process.env.GUILDFLOW_SANDBOX_TOKEN || DEFAULT_SANDBOX_TOKEN,
    // Sign-in with Discord against the sandbox: DISCORD_CLIENT_SECRET of the engine must match.
    oauth: {
      clientSecret: process.env.GUILDFLOW_SANDBOX_CLIENT_SECRET || DEFAULT_SANDBOX_CLIENT_SECRET,
    },
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === 'EADDRINUSE'
      ? ` Port ${port} is taken: set GUILDFLOW_SANDBOX_PORT to a free port.`
      : '';
  process.stderr.write(
    `discord sandbox could not listen: ${error instanceof Error ? error.message : String(error)}.${hint}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `discord sandbox listening on ${sandbox.url} (guilds ${[...sandbox.state.guilds.keys()].join(', ')}, REST ${sandbox.apiUrl}, gateway ${sandbox.gatewayUrl})\n`,
);

let closing: Promise<void> | undefined;
const close = (): Promise<void> => (closing ??= sandbox.close());
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void close().finally(() => process.exit(0)));
}
exitWithSupervisor(close);
