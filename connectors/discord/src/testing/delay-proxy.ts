import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a real server, for tests of slow or unreachable dependencies. */
export interface TestProxy {
  /** `127.0.0.1:<port>` to connect to instead of the server. */
  address: string;
  /** While down, connections are cut and new ones refused (the server seems gone). */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy that holds every chunk for `delayMs` in each direction: a real server behind a
 * slow network (e.g. a Temporal frontend answering seconds late). Order is kept because every
 * chunk waits the same time. `setDown(true)` makes the server unreachable until set back.
 *
 * @example
 * const proxy = await startDelayProxy('127.0.0.1:7233', 4000);
 * await Connection.connect({ address: proxy.address });
 */
export async function startDelayProxy(target: string, delayMs = 0): Promise<TestProxy> {
  const [host, port] = target.split(':') as [string, string];
  const sockets = new Set<Socket>();
  let down = false;
  const later = (fn: () => void): void => {
    if (delayMs > 0) setTimeout(fn, delayMs);
    else fn();
  };
  const server: Server = createServer((inbound) => {
    if (down) {
      inbound.destroy();
      return;
    }
    const outbound = connect(Number(port), host);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        inbound.destroy();
        outbound.destroy();
      });
    }
    const pipe = (from: Socket, to: Socket): void => {
      from.on('data', (chunk) => later(() => to.writable && to.write(chunk)));
      from.on('end', () => later(() => to.end()));
    };
    pipe(inbound, outbound);
    pipe(outbound, inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    address: `127.0.0.1:${address.port}`,
    setDown(value) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
