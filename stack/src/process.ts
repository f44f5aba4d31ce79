import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** How to start one child of the stack. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Every line of output is appended here. */
  logFile: string;
  /** Also echo output to this process's stdout, prefixed with the name. */
  echo?: boolean;
  /** Grace period between SIGTERM and SIGKILL. */
  stopTimeoutMs?: number;
}

/**
 * A child process in its own process group, so the supervisor controls the shutdown order and a
 * stop reaches grandchildren (tsx runs node in a child of its own).
 *
 * @example
 * const temporal = ManagedProcess.start({ name: 'temporal', command: bin, args, logFile });
 * await temporal.stop();
 */
export class ManagedProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private stopping = false;
  private readonly log: WriteStream;
  private readonly tail: string[] = [];

  private constructor(
    readonly spec: ProcessSpec,
    private readonly child: ChildProcess,
  ) {
    mkdirSync(dirname(spec.logFile), { recursive: true });
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
    this.log.write(
      `\n--- ${new Date().toISOString()} start ${spec.command} ${spec.args.join(' ')}\n`,
    );
    const onData = (chunk: Buffer) => {
      this.log.write(chunk);
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) this.tail.push(line);
      while (this.tail.length > 20) this.tail.shift();
      if (spec.echo) {
        for (const line of text.split('\n')) {
          if (line.trim()) process.stdout.write(`[${spec.name}] ${line}\n`);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        this.log.end(`--- exit code=${code} signal=${signal}\n`);
        resolve({ code, signal });
      });
      child.once('error', (error) => {
        this.exitInfo = { code: -1, signal: null };
        this.log.end(`--- spawn error ${error.message}\n`);
        resolve({ code: -1, signal: null });
      });
    });
  }

  static start(spec: ProcessSpec): ManagedProcess {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    return new ManagedProcess(spec, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** The last lines it printed: shown when it fails to start. */
  recentOutput(): string {
    return this.tail.join('\n');
  }

  /** An error when the process ended while it was expected to run. */
  unexpectedExit(): Error | undefined {
    if (!this.exitInfo || this.stopping) return undefined;
    return new Error(
      `${this.spec.name} exited (code ${this.exitInfo.code}, signal ${this.exitInfo.signal}); ` +
        `last output:\n${this.recentOutput()}\n(full log: ${this.spec.logFile})`,
    );
  }

  /** SIGTERM to the whole group, then SIGKILL after the grace period. Resolves once it exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    signalGroup(this.child.pid, 'SIGTERM');
    const timeout = this.spec.stopTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        signalGroup(this.child.pid, 'SIGKILL');
        resolve();
      }, timeout);
    });
    await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    await this.exited;
  }
}

/** Signals a process group, ignoring one that is already gone. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already exited
    }
  }
}
