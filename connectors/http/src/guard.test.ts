import { buildConnector } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noCredentials } from './credentials.js';
import { blockedReason, destinationPolicy, type Connector, type HostLookup } from './guard.js';
import { createHttpExecutors } from './index.js';
import { json, loopbackServer, stepContext } from './test-server.js';

/**
 * Every socket the executor opens goes through this connector, after the guard. It records the
 * address and opens loopback sockets only: were the guard to let a private address through, the
 * test would fail on `opened` without any traffic leaving this machine.
 */
const opened: string[] = [];
const loopbackOnly: Connector = (options, callback) => {
  opened.push(options.hostname);
  if (options.hostname !== '127.0.0.1' && options.hostname !== '::1') {
    callback(new Error(`test: no socket to ${options.hostname}`), null);
    return;
  }
  buildConnector({ timeout: 2000 })(options, callback);
};

let server: Awaited<ReturnType<typeof loopbackServer>>;
const executor = (allow: string[], lookup?: HostLookup) =>
  createHttpExecutors({
    allow,
    credentials: noCredentials,
    connect: loopbackOnly,
    ...(lookup ? { lookup } : {}),
  })['http.request'];
const call = (url: string, allow: string[] = [], lookup?: HostLookup) =>
  executor(allow, lookup)({ config: { url }, context: stepContext() });

beforeAll(async () => {
  server = await loopbackServer({
    '/json': (_req, res) => json(res, 200, { ok: true }),
    '/to-private': (_req, res) => res.writeHead(302, { location: 'http://10.0.0.1/admin' }).end(),
    '/to-metadata': (_req, res) =>
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  opened.length = 0;
});

describe('the SSRF guard refuses, before any socket, without the allow-list', () => {
  const port = () => server.port;
  const cases: [string, () => string, RegExp][] = [
    ['127.0.0.1', () => `http://127.0.0.1:${port()}/json`, /127\.0\.0\.1 is a loopback address/],
    [
      'localhost (a DNS name resolving to loopback)',
      () => `http://localhost:${port()}/json`,
      /localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    ],
    ['[::1]', () => `http://[::1]:${port()}/json`, /::1 is a loopback address/],
    [
      '169.254.169.254 (cloud metadata)',
      () => 'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is a link-local address/,
    ],
    ['10.0.0.1', () => 'http://10.0.0.1/', /10\.0\.0\.1 is a private address/],
    ['172.16.5.4', () => 'https://172.16.5.4/', /a private address/],
    ['192.168.1.1', () => 'http://192.168.1.1/', /a private address/],
    ['100.64.0.1 (CGNAT)', () => 'http://100.64.0.1/', /carrier-grade NAT/],
    ['0.0.0.0', () => `http://0.0.0.0:${port()}/json`, /the unspecified address/],
    ['255.255.255.255', () => 'http://255.255.255.255/', /the broadcast address/],
    ['224.0.0.1', () => 'http://224.0.0.1/', /a multicast address/],
    [
      '[::ffff:127.0.0.1] (IPv4-mapped loopback)',
      () => `http://[::ffff:127.0.0.1]:${port()}/json`,
      /::ffff:7f00:1 is a loopback address/,
    ],
    ['[::ffff:10.0.0.1]', () => 'http://[::ffff:10.0.0.1]/', /a private address/],
    ['[::ffff:169.254.169.254]', () => 'http://[::ffff:a9fe:a9fe]/', /a link-local address/],
    ['[fc00::1] (ULA)', () => 'http://[fc00::1]/', /unique-local/],
    ['[fe80::1]', () => 'http://[fe80::1]/', /a link-local address/],
    ['[::] ', () => 'http://[::]/', /the unspecified address/],
    ['[ff02::1]', () => 'http://[ff02::1]/', /a multicast address/],
    ['[64:ff9b::a00:1] (NAT64 of 10.0.0.1)', () => 'http://[64:ff9b::a00:1]/', /rfc6052/],
    ['decimal 2130706433 (= 127.0.0.1)', () => `http://2130706433:${port()}/json`, /127\.0\.0\.1/],
  ];
  it.each(cases)('%s', async (_name, url, reason) => {
    const before = server.received.length;
    const error = (await call(url()).catch((e: unknown) => e)) as Error & Record<string, unknown>;
    expect(error).toMatchObject({ type: 'BlockedDestination', nonRetryable: true });
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('GUILDFLOW_HTTP_ALLOW');
    expect(opened).toEqual([]);
    expect(server.received.length).toBe(before);
  });

  it('refuses a redirect from an allowed server into a private or metadata address', async () => {
    for (const path of ['/to-private', '/to-metadata']) {
      const error = (await call(server.url(path), ['127.0.0.1']).catch((e: unknown) => e)) as Error;
      expect(error).toMatchObject({ type: 'BlockedDestination', nonRetryable: true });
      expect(error.message).toMatch(
        /(10\.0\.0\.1 is a private|169\.254\.169\.254 is a link-local)/,
      );
    }
    // Only the allowed first hop got a socket.
    expect(opened.every((address) => address === '127.0.0.1')).toBe(true);
  });

  it('refuses a name with one private address among public ones', async () => {
    const lookup: HostLookup = () =>
      Promise.resolve([{ address: '93.184.216.34' }, { address: '10.1.2.3' }]);
    await expect(call('http://mixed.example/', [], lookup)).rejects.toMatchObject({
      type: 'BlockedDestination',
      message: expect.stringContaining('mixed.example resolves to 10.1.2.3, a private address'),
    });
    expect(opened).toEqual([]);
  });
});

describe('the allow-list (GUILDFLOW_HTTP_ALLOW)', () => {
  it('lets listed addresses and host names through', async () => {
    expect(await call(server.url('/json'), ['127.0.0.1'])).toMatchObject({ status: 200 });
    expect(await call(`http://localhost:${server.port}/json`, ['localhost'])).toMatchObject({
      status: 200,
    });
  });

  it('connects to the address it checked: a second DNS answer (rebinding) is never used', async () => {
    const answers = ['127.0.0.1', '10.0.0.1'];
    let lookups = 0;
    const rebinding: HostLookup = () =>
      Promise.resolve([{ address: answers[lookups++] ?? '10.0.0.1' }]);
    const out = await call(`http://rebind.example:${server.port}/json`, ['127.0.0.1'], rebinding);
    expect(out).toMatchObject({ status: 200, body: { ok: true } });
    expect(lookups).toBe(1);
    expect(opened).toEqual(['127.0.0.1']);
    expect(server.received.at(-1)!.headers.host).toBe(`rebind.example:${server.port}`);
  });

  it('refuses an entry that is neither a host name nor an address, naming it', () => {
    expect(() => destinationPolicy(['127.0.0.1', 'not a host!'])).toThrow(
      'GUILDFLOW_HTTP_ALLOW: "not a host!" is neither a host name nor an IP address',
    );
    expect(destinationPolicy([' [::1] ', 'API.Internal.']).hosts).toEqual(
      new Set(['api.internal']),
    );
  });
});

describe('blockedReason', () => {
  it('passes public unicast addresses and refuses IPv4-compatible IPv6', () => {
    expect(blockedReason('93.184.216.34')).toBeUndefined();
    expect(blockedReason('2606:4700:4700::1111')).toBeUndefined();
    expect(blockedReason('::ffff:93.184.216.34')).toBeUndefined();
    expect(blockedReason('::7f00:1')).toBe('an IPv4-compatible IPv6 address');
    expect(blockedReason('2002:a00:1::1')).toMatch(/6to4/);
  });
});
