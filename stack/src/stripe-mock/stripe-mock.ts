import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache.js';
import { downloadAndExtract } from '../download.js';
import { goBuild } from '../go-build.js';
import { freePort, isPortOpen, waitUntil } from '../net.js';
import { ManagedProcess } from '../process.js';
import { step } from '../progress.js';
import { which } from '../which.js';

/**
 * The stripe-mock version the tests pin: Stripe's own double of its API, generated from the
 * OpenAPI spec, so requests are validated the way Stripe validates them.
 */
export const STRIPE_MOCK_VERSION = '0.203.0';

/**
 * Finds stripe-mock (`STRIPE_MOCK_PATH`, PATH, the cache) or provisions it: the official release
 * archive from GitHub first, and where downloads are impossible but Go is installed,
 * `go install github.com/stripe/stripe-mock@v0.203.0` from the module proxy. Only the tests
 * need it; `npm start` never runs it.
 */
export async function resolveStripeMock(options: { quiet?: boolean } = {}): Promise<string> {
  const explicit = process.env.STRIPE_MOCK_PATH;
  if (explicit && existsSync(explicit)) return explicit;
  const onPath = which('stripe-mock');
  if (onPath) return onPath;
  const cached = join(cacheDir(`stripe-mock-${STRIPE_MOCK_VERSION}`), 'stripe-mock');
  if (existsSync(cached)) return cached;
  try {
    await step(
      `Downloading stripe-mock ${STRIPE_MOCK_VERSION}`,
      (reporter) => {
        const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
        const platform = process.platform === 'darwin' ? 'darwin' : 'linux';
        const url = `https://github.com/stripe/stripe-mock/releases/download/v${STRIPE_MOCK_VERSION}/stripe-mock_${STRIPE_MOCK_VERSION}_${platform}_${arch}.tar.gz`;
        return downloadAndExtract(url, 'stripe-mock', cached, reporter);
      },
      { quiet: true },
    );
    return cached;
  } catch (error) {
    if (!options.quiet)
      process.stderr.write(
        `  no stripe-mock download possible (${error instanceof Error ? error.message : String(error)}); building it with go install instead\n`,
      );
  }
  await step(
    `Building stripe-mock ${STRIPE_MOCK_VERSION} with go install (about 30 s)`,
    (reporter) =>
      goBuild(
        {
          module: 'github.com/stripe/stripe-mock',
          version: `v${STRIPE_MOCK_VERSION}`,
          pkg: 'github.com/stripe/stripe-mock',
        },
        cached,
        reporter,
      ),
  );
  return cached;
}

/**
 * Runs stripe-mock on loopback and waits until it answers over HTTP on `port`.
 *
 * @example
 * const mock = await startStripeMock(bin, 12111, 'data/logs/stripe-mock.log');
 * new Stripe('sk_test_123', { host: '127.0.0.1', port: 12111, protocol: 'http' });
 */
export async function startStripeMock(
  binary: string,
  port: number,
  logFile: string,
): Promise<ManagedProcess> {
  const proc = ManagedProcess.start({
    name: 'stripe-mock',
    command: binary,
    // HTTPS is always served as well; a second free port keeps it off the default 12112.
    args: ['-http-addr', `127.0.0.1:${port}`, '-https-addr', `127.0.0.1:${await freePort()}`],
    logFile,
    stopTimeoutMs: 3_000,
  });
  await waitUntil(() => isPortOpen(port), { timeoutMs: 30_000, what: 'stripe-mock' });
  return proc;
}
