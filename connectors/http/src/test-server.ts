/** Test helpers: a loopback HTTP server that records what it received, and a step context. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionContext } from '@guildflow/engine/core';

/** One request the server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = (req: Received, res: ServerResponse, count: number) => void;

/** A loopback server answering by path (`count` is how many times that path was hit). */
export async function loopbackServer(routes: Record<string, Route>, host = '127.0.0.1') {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      const path = new URL(entry.url, 'http://x').pathname;
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const route = routes[path];
      if (route) route(entry, res, count);
      else res.writeHead(404).end('no such route');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://${host.includes(':') ? `[${host}]` : host}:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON. */
export function json(res: ServerResponse, status: number, value: unknown, headers = {}): void {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify(value));
}

/** The context of one step of a test run in `guildId`. */
export function stepContext(guildId = 'guild-1'): ActionContext {
  return {
    runId: 'run-1',
    graphId: 'graph-1',
    guildId,
    version: 1,
    nodeId: 'call',
    simulate: false,
    idempotencyKey: 'run-1:call',
  };
}
