import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builderIsCurrent } from '../builder-build.js';
import { freePort } from '../net.js';
import { testStack } from '../testing/index.js';
import {
  alive,
  runStart,
  startEnvironment,
  startSupervisor,
  waitForExit,
  type StartedSupervisor,
} from './supervisor-harness.js';

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

  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'guildflow-sup-'));
    dirs.push(dir);
    return dir;
  }

  async function settings(): Promise<NodeJS.ProcessEnv> {
    return {
      PORT: String(await freePort()),
      TEMPORAL_ADDRESS: temporalAddress,
      MONGODB_URI: mongoUri,
      GUILDFLOW_SANDBOX_PORT: String(await freePort()),
      GUILDFLOW_ADMIN_TOKEN: '',
      GUILDFLOW_SECRET_KEY: '',
    };
  }

  async function start(
    dir = dataDir(),
  ): Promise<{ sup: StartedSupervisor; port: number; dir: string; env: NodeJS.ProcessEnv }> {
    const env = await settings();
    const sup = await startSupervisor(env, dir);
    running = sup;
    return { sup, port: Number(env.PORT), dir, env };
  }

  it('first start: healthy, prints the sign-in link, keeps a separate secret key it never prints, and SIGTERM stops every child', async () => {
    const { sup, port, dir } = await start();
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({ ok: true, temporal: true, mongo: true, discord: true });
    const token = readFileSync(join(dir, 'admin-token'), 'utf8').trim();
    expect(sup.output()).toContain(`http://localhost:${port}/login#token=${token}`);
    // The builder was built when stale and is served at the sign-in link's page.
    expect(builderIsCurrent()).toBe(true);
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1] ?? '';
    expect((await fetch(`http://127.0.0.1:${port}${script}`)).status).toBe(200);

    const key = readFileSync(join(dir, 'secret-key'), 'utf8').trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toBe(token);
    expect(statSync(join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    expect(sup.output()).not.toContain(key);

    const pids = sup.childPids();
    expect(pids.length).toBeGreaterThanOrEqual(2); // engine and worker at least
    expect(pids.every(alive)).toBe(true);

    sup.proc.kill('SIGTERM');
    expect(await sup.exited).toBe(0);
    expect(await waitForExit(pids, 5_000)).toEqual([]);
  });

  it('hands the admin token to the engine only, and the secret key to the engine and the worker (which opens credentials)', async () => {
    const { sup, dir } = await start();
    const token = readFileSync(join(dir, 'admin-token'), 'utf8').trim();
    const key = readFileSync(join(dir, 'secret-key'), 'utf8').trim();
    const envOf = Object.fromEntries(sup.children().map((c) => [c.name, startEnvironment(c.pid)]));
    expect(Object.keys(envOf)).toEqual(
      expect.arrayContaining(['sandbox', 'engine', 'worker', 'gateway']),
    );
    expect(envOf.engine).toMatchObject({ GUILDFLOW_ADMIN_TOKEN: token, GUILDFLOW_SECRET_KEY: key });
    expect(envOf.worker).toMatchObject({ GUILDFLOW_SECRET_KEY: key });
    for (const name of ['sandbox', 'worker', 'gateway']) {
      expect(envOf[name], name).not.toHaveProperty('GUILDFLOW_ADMIN_TOKEN');
      expect(envOf[name], name).toHaveProperty('TEMPORAL_ADDRESS', temporalAddress);
    }
    for (const name of ['sandbox', 'gateway'])
      expect(envOf[name], name).not.toHaveProperty('GUILDFLOW_SECRET_KEY');
  });

  it('later starts print no token, only how to get the link; --print-login prints it and leaves the running stack alone', async () => {
    const dir = dataDir();
    const token = 'an-earlier-admin-token-0123456789abcdef';
    writeFileSync(join(dir, 'admin-token'), `${token}\n`, { mode: 0o600 });
    const { sup, port, env } = await start(dir);
    expect(sup.output()).not.toContain(token);
    expect(sup.output()).not.toContain('login#token=');
    expect(sup.output()).toMatch(/Sign in\s+npm start -- --print-login prints the sign-in link/);

    const pids = sup.childPids();
    const printed = await runStart(['--print-login'], env, dir);
    expect(printed).toMatchObject({
      code: 0,
      stdout: `http://localhost:${port}/login#token=${token}\n`,
    });
    expect(pids.every(alive)).toBe(true); // nothing stopped, nothing started

    const wrong = await runStart(['--print-logins'], env, dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Unknown option --print-logins');
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
