import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSearchAttributes, type StepLog } from '../../interpreter/contract.js';
import { openEventStream, type EventStreamClient } from '../../testing/event-stream.js';
import { graph } from '../../testing/graph-fixture.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { delayGraph, sentMessage } from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { watchersOf } from './run-watcher.js';
import { graphWorkflow } from '../../interpreter/workflows.js';

const stubs = recordingActivities({ 'discord.sendMessage': sentMessage });
let worker: TestWorker;
let service: TestService;
const GUILD = '340000000000000001';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

async function startRun(doc = delayGraph('1h', 'never')): Promise<string> {
  const { body: created } = await service.api('POST', graphs, { body: doc });
  const answer = await service.api('POST', `${graphs}/${created.id}/runs`, { body: {} });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.runId as string;
}

const subscribe = (runId: string) =>
  openEventStream(service.url, service.adminToken, `/api/guilds/${GUILD}/runs/${runId}/events`);
const watchers = () => watchersOf(service.deps);

describe('run watchers', () => {
  it('shares one watcher (one long poll) between two clients, both see the end', async () => {
    const runId = await startRun(delayGraph('1h', 'never'));
    const a = await subscribe(runId);
    const b = await subscribe(runId);
    await a.next((e) => e.type === 'run', 'a: the run');
    await b.next((e) => e.type === 'run', 'b: the run');
    await eventually(
      () =>
        watchers().size === 1 &&
        watchers().subscribers(GUILD, runId) === 2 &&
        watchers().longPolls === 1
          ? true
          : undefined,
      'one watcher with two subscribers and one long poll',
    );
    expect((await service.api('POST', `/api/guilds/${GUILD}/runs/${runId}/cancel`)).status).toBe(
      202,
    );
    for (const client of [a, b]) {
      const end = await client.next((e) => e.type === 'end', 'the end');
      expect(end.data).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
      await client.ended;
    }
    await eventually(
      () => (watchers().size === 0 && watchers().longPolls === 0 ? true : undefined),
      'the watcher gone',
    );
  });

  it('frees the watcher and its long poll when the clients leave', async () => {
    const runId = await startRun(delayGraph('1h', 'never'));
    const clients: EventStreamClient[] = [await subscribe(runId), await subscribe(runId)];
    for (const c of clients) await c.next((e) => e.type === 'run', 'the run');
    await eventually(() => (watchers().longPolls === 1 ? true : undefined), 'the long poll');
    clients[0]?.close();
    await eventually(
      () => (watchers().subscribers(GUILD, runId) === 1 ? true : undefined),
      'one subscriber left',
    );
    expect(watchers().size).toBe(1);
    clients[1]?.close();
    await eventually(
      () => (watchers().size === 0 && watchers().longPolls === 0 ? true : undefined),
      'no watcher and no long poll',
    );
    await service.api('POST', `/api/guilds/${GUILD}/runs/${runId}/cancel`);
  });

  it('follows a run that continues as new until it really ends', async () => {
    // A 1 s wait (to subscribe before the run moves on), then 8 messages; continue-as-new every
    // ~20 history events, so the run lives in several executions of the same workflow id.
    const sends = Array.from({ length: 8 }, (_, i) => `s${i}`);
    const ids = ['t', 'd', ...sends];
    const doc = graph(
      ids.map((id): [string, string, Record<string, unknown>?] =>
        id === 't'
          ? [id, 'trigger.manual']
          : id === 'd'
            ? [id, 'flow.delay', { duration: '1s' }]
            : [id, 'discord.sendMessage', { channelId: '123456789012345678', content: id }],
      ),
      ids.slice(1).map((id, i): [string, string, string] => [ids[i] ?? 't', 'out', id]),
    );
    const snapshot = {
      graphId: 'g_continuesAsNew00000000',
      guildId: GUILD,
      version: 0,
      document: doc,
    };
    const runId = 'run_watcherContinuesAsNew';
    const handle = await service.deps.temporal.client.workflow.start(graphWorkflow, {
      taskQueue: worker.taskQueue,
      workflowId: runId,
      args: [
        {
          graph: snapshot,
          trigger: { type: 'trigger.manual', payload: {} },
          continueAsNewAfterEvents: 20,
        },
      ],
      typedSearchAttributes: runSearchAttributes(snapshot, 'trigger.manual'),
    });
    const stream = await subscribe(runId);
    await stream.next((e) => e.type === 'run', 'the run');
    const end = await stream.next((e) => e.type === 'end', 'the end', 30_000);
    expect(end.data.status).toBe('completed');
    expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
    const last = stream.events.filter((e) => e.type === 'step').at(-1);
    expect(last?.data.steps.map((s: StepLog) => [s.nodeId, s.status])).toEqual(
      ids.map((id) => [id, 'completed']),
    );
    // Steps were seen changing along the way, not only at the end.
    expect(stream.events.filter((e) => e.type === 'step').length).toBeGreaterThan(3);
  });
});
