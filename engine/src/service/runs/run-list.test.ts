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
const GUILD = '320000000000000001';
const OTHER = '320000000000000002';
const runs = `/api/guilds/${GUILD}/runs`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

async function graph(doc = sendGraph()): Promise<string> {
  const { body } = await service.api('POST', `/api/guilds/${GUILD}/graphs`, { body: doc });
  return body.id as string;
}

async function run(graphId: string): Promise<string> {
  const answer = await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/runs`, {
    body: {},
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.runId as string;
}

interface Row {
  runId: string;
  status: string;
  triggerType: string;
  version: number;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
}

describe('GET /api/guilds/:guildId/runs, paged', () => {
  it('pages 5 runs by 2: three pages, each run once, the last page without a cursor', async () => {
    const graphId = await graph();
    const started: string[] = [];
    for (let i = 0; i < 5; i += 1) started.push(await run(graphId));
    await eventually(async () => {
      const { body } = await service.api('GET', `${runs}?graphId=${graphId}&status=completed`);
      return body.runs.length === 5 ? true : undefined;
    }, 'the 5 runs completed in visibility');

    const pages: Row[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `graphId=${graphId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await service.api('GET', `${runs}?${query}`);
      expect(status, JSON.stringify(body)).toBe(200);
      pages.push(body.runs as Row[]);
      cursor = body.nextCursor as string | null;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const seen = pages.flat().map((r) => r.runId);
    expect([...seen].sort()).toEqual([...started].sort());
    // Newest first: visibility lists closed runs by close time, the last to end first.
    const ends = pages.flat().map((r) => Date.parse(r.endedAt ?? ''));
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    for (const row of pages.flat())
      expect(row).toMatchObject({
        status: 'completed',
        triggerType: 'trigger.manual',
        version: 0,
        durationMs: Date.parse(row.endedAt ?? '') - Date.parse(row.startedAt),
      });
  });

  it('shows a running run with no end and no duration yet', async () => {
    const graphId = await graph(delayGraph('1h', 'later'));
    const runId = await run(graphId);
    const row = await eventually(async () => {
      const { body } = await service.api('GET', `${runs}?graphId=${graphId}`);
      return (body.runs as Row[]).find((r) => r.runId === runId);
    }, 'the running run in visibility');
    expect(row).toMatchObject({ status: 'running', endedAt: null, durationMs: null });
    await service.api('POST', `${runs}/${runId}/cancel`);
  });

  it('refuses a cursor it did not give, or one made for other filters, saying what to do', async () => {
    const graphId = await graph();
    await run(graphId);
    await run(graphId);
    const first = await eventually(async () => {
      const { body } = await service.api('GET', `${runs}?graphId=${graphId}&limit=1`);
      return body.nextCursor ? body : undefined;
    }, 'a second page');
    for (const query of [
      'cursor=not-a-cursor',
      'cursor=a%2Fb',
      `cursor=${first.nextCursor}`, // made for graphId=…, used without it
      `cursor=${first.nextCursor}&graphId=${graphId}&status=failed`,
    ]) {
      const { status, body } = await service.api('GET', `${runs}?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message, query).toMatch(/cursor|must match/);
    }
    // Another guild's list never shows this guild's runs, cursor or not.
    const foreign = await service.api(
      'GET',
      `/api/guilds/${OTHER}/runs?graphId=${graphId}&limit=1`,
    );
    expect(foreign.body).toEqual({ runs: [], nextCursor: null });
  });
});
