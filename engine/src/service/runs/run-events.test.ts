import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepLog } from '../../interpreter/contract.js';
import { openEventStream } from '../../testing/event-stream.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { graph } from '../../testing/graph-fixture.js';
import { delayGraph, sendGraph, sentMessage } from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { runEventRoutes } from './run-events.js';
import { watchersOf } from './run-watcher.js';

const stubs = recordingActivities({ 'discord.sendMessage': sentMessage });
let worker: TestWorker;
let service: TestService;
const GUILD = '330000000000000001';
const OTHER = '330000000000000002';
const graphs = `/api/guilds/${GUILD}/graphs`;
const eventsPath = (runId: string, guildId = GUILD) =>
  `/api/guilds/${guildId}/runs/${runId}/events`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

async function startRun(doc = sendGraph(), body: unknown = {}): Promise<string> {
  const { body: graph } = await service.api('POST', graphs, { body: doc });
  const answer = await service.api('POST', `${graphs}/${graph.id}/runs`, { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.runId as string;
}

const subscribe = (runId: string) =>
  openEventStream(service.url, service.adminToken, eventsPath(runId));
const stepOf = (steps: StepLog[], nodeId: string) => steps.find((s) => s.nodeId === nodeId);
const watchers = () => watchersOf(service.deps);

describe('GET /api/guilds/:guildId/runs/:runId/events', () => {
  it('streams a compressed delay live: the run, the wait with its end, the step completed, the end', async () => {
    // 1 h at 1200× is 3 s of real time.
    const runId = await startRun(delayGraph('1h', 'done waiting'), { timeScale: 1200 });
    const stream = await subscribe(runId);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const first = await stream.next(() => true, 'the first event');
    expect(first.type).toBe('run');
    expect(first.data).toMatchObject({ runId, status: 'running', version: 0 });

    // The wait shows until when (real and as if uncompressed), in the first event or a step event.
    const waiting = await stream.next(
      (e) => stepOf(e.data.steps ?? [], 'wait')?.status === 'waiting',
      'the delay waiting',
    );
    const wait = stepOf(waiting.data.steps, 'wait') as StepLog;
    expect(wait.wait?.for).toBe('delay');
    const began = Date.parse(wait.startedAt);
    expect(Date.parse(wait.wait?.until ?? '') - began).toBe(3000);
    expect(Date.parse(wait.wait?.untilUncompressed ?? '') - began).toBe(3_600_000);

    const completed = await stream.next(
      (e) => e.type === 'step' && stepOf(e.data.steps, 'wait')?.status === 'completed',
      'the delay completed',
    );
    const end = await stream.next((e) => e.type === 'end', 'the end');
    expect(end.data).toMatchObject({ status: 'completed', endedAt: expect.any(String) });
    await stream.ended; // the server closed the stream after `end`
    expect(stream.events.indexOf(completed)).toBeGreaterThan(stream.events.indexOf(waiting));
    expect(stream.events.at(-1)).toBe(end);
    const last = stream.events.filter((e) => e.type === 'step').at(-1);
    expect(stepOf(last?.data.steps, 'send')).toMatchObject({ status: 'completed' });

    // Latency: a workflow task changed the steps (its history event time) → the event arrived.
    const latencies = stream.events
      .filter((e) => e.type === 'step' && e.data.changedAt)
      .map((e) => e.receivedAt - Date.parse(e.data.changedAt));
    console.info(`step change → SSE event (ms): ${latencies.join(', ')}`);
    expect(latencies.length).toBeGreaterThanOrEqual(1);
    await eventually(() => (watchers().size === 0 ? true : undefined), 'the watcher to stop');
  });

  it('measures step change → event latency over a run of several steps, for three clients', async () => {
    // Three 1 h delays at 3600× (1 s each), a message after each: 7 steps, 6 workflow tasks.
    const chain = ['t', 'd1', 's1', 'd2', 's2', 'd3', 's3'];
    const doc = graph(
      chain.map((id): [string, string, Record<string, unknown>?] =>
        id === 't'
          ? [id, 'trigger.manual']
          : id.startsWith('d')
            ? [id, 'flow.delay', { duration: '1h' }]
            : [id, 'discord.sendMessage', { channelId: '123456789012345678', content: id }],
      ),
      chain.slice(1).map((id, i): [string, string, string] => [chain[i] ?? 't', 'out', id]),
    );
    const runId = await startRun(doc, { timeScale: 3600 });
    const clients = [await subscribe(runId), await subscribe(runId), await subscribe(runId)];
    const latencies: number[] = [];
    for (const client of clients) {
      await client.next((e) => e.type === 'end', 'the end');
      for (const e of client.events)
        if (e.type === 'step' && e.data.changedAt)
          latencies.push(e.receivedAt - Date.parse(e.data.changedAt));
      // Every client saw each step complete, in order.
      const final = client.events.filter((e) => e.type === 'step').at(-1);
      expect(final?.data.steps.map((s: StepLog) => s.status)).toEqual(chain.map(() => 'completed'));
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.info(
      `step change → SSE event over ${latencies.length} events (3 clients): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${latencies.at(-1)} ms`,
    );
    // Changes that land close together arrive as one event (the steps as they are then), so a
    // loaded machine sends fewer: at least one per client, each with every step at its end.
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    // Reported, not asserted: speed goals live in benchmarks (a loaded CI machine is no clock).
  });

  it('answers a finished run with its detail and end at once', async () => {
    const runId = await startRun();
    await eventually(async () => {
      const { body } = await service.api('GET', `/api/guilds/${GUILD}/runs/${runId}`);
      return body.status === 'completed' ? true : undefined;
    }, 'the run to complete');
    const stream = await subscribe(runId);
    await stream.ended;
    expect(stream.events.map((e) => e.type)).toEqual(['run', 'end']);
    expect(stream.events[0]?.data.steps.map((s: StepLog) => s.status)).toEqual([
      'completed',
      'completed',
    ]);
  });

  it('answers 404 JSON, not a stream, for another guild’s run and a missing one', async () => {
    const runId = await startRun(delayGraph('1h', 'never'));
    for (const path of [eventsPath(runId, OTHER), eventsPath('run_doesNotExist')]) {
      const answer = await service.api('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/json/);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect(watchers().size).toBe(0);
    await service.api('POST', `/api/guilds/${GUILD}/runs/${runId}/cancel`);
  });

  it('sends heartbeat comments while nothing changes', async () => {
    const app = express();
    app.use('/api/guilds/:guildId', runEventRoutes(service.deps, { heartbeatMs: 100 }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const runId = await startRun(delayGraph('1h', 'never'));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stream = await openEventStream(base, '', eventsPath(runId));
    try {
      await eventually(() => (stream.comments.length >= 3 ? true : undefined), 'heartbeats');
      expect(stream.comments[0]).toMatch(/^: keep-alive /);
    } finally {
      stream.close();
      server.closeAllConnections();
      server.close();
      await service.api('POST', `/api/guilds/${GUILD}/runs/${runId}/cancel`);
    }
  });
});
