import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy that holds every chunk for `delayMs` in each direction: a real server behind a
 * slow network (e.g. a Temporal frontend answering seconds late). Order is kept because every
 * chunk waits the same time.
 *
 * @example
 * const proxy = await startDelayProxy('127.0.0.1:7233', 4000);
 * await Connection.connect({ address: proxy.address });
 */
export async function startDelayProxy(
  target: string,
  delayMs: number,
): Promise<{ address: string; close(): Promise<void> }> {
  const [host, port] = target.split(':') as [string, string];
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
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
      from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
    };
    pipe(inbound, outbound);
    pipe(outbound, inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    address: `127.0.0.1:${address.port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
