import type { ManagedProcess } from './process.js';

/**
 * An embedded server (the Temporal dev server, FerretDB) that can be started again on the same
 * files and port after it died: `launch` starts it and resolves once it answers. The supervisor
 * watches it like its Node children (`Supervisor.keep`); `stop` stops whichever process is
 * current.
 *
 * @example
 * const temporal = new RestartableServer('temporal', await launch(), launch);
 * supervisor.keep(temporal);
 */
export class RestartableServer {
  private stopped = false;

  constructor(
    readonly name: string,
    private proc: ManagedProcess,
    private readonly launch: () => Promise<ManagedProcess>,
  ) {}

  /** The running process (another one after a restart). */
  get process(): ManagedProcess {
    return this.proc;
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Starts the server again and waits until it answers. */
  async restart(): Promise<void> {
    if (this.stopped) return;
    this.proc = await this.launch();
    // Stopped while it was starting again: do not leave the new one running.
    if (this.stopped) await this.proc.stop();
  }

  /** Stops the running process and starts it again (to load settings read only at start). */
  async cycle(): Promise<void> {
    if (this.stopped) return;
    await this.proc.stop();
    await this.restart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.proc.stop();
  }
}
