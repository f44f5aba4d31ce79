import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialSource, HttpCredential } from './credentials.js';
import { createHttpExecutors } from './index.js';
import { json, loopbackServer, stepContext } from './test-server.js';

const TOKEN = 'sk_live_very_secret_token_123';
const PASSWORD = 'hunter2-but-longer';

/** The test's credential store: two credentials in guild-1, none elsewhere. */
const credentials: CredentialSource = {
  resolve: (guildId, name) => {
    const stored: Record<string, HttpCredential> = {
      'api-token': { type: 'bearer', token: TOKEN },
      'basic-login': { type: 'basic', username: 'bot', password: PASSWORD },
      'api-key': { type: 'header', header: 'X-Api-Key', value: TOKEN },
    };
    return Promise.resolve(guildId === 'guild-1' ? stored[name] : undefined);
  },
};

let server: Awaited<ReturnType<typeof loopbackServer>>;
let other: Awaited<ReturnType<typeof loopbackServer>>;
const call = createHttpExecutors({ allow: ['127.0.0.1'], credentials })['http.request'];
const run = (config: Record<string, unknown>, guildId?: string) =>
  call({ config, context: stepContext(guildId) });

beforeAll(async () => {
  server = await loopbackServer({
    '/json': (req, res) => json(res, 200, { ok: true, method: req.method }, { 'x-answer': 'yes' }),
    '/text': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
    '/echo': (req, res) => json(res, 201, { headers: req.headers, body: req.body, url: req.url }),
    '/missing': (_req, res) => json(res, 404, { message: 'no such thing' }),
    '/unavailable': (_req, res) => res.writeHead(503).end('try later'),
    '/busy': (_req, res) => res.writeHead(429, { 'retry-after': '7' }).end(),
    '/slow': (_req, res) => setTimeout(() => res.writeHead(200).end('late'), 2000),
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Streamed without a content-length: the cap must hold while reading.
      for (let i = 0; i < 17; i++) res.write('x'.repeat(65_536));
      res.end();
    },
    '/redirect': (_req, res) => res.writeHead(302, { location: '/json' }).end(),
    '/see-other': (_req, res) => res.writeHead(303, { location: '/echo' }).end(),
    '/loop': (_req, res, n) => res.writeHead(307, { location: `/loop?n=${n}` }).end(),
    '/away': (_req, res) => res.writeHead(307, { location: other.url('/echo') }).end(),
  });
  // Another port is another origin: credentials stay behind on a redirect there.
  other = await loopbackServer({
    '/echo': (req, res) => json(res, 200, { headers: req.headers }),
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('http.request', () => {
  it('answers status, lowercase headers and the JSON body parsed', async () => {
    const out = await run({ url: server.url('/json') });
    expect(out).toMatchObject({ status: 200, body: { ok: true, method: 'GET' } });
    expect(out.headers['x-answer']).toBe('yes');
    expect(out.headers['content-type']).toBe('application/json');
  });

  it('keeps a text answer as text, and JSON as text when responseType is text', async () => {
    expect((await run({ url: server.url('/text') })).body).toBe('hello');
    expect((await run({ url: server.url('/json'), responseType: 'text' })).body).toBe(
      '{"ok":true,"method":"GET"}',
    );
  });

  it('sends the method, query, headers and a JSON body', async () => {
    const out = await run({
      method: 'POST',
      url: server.url('/echo?keep=1'),
      query: { member: '42', q: 'a b' },
      headers: { 'X-Trace': 'abc' },
      body: { hello: 'world' },
    });
    expect(out.status).toBe(201);
    const seen = server.received.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/echo?keep=1&member=42&q=a+b' });
    expect(seen.headers['x-trace']).toBe('abc');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen.body)).toEqual({ hello: 'world' });
  });

  it('sends a string body as text', async () => {
    await run({ method: 'PUT', url: server.url('/echo'), body: 'plain words' });
    const seen = server.received.at(-1)!;
    expect(seen.body).toBe('plain words');
    expect(seen.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('applies a bearer credential by name; its token never shows in the output', async () => {
    const out = await run({ url: server.url('/echo'), credential: 'api-token' });
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // The server echoed the header back: the output masks it.
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect((out.body as { headers: Record<string, string> }).headers.authorization).toBe(
      'Bearer [credential]',
    );
  });

  it('applies basic and header credentials', async () => {
    await run({ url: server.url('/echo'), credential: 'basic-login' });
    expect(server.received.at(-1)!.headers.authorization).toBe(
      `Basic ${Buffer.from(`bot:${PASSWORD}`).toString('base64')}`,
    );
    const out = await run({ url: server.url('/echo'), credential: 'api-key' });
    expect(server.received.at(-1)!.headers['x-api-key']).toBe(TOKEN);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });

  it('fails non-retryably, naming the credential and where to add it, when the guild has none of that name', async () => {
    const before = server.received.length;
    await expect(
      run({ url: server.url('/echo'), credential: 'api-token' }, 'guild-2'),
    ).rejects.toMatchObject({
      type: 'InvalidConfig',
      nonRetryable: true,
      message: expect.stringMatching(
        /No credential named "api-token".*POST \/api\/guilds\/.*\/credentials/,
      ),
    });
    expect(server.received.length).toBe(before); // nothing was sent
  });

  it('keeps a credential out of a failure message that quotes the answer', async () => {
    const failing = await loopbackServer({
      '/reject': (req, res) => res.writeHead(401).end(`bad token ${req.headers.authorization}`),
    });
    try {
      const error = await run({ url: failing.url('/reject'), credential: 'api-token' }).catch(
        (e: Error) => e,
      );
      expect(error).toMatchObject({ type: 'HttpClientError', nonRetryable: true });
      expect((error as Error).message).toContain('answered 401: bad token Bearer [credential]');
      expect((error as Error).message).not.toContain(TOKEN);
    } finally {
      await failing.close();
    }
  });

  it('classifies 4xx as non-retryable HttpClientError, quoting the answer', async () => {
    await expect(run({ url: server.url('/missing') })).rejects.toMatchObject({
      type: 'HttpClientError',
      nonRetryable: true,
      message: expect.stringContaining('answered 404: {"message":"no such thing"}'),
    });
  });

  it('classifies 5xx as retryable HttpServerError and 429 as RateLimited after Retry-After', async () => {
    await expect(run({ url: server.url('/unavailable') })).rejects.toMatchObject({
      type: 'HttpServerError',
      nonRetryable: false,
    });
    await expect(run({ url: server.url('/busy') })).rejects.toMatchObject({
      type: 'RateLimited',
      nonRetryable: false,
      nextRetryDelay: 7000,
    });
  });

  it('times out an attempt after `timeout` as a retryable Timeout', async () => {
    const started = Date.now();
    await expect(run({ url: server.url('/slow'), timeout: '300ms' })).rejects.toMatchObject({
      type: 'Timeout',
      nonRetryable: false,
      message: expect.stringContaining('did not answer within 300 ms'),
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses an answer over 1 MB while reading it', async () => {
    await expect(run({ url: server.url('/big') })).rejects.toMatchObject({
      type: 'ResponseTooLarge',
      nonRetryable: true,
      message: expect.stringContaining('more than 1048576 bytes'),
    });
  });

  it('follows redirects (303 turns a POST into a GET), or returns the 3xx when told not to', async () => {
    expect(await run({ url: server.url('/redirect') })).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    const out = await run({ method: 'POST', url: server.url('/see-other'), body: { a: 1 } });
    expect(out.status).toBe(201);
    expect(server.received.at(-1)).toMatchObject({ method: 'GET', body: '' });
    const unfollowed = await run({ url: server.url('/redirect'), followRedirects: false });
    expect(unfollowed).toMatchObject({ status: 302, headers: { location: '/json' } });
  });

  it('stops after 5 redirects', async () => {
    const before = server.received.length;
    await expect(run({ url: server.url('/loop') })).rejects.toMatchObject({
      type: 'InvalidRequest',
      nonRetryable: true,
      message: expect.stringContaining('redirected more than 5 times'),
    });
    expect(server.received.length - before).toBe(6);
  });

  it('does not carry a credential across a redirect to another origin', async () => {
    const out = await run({ url: server.url('/away'), credential: 'api-token' });
    expect(out.status).toBe(200);
    expect(other.received.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('classifies a refused connection as a retryable ConnectionError', async () => {
    const closed = await loopbackServer({});
    await closed.close();
    await expect(run({ url: closed.url('/json') })).rejects.toMatchObject({
      type: 'ConnectionError',
      nonRetryable: false,
      message: expect.stringContaining('could not connect (ECONNREFUSED)'),
    });
  });

  it('refuses a URL that is not http(s) after rendering', async () => {
    await expect(run({ url: 'ftp://example.com/file' })).rejects.toMatchObject({
      type: 'InvalidConfig',
      nonRetryable: true,
    });
  });
});
