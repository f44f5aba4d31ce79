import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess, signalGroup, type ProcessSpec } from './process.js';
import type { RestartableServer } from './restartable-server.js';

/** One Node service the supervisor runs, restarted when it crashes. */
export interface ServiceSpec extends Omit<ProcessSpec, 'logFile'> {
  /** Resolves when the service is ready (health answers); rejects to abort the start. */
  ready?: (proc: ManagedProcess) => Promise<void>;
}

/** A child process recorded in the pid file. */
export interface ChildPid {
  name: string;
  pid: number;
  command: string;
}

const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * Starts services in order, restarts one that crashes (at most 3 times a minute) — the embedded
 * Temporal dev server and store too (`keep`) — and stops them in reverse order. The pids of every child are written to `run/children.json` in the
 * data dir, so a supervisor killed with SIGKILL has its orphans cleaned up by the next start.
 *
 * @example
 * const sup = new Supervisor('data');
 * await sup.start({ name: 'engine', command: process.execPath, args: ['engine.js'] });
 * await sup.stopAll();
 */
export class Supervisor {
  private readonly running = new Map<string, ManagedProcess>();
  private readonly restarts = new Map<string, number[]>();
  private stopping = false;
  private readonly pidFile: string;

  constructor(
    private readonly dataDir: string,
    private readonly onFatal: (error: Error) => void = () => {},
  ) {
    const runDir = join(dataDir, 'run');
    mkdirSync(runDir, { recursive: true });
    this.pidFile = join(runDir, 'children.json');
  }

  /** Kills children a previous, hard-killed supervisor left running. */
  cleanOrphans(): string[] {
    if (!existsSync(this.pidFile)) return [];
    const killed: string[] = [];
    try {
      const entries = JSON.parse(readFileSync(this.pidFile, 'utf8')) as ChildPid[];
      for (const entry of entries) {
        if (commandOf(entry.pid)?.includes(entry.command)) {
          signalGroup(entry.pid, 'SIGKILL');
          killed.push(`${entry.name} (pid ${entry.pid})`);
        }
      }
    } catch {
      // unreadable file: nothing we can safely kill
    }
    rmSync(this.pidFile, { force: true });
    return killed;
  }

  private readonly external: ChildPid[] = [];

  /** Records children started elsewhere (the Temporal server, the store) for orphan cleanup. */
  track(children: ChildPid[]): void {
    this.external.push(...children);
    this.writePids();
  }

  async start(spec: ServiceSpec): Promise<ManagedProcess> {
    const proc = ManagedProcess.start({
      ...spec,
      logFile: join(this.dataDir, 'logs', `${spec.name}.log`),
    });
    this.running.set(spec.name, proc);
    this.writePids();
    void proc.exited.then(() => this.onExit(spec, proc));
    if (spec.ready) await spec.ready(proc);
    return proc;
  }

  /**
   * Watches an embedded server started elsewhere (the stack): when it dies it is started again
   * with the same back-off as a Node child, and its new pid is recorded for orphan cleanup.
   */
  keep(server: RestartableServer): void {
    const watch = (proc: ManagedProcess): void => {
      void proc.exited.then(() => {
        if (this.stopping || server.process !== proc) return;
        if (!this.mayRestart(server.name, proc)) return;
        setTimeout(() => {
          if (this.stopping) return;
          server
            .restart()
            .then(() => {
              process.stderr.write(`${server.name} is back.\n`);
              this.replaceExternal(server.name, server.process);
              watch(server.process);
            })
            .catch((e: unknown) => this.onFatal(e as Error));
        }, 1000);
      });
    };
    watch(server.process);
  }

  private onExit(spec: ServiceSpec, proc: ManagedProcess): void {
    if (this.stopping || this.running.get(spec.name) !== proc) return;
    if (!this.mayRestart(spec.name, proc)) return;
    setTimeout(() => {
      if (!this.stopping)
        void this.start({ ...spec, ready: undefined }).catch((e: unknown) =>
          this.onFatal(e as Error),
        );
    }, 1000);
  }

  /** Says a child died and whether it may be restarted (at most 3 times a minute). */
  private mayRestart(name: string, proc: ManagedProcess): boolean {
    const now = Date.now();
    const recent = (this.restarts.get(name) ?? []).filter((t) => now - t < 60_000);
    const error = proc.unexpectedExit();
    if (recent.length >= MAX_RESTARTS_PER_MINUTE) {
      this.onFatal(new Error(`${name} keeps crashing; giving up. ${error?.message ?? ''}`));
      return false;
    }
    recent.push(now);
    this.restarts.set(name, recent);
    process.stderr.write(`${name} stopped unexpectedly; restarting it.\n${error?.message ?? ''}\n`);
    return true;
  }

  private replaceExternal(name: string, proc: ManagedProcess): void {
    const index = this.external.findIndex((child) => child.name === name);
    if (index >= 0 && proc.pid !== undefined)
      this.external[index] = { name, pid: proc.pid, command: proc.spec.command };
    this.writePids();
  }

  /** Stops every child, newest first, and removes the pid file. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const proc of [...this.running.values()].reverse()) await proc.stop();
    this.running.clear();
    rmSync(this.pidFile, { force: true });
  }

  private writePids(): void {
    const entries: ChildPid[] = [...this.external];
    for (const [name, p] of this.running) {
      if (p.pid !== undefined) entries.push({ name, pid: p.pid, command: p.spec.command });
    }
    writeFileSync(this.pidFile, JSON.stringify(entries));
  }
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}
