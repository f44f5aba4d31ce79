import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tsxArgs } from '../services.js';

/** A running `npm start` supervisor in a test: its process, output and data dir. */
export interface StartedSupervisor {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  childPids: () => number[];
}

/**
 * Spawns `stack/src/cli/start.ts` (what `npm start` runs) and resolves once it printed that
 * Guildflow is running; rejects with its output when it exits first or takes too long.
 */
export async function startSupervisor(env: NodeJS.ProcessEnv, dataDir: string, timeoutMs = 240_000): Promise<StartedSupervisor> {
  const proc = spawn(process.execPath, tsxArgs('stack/src/cli/start.ts'), {
    cwd: repoRoot,
    env: { ...process.env, ...env, GUILDFLOW_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`supervisor not ready in time:\n${output}`)), timeoutMs);
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
  return {
    proc,
    output: () => output,
    exited,
    childPids: () =>
      existsSync(pidFile) ? (JSON.parse(readFileSync(pidFile, 'utf8')) as { pid: number }[]).map((c) => c.pid) : [],
  };
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
