import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  INTERPRETER_VERSION,
  type ActionInput,
  type GraphRunInput,
  type StepLog,
} from '../../interpreter/contract.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import {
  delayGraph,
  failingGraph,
  invalidDraft,
  sendGraph,
  sentMessage,
} from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';

const stubs = recordingActivities({
  'discord.sendMessage': sentMessage,
  'discord.kickMember': {
    fail: {
      type: 'discord.missing_permissions',
      message: 'Missing Permissions',
      nonRetryable: true,
    },
  },
});
let worker: TestWorker;
let service: TestService;
const GUILD = '300000000000000001';
const OTHER = '300000000000000002';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

async function publishedGraph(doc = sendGraph('hello {{ trigger.name }}')): Promise<string> {
  const { body } = await service.api('POST', graphs, { body: doc });
  expect((await service.api('POST', `${graphs}/${body.id}/publish`)).status).toBe(200);
  return body.id as string;
}

async function startRun(graphId: string, body: unknown = {}): Promise<string> {
  const answer = await service.api('POST', `${graphs}/${graphId}/runs`, { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.runId as string;
}

const runPath = (runId: string, guildId = GUILD) =>
  `/api/guilds/${guildId}/runs/${encodeURIComponent(runId)}`;

async function finished(runId: string) {
  return eventually(async () => {
    const { body } = await service.api('GET', runPath(runId));
    return body.status === 'running' ? undefined : body;
  }, `run ${runId} to end`);
}

const sentContents = () =>
  stubs.callsOf('discord.sendMessage').map((c) => (c.input as ActionInput).config.content);

describe('runs API', () => {
  it('runs the published version and shows the finished run node by node', async () => {
    const graphId = await publishedGraph();
    const started = await service.api('POST', `${graphs}/${graphId}/runs`, {
      body: { payload: { name: 'Ana' } },
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ runId: expect.stringMatching(/^run_/), graphId, version: 1 });
    const detail = await finished(started.body.runId);
    expect(detail).toMatchObject({
      runId: started.body.runId,
      graphId,
      version: 1,
      status: 'completed',
      triggerType: 'trigger.manual',
      droppedSteps: 0,
    });
    expect(Date.parse(detail.endedAt)).toBeGreaterThanOrEqual(Date.parse(detail.startedAt));
    expect(detail.steps.map((s: StepLog) => [s.nodeId, s.status])).toEqual([
      ['t', 'completed'],
      ['send', 'completed'],
    ]);
    expect(detail.steps[1].input).toMatchObject({ content: 'hello Ana' });
    expect(sentContents()).toContain('hello Ana');

    const description = await service.deps.temporal.client.workflow
      .getHandle(started.body.runId)
      .describe();
    expect(description.memo).toMatchObject({ interpreterVersion: INTERPRETER_VERSION });
    expect(description.taskQueue).toBe(worker.taskQueue);
    // The guild is the run's fairness key: queues serve guilds in turn (the Discord budget).
    expect(description.raw.workflowExecutionInfo?.priority?.fairnessKey).toBe(GUILD);
  });

  it('runs a run again with its version and payload, even after a new version is published', async () => {
    const graphId = await publishedGraph(sendGraph('v1 for {{ trigger.name }}'));
    const first = await startRun(graphId, { payload: { name: 'Bea' }, timeScale: 5 });
    await finished(first);
    await service.api('PUT', `${graphs}/${graphId}`, {
      body: sendGraph('v2 for {{ trigger.name }}'),
    });
    expect((await service.api('POST', `${graphs}/${graphId}/publish`)).status).toBe(200);
    const again = await service.api('POST', `${runPath(first)}/rerun`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ graphId, version: 1 });
    expect(again.body.runId).not.toBe(first);
    const detail = await finished(again.body.runId as string);
    expect(detail.steps[1].input).toMatchObject({ content: 'v1 for Bea' });
    expect(
      (await service.api('POST', `${runPath(first, '1300000000000000999')}/rerun`)).status,
    ).toBe(404);
  });

  it('test-runs the draft as version 0 while nothing is published, and refuses an invalid draft', async () => {
    const { body: graph } = await service.api('POST', graphs, { body: sendGraph('draft run') });
    const runId = await startRun(graph.id);
    expect(await finished(runId)).toMatchObject({ version: 0, status: 'completed' });

    const { body: broken } = await service.api('POST', graphs, { body: invalidDraft() });
    const refused = await service.api('POST', `${graphs}/${broken.id}/runs`, { body: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_graph',
      details: [expect.objectContaining({ code: 'invalid_config' })],
    });

    const badOptions = await service.api('POST', `${graphs}/${graph.id}/runs`, {
      body: { timeScale: 0, extra: 1 },
    });
    expect(badOptions.status).toBe(400);
    expect(badOptions.body.error.code).toBe('invalid_request');
  });

  it('shows a failed run with its error and the steps read from the closed workflow', async () => {
    const graphId = await publishedGraph(failingGraph());
    const detail = await finished(await startRun(graphId));
    expect(detail.status).toBe('failed');
    expect(detail.error).toEqual({
      code: 'discord.missing_permissions',
      message: expect.stringMatching(/kick.*Missing Permissions/),
    });
    expect(detail.steps.find((s: StepLog) => s.nodeId === 'kick')).toMatchObject({
      status: 'failed',
      error: { code: 'discord.missing_permissions' },
    });
  });

  it('lists runs from Temporal visibility, filtered by graph and status', async () => {
    const graphId = await publishedGraph();
    const otherGraphId = await publishedGraph();
    const runId = await startRun(graphId);
    const otherRunId = await startRun(otherGraphId);
    await finished(runId);
    await finished(otherRunId);
    const listed = await eventually(async () => {
      const { body } = await service.api(
        'GET',
        `/api/guilds/${GUILD}/runs?graphId=${graphId}&status=completed`,
      );
      return body.runs.length > 0 ? body.runs : undefined;
    }, 'the run in visibility');
    expect(listed).toEqual([
      {
        runId,
        graphId,
        version: 1,
        status: 'completed',
        triggerType: 'trigger.manual',
        startedAt: expect.any(String),
        endedAt: expect.any(String),
        durationMs: Date.parse(listed[0].endedAt) - Date.parse(listed[0].startedAt),
      },
    ]);
    const all = await service.api('GET', `/api/guilds/${GUILD}/runs`);
    expect(all.body.runs.map((r: { runId: string }) => r.runId)).toEqual(
      expect.arrayContaining([runId, otherRunId]),
    );
    expect(
      (await service.api('GET', `/api/guilds/${GUILD}/runs?graphId=${graphId}&status=running`)).body
        .runs,
    ).toEqual([]);
    expect((await service.api('GET', `/api/guilds/${GUILD}/runs?status=sleeping`)).status).toBe(
      400,
    );
    expect((await service.api('GET', `/api/guilds/${OTHER}/runs`)).body.runs).toEqual([]);
  });

  it('cancels a running run; a finished run cannot be cancelled', async () => {
    const graphId = await publishedGraph(delayGraph('1h', 'never'));
    const runId = await startRun(graphId);
    await eventually(async () => {
      const { body } = await service.api('GET', runPath(runId));
      return body.steps?.find((s: StepLog) => s.nodeId === 'wait' && s.status === 'waiting');
    }, 'the delay to be waiting');
    const cancelled = await service.api('POST', `${runPath(runId)}/cancel`);
    expect(cancelled.status).toBe(202);
    expect(cancelled.body).toEqual({ runId, cancelRequested: true });
    const detail = await finished(runId);
    expect(detail.status).toBe('cancelled');
    expect(detail.error.code).toBe('cancelled');
    const again = await service.api('POST', `${runPath(runId)}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('run_not_running');
    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${graphId}`);
    expect(audit.body.entries.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'run.cancel',
      'run.start',
    ]);
  });

  it('hides runs from other guilds (404) and unknown runs alike', async () => {
    const runId = await startRun(await publishedGraph());
    for (const [method, path] of [
      ['GET', runPath(runId, OTHER)],
      ['POST', `${runPath(runId, OTHER)}/cancel`],
      ['GET', runPath('run_doesNotExist')],
    ] as const) {
      const answer = await service.api(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });

  it('pins a running run to the version it started with while a new one is published', async () => {
    const { body: graph } = await service.api('POST', graphs, {
      body: delayGraph('2s', 'from v1'),
    });
    await service.api('POST', `${graphs}/${graph.id}/publish`);
    const runId = await startRun(graph.id);
    await service.api('PUT', `${graphs}/${graph.id}`, { body: sendGraph('from v2') });
    expect((await service.api('POST', `${graphs}/${graph.id}/publish`)).body.publishedVersion).toBe(
      2,
    );

    const running = await service.api('GET', runPath(runId));
    expect(running.body).toMatchObject({ status: 'running', version: 1 });
    expect(running.body.steps.map((s: StepLog) => s.nodeId)).toContain('wait');
    // The snapshot in the run's input is version 1's document, whatever is published now.
    const history = await service.deps.temporal.client.workflow.getHandle(runId).fetchHistory();
    const payload =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = defaultPayloadConverter.fromPayload<GraphRunInput>(payload as never);
    expect(input.graph).toMatchObject({ graphId: graph.id, guildId: GUILD, version: 1 });
    expect(input.graph.document.nodes.map((n) => n.id)).toEqual(['t', 'wait', 'send']);

    const done = await finished(runId);
    expect(done).toMatchObject({ status: 'completed', version: 1 });
    expect(done.steps.find((s: StepLog) => s.nodeId === 'send').input.content).toBe('from v1');
    // A new run takes version 2.
    expect(await finished(await startRun(graph.id))).toMatchObject({
      version: 2,
      status: 'completed',
    });
    expect(sentContents()).toEqual(expect.arrayContaining(['from v1', 'from v2']));
  });
});
