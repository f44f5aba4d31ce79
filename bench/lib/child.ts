/**
 * Systems under test run in child processes (`node --import tsx`), apart from the load
 * generator in the bench process, so neither steals the other's event loop or heap. The child
 * side of the protocol is bench/sut/protocol.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Messages a child sends. */
export type ChildMessage =
  | { type: 'ready'; info: unknown }
  | { type: 'reply'; id: number; result?: unknown; error?: string }
  | { type: 'fatal'; error: string };

/** What starting a child needs. */
export interface SutStartOptions {
  /** Short name, for errors and the log file name. */
  name: string;
  /** The child's entry (a .ts file). */
  entry: string;
  /** Handed to the child as JSON in `BENCH_SUT_CONFIG`. */
  config: unknown;
  /** Where the child's stdout/stderr go (`<name>.log`). */
  logDir: string;
  readyTimeoutMs?: number;
  /** Write V8 CPU profiles of every thread here when the child exits (`--cpu-prof`). */
  cpuProfileDir?: string;
}

/**
 * A system under test in its own Node process, answering requests over IPC.
 *
 * @example
 * const worker = await SutProcess.start<{ queues: string[] }>({ name: 'worker', entry, config, logDir });
 * const stats = await worker.request('stats');
 * await worker.stop();
 */
export class SutProcess<Ready = unknown> {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private exited = false;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly ready: Ready,
    readonly logFile: string,
  ) {
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'reply') return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(`${name}: ${message.error}`));
      else waiter?.resolve(message.result);
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values())
        waiter.reject(new Error(`${name} exited (${signal ?? code}); see ${logFile}`));
      this.pending.clear();
    });
  }

  /** Starts the child and waits for its `ready` message. */
  static async start<Ready>(options: SutStartOptions): Promise<SutProcess<Ready>> {
    mkdirSync(options.logDir, { recursive: true });
    const logFile = join(options.logDir, `${options.name}.log`);
    const log = openSync(logFile, 'a');
    // BENCH_CPU_PROF=<dir> writes V8 CPU profiles of every system under test (every thread).
    const profileDir = options.cpuProfileDir ?? process.env.BENCH_CPU_PROF;
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const child = fork(options.entry, [], {
      execArgv: ['--import', 'tsx', ...profile],
      env: { ...process.env, BENCH_SUT_CONFIG: JSON.stringify(options.config) },
      stdio: ['ignore', log, log, 'ipc'],
    });
    closeSync(log);
    const info = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `${options.name} was not ready within ${options.readyTimeoutMs ?? 120_000} ms${tail(logFile)}`,
          ),
        );
      }, options.readyTimeoutMs ?? 120_000);
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.info);
        } else if (message.type === 'fatal') {
          clearTimeout(timer);
          reject(new Error(`${options.name} failed to start: ${message.error}${tail(logFile)}`));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `${options.name} exited before it was ready (${signal ?? code})${tail(logFile)}`,
          ),
        );
      });
    });
    return new SutProcess<Ready>(options.name, child, info as Ready, logFile);
  }

  /** The child's process id. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Sends `op` and waits for the child's answer. */
  request<T>(op: string, args?: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.exited)
      return Promise.reject(new Error(`${this.name} has exited; see ${this.logFile}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name} did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ type: 'request', id, op, args });
    });
  }

  /** Resident memory of the child in MiB, read from /proc (undefined elsewhere). */
  rssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Asks the child to stop cleanly; kills it when it does not exit within `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.request('stop', undefined, graceMs).catch(() => {});
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

function tail(file: string): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n').slice(-15);
    return lines.length > 0 && lines[0] !== ''
      ? `\n--- last lines of ${file} ---\n${lines.join('\n')}`
      : '';
  } catch {
    return '';
  }
}

/** The systems under test of bench/sut/ (file name → role in names and CPU readings). */
const SUT_ROLES = {
  'worker-process': 'worker',
  'api-process': 'service',
  'sandbox-process': 'sandbox',
  'gateway-process': 'gateway',
} as const;

/** A system under test of bench/sut/, by file name. */
export type SutName = keyof typeof SUT_ROLES;

/**
 * The systems under test one benchmark starts: each from bench/sut/ with its log in `logDir`,
 * stopped together in reverse order of start.
 *
 * @example
 * const suts = new SutGroup(ctx.logDir, 'e2e');
 * const worker = await suts.start('worker-process', workerConfig);
 * try { … } finally { await suts.stopAll(); }
 */
export class SutGroup {
  private readonly started: SutProcess[] = [];

  constructor(
    private readonly logDir: string,
    private readonly prefix: string,
  ) {}

  /** Starts `bench/sut/<sut>.ts`, named `<prefix>-<role>`. */
  async start<Ready = unknown>(sut: SutName, config: unknown): Promise<SutProcess<Ready>> {
    const process = await SutProcess.start<Ready>({
      name: `${this.prefix}-${SUT_ROLES[sut]}`,
      entry: fileURLToPath(new URL(`../sut/${sut}.ts`, import.meta.url)),
      config,
      logDir: this.logDir,
    });
    this.started.push(process as SutProcess);
    return process;
  }

  /** Process ids by role (`worker`, `service`, …), for CPU readings. */
  pids(): Record<string, number> {
    return Object.fromEntries(
      this.started.map((p) => [p.name.slice(this.prefix.length + 1), p.pid]),
    );
  }

  async stopAll(): Promise<void> {
    for (const process of [...this.started].reverse()) await process.stop().catch(() => {});
  }
}
