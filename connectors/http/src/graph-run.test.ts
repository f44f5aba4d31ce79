import type { GraphRunResult, StepLog } from '@guildflow/engine/interpreter';
import { graph } from '@guildflow/engine/testing/graph';
import { recordingActivities, withInterpreter } from '@guildflow/engine/testing/interpreter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialSource } from './credentials.js';
import { createHttpExecutors } from './index.js';
import { json, loopbackServer } from './test-server.js';

const TOKEN = 'tok_graph_run_secret_987';
const credentials: CredentialSource = {
  resolve: (_guildId, name) =>
    Promise.resolve(name === 'status-api' ? { type: 'bearer', token: TOKEN } : undefined),
};

/** A graph that calls the URL in its payload and branches on the answer's status. */
const doc = graph(
  [
    ['t', 'trigger.manual'],
    ['call', 'http.request', { url: '{{ trigger.url }}', credential: 'status-api' }],
    ['check', 'flow.if', { condition: 'nodes.call.status == 200' }],
    [
      'open',
      'discord.sendMessage',
      { channelId: '1', content: 'open: {{ nodes.call.body.state }}' },
    ],
    ['other', 'discord.sendMessage', { channelId: '1', content: 'status {{ nodes.call.status }}' }],
    [
      'report',
      'discord.sendMessage',
      { channelId: '1', content: 'failed: {{ nodes.call.error.code }}' },
    ],
  ],
  [
    ['t', 'out', 'call'],
    ['call', 'out', 'check'],
    ['check', 'true', 'open'],
    ['check', 'false', 'other'],
    ['call', 'error', 'report'],
  ],
);

let server: Awaited<ReturnType<typeof loopbackServer>>;
const hits: Record<string, number[]> = {};
const at = (path: string) => (hits[path] ??= []).push(Date.now());

beforeAll(async () => {
  server = await loopbackServer({
    '/flaky': (_req, res, n) => {
      at('/flaky');
      if (n === 1) res.writeHead(503).end('warming up');
      else json(res, 200, { state: 'green' });
    },
    '/limited': (_req, res, n) => {
      at('/limited');
      if (n === 1) res.writeHead(429, { 'retry-after': '3' }).end();
      else json(res, 200, { state: 'after the wait' });
    },
    '/accepted': (_req, res) => json(res, 202, { state: 'queued' }),
    '/gone': (_req, res) => {
      at('/gone');
      json(res, 410, { error: 'gone' });
    },
  });
});
afterAll(() => server.close());

async function runGraph(path: string) {
  const stubs = recordingActivities({
    'discord.sendMessage': { output: { messageId: 'm1', channelId: '1' } },
  });
  const http = createHttpExecutors({ allow: ['127.0.0.1'], credentials });
  const activities = { ...stubs.activities, ...http } as Record<
    string,
    (input: never) => Promise<unknown>
  >;
  return withInterpreter(activities, async (env) => {
    const handle = await env.start(doc, { url: server.url(path) });
    const result = (await handle.result()) as GraphRunResult;
    const history = JSON.stringify(await handle.fetchHistory());
    const sent = stubs
      .callsOf('discord.sendMessage')
      .map((c) => (c.input as { config: { content: string } }).config.content);
    return { result, history, sent, step: result.steps.find((s: StepLog) => s.nodeId === 'call') };
  });
}

describe('http.request in a real graph run', () => {
  it('retries a 503, then branches on the 200 answer; the credential stays out of the run and its history', async () => {
    const { result, history, sent, step } = await runGraph('/flaky');
    expect(result.status).toBe('completed');
    expect(hits['/flaky']).toHaveLength(2);
    expect(sent).toEqual(['open: green']);
    expect(step).toMatchObject({ status: 'completed', output: { status: 200 } });
    expect(step?.input).toMatchObject({ credential: 'status-api' });
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(history).not.toContain(TOKEN);
  });

  it('waits as long as a 429 asks (Retry-After: 3), longer than the node’s 2s backoff', async () => {
    const { sent } = await runGraph('/limited');
    expect(sent).toEqual(['open: after the wait']);
    const [first, second] = hits['/limited']!;
    expect(second! - first!).toBeGreaterThanOrEqual(2900);
  });

  it('takes the false branch on another success status', async () => {
    const { sent } = await runGraph('/accepted');
    expect(sent).toEqual(['status 202']);
  });

  it('does not retry a 4xx: the error port runs after one attempt', async () => {
    const { sent, step } = await runGraph('/gone');
    expect(hits['/gone']).toHaveLength(1);
    expect(sent).toEqual(['failed: HttpClientError']);
    expect(step).toMatchObject({
      status: 'failed',
      port: 'error',
      error: { code: 'HttpClientError' },
    });
  });
});
