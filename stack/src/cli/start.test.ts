import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../net.js';
import { testStack } from '../testing/index.js';
import { alive, startSupervisor, waitForExit, type StartedSupervisor } from './supervisor-harness.js';

// `npm start` against the test run's Temporal and store (TEMPORAL_ADDRESS / MONGODB_URI), so
// these tests exercise the supervisor and its Node children without a second dev server.
describe('npm start supervisor (existing Temporal and store)', () => {
  const { temporalAddress, mongoUri } = testStack();
  const dirs: string[] = [];
  let running: StartedSupervisor | undefined;

  afterEach(async () => {
    if (running && running.proc.exitCode === null) running.proc.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<{ sup: StartedSupervisor; port: number }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'guildflow-sup-'));
    dirs.push(dataDir);
    const port = await freePort();
    const sup = await startSupervisor(
      {
        PORT: String(port),
        TEMPORAL_ADDRESS: temporalAddress,
        MONGODB_URI: mongoUri,
        GUILDFLOW_SANDBOX_PORT: String(await freePort()),
        GUILDFLOW_ADMIN_TOKEN: '',
      },
      dataDir,
    );
    running = sup;
    return { sup, port };
  }

  it('reaches a healthy /api/health, prints the sign-in link, and SIGTERM stops every child', async () => {
    const { sup, port } = await start();
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ temporal: true, mongo: true });
    expect(sup.output()).toMatch(new RegExp(`http://localhost:${port}/login#token=[A-Za-z0-9_-]{20,}`));
    const pids = sup.childPids();
    expect(pids.length).toBeGreaterThanOrEqual(2); // engine and worker at least
    expect(pids.every(alive)).toBe(true);

    sup.proc.kill('SIGTERM');
    expect(await sup.exited).toBe(0);
    expect(await waitForExit(pids, 5_000)).toEqual([]);
  });

  it('leaves no orphan when the supervisor itself is killed with SIGKILL', async () => {
    const { sup } = await start();
    const pids = sup.childPids();
    expect(pids.length).toBeGreaterThanOrEqual(2);
    sup.proc.kill('SIGKILL');
    await sup.exited;
    // Each Node child notices its supervisor is gone within a few seconds and exits.
    expect(await waitForExit(pids, 10_000)).toEqual([]);
  });
});
