import { createServer, connect } from 'node:net';

/**
 * Listening ports are drawn from below Linux's ephemeral range (32768–60999): a port the OS
 * hands out for `listen(0)` can be taken a moment later by any outgoing connection on the
 * machine (a parallel test's client socket), before our server binds it.
 */
const LISTEN_RANGE = { from: 20_000, to: 32_000 } as const;

/** A free TCP port on loopback, outside the ephemeral range (the OS's choice as a last resort). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port =
      LISTEN_RANGE.from + Math.floor(Math.random() * (LISTEN_RANGE.to - LISTEN_RANGE.from));
    if (await canBind(port, host)) return port;
  }
  return bindAny(host);
}

function canBind(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function bindAny(host: string): Promise<number> {
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
