import { createServer, connect } from 'node:net';

/** Asks the OS for a free TCP port on loopback. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the allocated port'));
      });
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls until `check` is true or the time is up; `abort` ends the wait early with its error
 * (for instance when the server process already exited).
 */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    what: string;
    abort?: () => Error | undefined;
  },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) throw aborted;
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(`${options.what} did not become ready within ${options.timeoutMs / 1000}s`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
