import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../net.js';
import { startEmbeddedStack } from '../stack.js';
import { resolveStripeMock, startStripeMock } from '../stripe-mock/stripe-mock.js';
import './provided.js';

/**
 * Vitest global setup: one Temporal dev server, one MongoDB-compatible store and one stripe-mock
 * (Stripe's own API double, for the Stripe actions and billing) for the whole run, on free ports in a temporary directory, torn down afterwards. Existing servers can be
 * used instead with GUILDFLOW_TEST_TEMPORAL_ADDRESS / GUILDFLOW_TEST_MONGODB_URI (never the
 * production settings, so a test run cannot touch real data).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildflow-test-'));
  const started = Date.now();
  const stack = await startEmbeddedStack({
    dataDir,
    temporalAddress: process.env.GUILDFLOW_TEST_TEMPORAL_ADDRESS,
    mongodbUri: process.env.GUILDFLOW_TEST_MONGODB_URI,
    temporalPort: await freePort(),
    storePort: await freePort(),
    store:
      process.env.GUILDFLOW_STORE === 'mongodb' || process.env.GUILDFLOW_STORE === 'ferretdb'
        ? process.env.GUILDFLOW_STORE
        : undefined,
    sqlite: 'fast',
    quiet: true,
  });
  const stripeMockPort = await freePort();
  const stripeMock = await startStripeMock(
    await resolveStripeMock(),
    stripeMockPort,
    join(dataDir, 'stripe-mock.log'),
  );
  process.stderr.write(
    `test stack ready in ${((Date.now() - started) / 1000).toFixed(1)}s: temporal ${stack.temporalAddress}, ${stack.storeKind} ${stack.mongoUri}\n`,
  );
  project.provide('temporalAddress', stack.temporalAddress);
  project.provide('mongoUri', stack.mongoUri);
  project.provide('storeKind', stack.storeKind);
  project.provide('testDataDir', dataDir);
  project.provide('stripeMockUrl', `http://127.0.0.1:${stripeMockPort}`);
  return async () => {
    await stripeMock.stop();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
