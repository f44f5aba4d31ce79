import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../net.js';
import { repoRoot, tsxArgs } from '../services.js';

/** A running `npm start` supervisor in a test: its process, output and data dir. */
export interface StartedSupervisor {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  childPids: () => number[];
  /** The children recorded in the pid file, by name (`engine`, `worker`, …, `temporal`, `store`). */
  children: () => { name: string; pid: number }[];
}

/**
 * Spawns `stack/src/cli/start.ts` (what `npm start` runs) and resolves once it printed that
 * Guildflow is running; rejects with its output when it exits first or takes too long.
 */
export async function startSupervisor(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  timeoutMs = 240_000,
): Promise<StartedSupervisor> {
  const proc = spawn(process.execPath, tsxArgs('stack/src/cli/start.ts'), {
    cwd: repoRoot,
    env: { ...process.env, ...env, GUILDFLOW_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`supervisor not ready in time:\n${output}`)),
      timeoutMs,
    );
    const poll = setInterval(() => {
      if (output.includes('Guildflow is running')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`supervisor exited with ${code} before it was ready:\n${output}`));
    });
  });
  const pidFile = join(dataDir, 'run', 'children.json');
  const children = () =>
    existsSync(pidFile)
      ? (JSON.parse(readFileSync(pidFile, 'utf8')) as { name: string; pid: number }[])
      : [];
  return {
    proc,
    output: () => output,
    exited,
    childPids: () => children().map((c) => c.pid),
    children,
  };
}

/** Runs `stack/src/cli/start.ts` with arguments (e.g. `--print-login`) to its end. */
export async function runStart(
  args: string[],
  env: NodeJS.ProcessEnv,
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, [...tsxArgs('stack/src/cli/start.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env, GUILDFLOW_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => proc.once('close', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/** True while a process with this pid exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** Polls until none of the pids is alive, or the time is up; returns the survivors. */
export async function waitForExit(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const survivors = pids.filter(alive);
    if (survivors.length === 0 || Date.now() > deadline) return survivors;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The environment a process was started with (`/proc/<pid>/environ`: what its parent handed
 * it, not what it set itself later).
 *
 * @example
 * startEnvironment(pid).GUILDFLOW_ADMIN_TOKEN; // undefined for the worker
 */
export function startEnvironment(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(
    entries.map((entry) => [
      entry.slice(0, entry.indexOf('=')),
      entry.slice(entry.indexOf('=') + 1),
    ]),
  );
}

/**
 * The environment of an `npm start` that runs its own Temporal dev server and store (nothing
 * external, no preset secrets), every port free.
 *
 * @example
 * running = await startSupervisor(await embeddedStartEnv(), dataDir);
 */
export async function embeddedStartEnv(): Promise<Record<string, string>> {
  return {
    PORT: String(await freePort()),
    GUILDFLOW_TEMPORAL_PORT: String(await freePort()),
    GUILDFLOW_TEMPORAL_UI_PORT: String(await freePort()),
    GUILDFLOW_STORE_PORT: String(await freePort()),
    GUILDFLOW_SANDBOX_PORT: String(await freePort()),
    TEMPORAL_ADDRESS: '',
    MONGODB_URI: '',
    GUILDFLOW_ADMIN_TOKEN: '',
    GUILDFLOW_SECRET_KEY: '',
  };
}

/** Stops a supervisor a test left running (SIGTERM, waiting for it) and removes its data dir. */
export async function stopAndRemove(
  running: StartedSupervisor | undefined,
  dataDir: string,
): Promise<void> {
  if (running && running.proc.exitCode === null) {
    running.proc.kill('SIGTERM');
    await running.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
