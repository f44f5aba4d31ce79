import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { delayGraph, sendGraph, sentMessage } from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';

const stubs = recordingActivities({ 'discord.sendMessage': sentMessage });
let worker: TestWorker;
let service: TestService;
const GUILD = '310000000000000001';
const OTHER = '310000000000000002';

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

async function graph(guildId: string, doc = sendGraph()): Promise<string> {
  const { body } = await service.api('POST', `/api/guilds/${guildId}/graphs`, { body: doc });
  return body.id as string;
}

async function run(guildId: string, graphId: string): Promise<string> {
  const answer = await service.api('POST', `/api/guilds/${guildId}/graphs/${graphId}/runs`, {
    body: {},
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.runId as string;
}

async function status(guildId: string, runId: string): Promise<string> {
  return (await service.api('GET', `/api/guilds/${guildId}/runs/${runId}`)).body.status as string;
}

describe('GET /api/guilds/:guildId/runs/latest', () => {
  it('gives each graph’s last run in one answer: running first, else the last to end', async () => {
    const sender = await graph(GUILD);
    const waiter = await graph(GUILD, delayGraph('1h', 'later'));
    const idle = await graph(GUILD);
    const foreign = await graph(OTHER);

    const first = await run(GUILD, sender);
    await eventually(
      async () => ((await status(GUILD, first)) === 'completed' ? true : undefined),
      'run 1',
    );
    const second = await run(GUILD, sender);
    await eventually(
      async () => ((await status(GUILD, second)) === 'completed' ? true : undefined),
      'run 2',
    );
    const waiting = await run(GUILD, waiter);
    await run(OTHER, foreign);

    const latest = await eventually(async () => {
      const { status: code, body } = await service.api('GET', `/api/guilds/${GUILD}/runs/latest`);
      expect(code).toBe(200);
      return body.runs.length === 2
        ? (body.runs as { runId: string; graphId: string }[])
        : undefined;
    }, 'both graphs in visibility');
    const byGraph = Object.fromEntries(latest.map((r) => [r.graphId, r]));
    expect(byGraph[sender]).toMatchObject({ runId: second, status: 'completed', version: 0 });
    expect(byGraph[waiter]).toMatchObject({ runId: waiting, status: 'running', endedAt: null });
    expect(byGraph[idle]).toBeUndefined();
    expect(byGraph[foreign]).toBeUndefined();
    await service.api('POST', `/api/guilds/${GUILD}/runs/${waiting}/cancel`);
  });

  it('is not mistaken for a run id', async () => {
    const { status: code, body } = await service.api('GET', `/api/guilds/${OTHER}/runs/latest`);
    expect(code).toBe(200);
    expect(Array.isArray(body.runs)).toBe(true);
  });
});
