import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionInput, StepLog } from '../../interpreter/contract.js';
import { graph } from '../../testing/graph-fixture.js';
import { startRun } from '../runs/start-run.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';

const stubs = recordingActivities({
  'discord.sendMessage': { output: (i: ActionInput) => ({ messageId: `m-${i.context.runId}` }) },
  'discord.addRole': {},
});
let worker: TestWorker;
let service: TestService;
const GUILD = '310000000000000001';
const OTHER = '310000000000000002';
const graphs = (guild = GUILD) => `/api/guilds/${guild}/graphs`;

// A message, a condition, then a role whose reason quotes the message id.
const doc = graph(
  [
    ['t', 'trigger.manual'],
    ['send', 'discord.sendMessage', { channelId: '123456789012345678', content: 'hi' }],
    ['check', 'flow.if', { condition: 'true' }],
    [
      'role',
      'discord.addRole',
      {
        userId: '123456789012345679',
        roleId: '123456789012345680',
        reason: 'after {{ nodes.send.messageId }}',
      },
    ],
  ],
  [
    ['t', 'out', 'send'],
    ['send', 'out', 'check'],
    ['check', 'true', 'role'],
  ],
);

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

async function newGraph(guild = GUILD): Promise<string> {
  const created = await service.api('POST', graphs(guild), { body: doc });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function run(graphId: string, body: unknown = {}, guild = GUILD) {
  const started = await service.api('POST', `${graphs(guild)}/${graphId}/runs`, { body });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const runId = started.body.runId as string;
  const detail = await eventually(async () => {
    const { body: b } = await service.api('GET', `/api/guilds/${guild}/runs/${runId}`);
    return b.status === 'running' ? undefined : b;
  }, `run ${runId} to end`);
  expect(detail.status).toBe('completed');
  return { runId, steps: detail.steps as StepLog[] };
}

const callsIn = (type: string, runId: string) =>
  stubs.callsOf(type).filter((c) => (c.input as ActionInput).context.runId === runId);
const stepOf = (steps: StepLog[], nodeId: string) => steps.find((s) => s.nodeId === nodeId);

describe('test runs of a draft', () => {
  it('are simulated: simulate omitted runs in the sandbox, simulate: false is refused and starts nothing', async () => {
    const graphId = await newGraph();
    const refused = await service.api('POST', `${graphs()}/${graphId}/runs`, {
      body: { simulate: false },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('sandbox_only');
    expect(refused.body.error.message).toMatch(/sandbox only.*Publish/);
    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${graphId}`);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).not.toContain('run.start');

    const { runId } = await run(graphId);
    expect(
      callsIn('discord.sendMessage', runId).map((c) => (c.input as ActionInput).context.simulate),
    ).toEqual([true]);
    // A published graph's draft is still sandbox-only with draft: true.
    await service.api('POST', `${graphs()}/${graphId}/publish`);
    const draftLive = await service.api('POST', `${graphs()}/${graphId}/runs`, {
      body: { draft: true, simulate: false },
    });
    expect(draftLive.status).toBe(400);
    expect(draftLive.body.error.code).toBe('sandbox_only');
  });
});

describe('pinned data', () => {
  it('a test run uses a typed pin instead of executing the node; live runs never do', async () => {
    const graphId = await newGraph();
    const pinPath = `${graphs()}/${graphId}/pins/send`;
    const put = await service.api('PUT', pinPath, { body: { output: { messageId: 'pinned-1' } } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({
      nodeId: 'send',
      output: { messageId: 'pinned-1' },
      port: 'out',
      pinnedAt: expect.any(String),
      pinnedBy: 'admin',
    });
    expect((await service.api('GET', `${graphs()}/${graphId}/pins`)).body.pins).toEqual([put.body]);

    const test = await run(graphId);
    expect(callsIn('discord.sendMessage', test.runId)).toEqual([]);
    expect(
      callsIn('discord.addRole', test.runId).map((c) => (c.input as ActionInput).config.reason),
    ).toEqual(['after pinned-1']);
    expect(stepOf(test.steps, 'send')).toMatchObject({
      status: 'completed',
      port: 'out',
      output: { messageId: 'pinned-1' },
      pinned: true,
    });

    // Published: a live run executes the node; a simulated one may use the pins, or not.
    await service.api('POST', `${graphs()}/${graphId}/publish`);
    const live = await run(graphId);
    expect(callsIn('discord.sendMessage', live.runId)).toHaveLength(1);
    expect(stepOf(live.steps, 'send')?.pinned).toBeUndefined();
    const simulated = await run(graphId, { simulate: true });
    expect(callsIn('discord.sendMessage', simulated.runId)).toEqual([]);
    const unpinned = await run(graphId, { simulate: true, pins: false });
    expect(callsIn('discord.sendMessage', unpinned.runId)).toHaveLength(1);
    const livePins = await service.api('POST', `${graphs()}/${graphId}/runs`, {
      body: { pins: true },
    });
    expect(livePins.status).toBe(400);
    expect(livePins.body.error.message).toMatch(/test runs only/);

    // Unpinned: the test run executes the node again.
    expect((await service.api('DELETE', pinPath)).status).toBe(204);
    expect((await service.api('DELETE', pinPath)).status).toBe(404);
    expect((await service.api('GET', `${graphs()}/${graphId}/pins`)).body.pins).toEqual([]);
    const after = await run(graphId, { draft: true });
    expect(callsIn('discord.sendMessage', after.runId)).toHaveLength(1);
    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${graphId}`);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['pin.set', 'pin.delete']));
  });

  it('startRun refuses to start a live run that carries pins', async () => {
    const before = stubs.calls.length;
    await expect(
      startRun({
        client: service.deps.temporal.client,
        taskQueue: worker.taskQueue,
        snapshot: { graphId: 'g', guildId: GUILD, version: 1, document: doc },
        trigger: { type: 'trigger.manual', payload: {} },
        triggerType: 'trigger.manual',
        options: { pins: { send: { output: {}, port: 'out' } } },
      }),
    ).rejects.toThrow(/simulated runs only/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stubs.calls.length).toBe(before);
  });

  it('copies a past run’s step (fromRun); a run of another guild or graph is not found', async () => {
    const graphId = await newGraph();
    const past = await run(graphId);
    const pinPath = `${graphs()}/${graphId}/pins/send`;
    const copied = await service.api('PUT', pinPath, { body: { fromRun: past.runId } });
    expect(copied.status, JSON.stringify(copied.body)).toBe(200);
    expect(copied.body).toMatchObject({
      nodeId: 'send',
      port: 'out',
      output: { messageId: `m-${past.runId}` },
    });
    const next = await run(graphId);
    expect(callsIn('discord.sendMessage', next.runId)).toEqual([]);
    expect(
      callsIn('discord.addRole', next.runId).map((c) => (c.input as ActionInput).config.reason),
    ).toEqual([`after m-${past.runId}`]);

    const otherGuildRun = await run(await newGraph(OTHER), {}, OTHER);
    const otherGraphRun = await run(await newGraph());
    for (const fromRun of [otherGuildRun.runId, otherGraphRun.runId, 'run_doesNotExist']) {
      const answer = await service.api('PUT', pinPath, { body: { fromRun } });
      expect(answer.status, fromRun).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    // The refused copies changed nothing.
    expect((await service.api('GET', `${graphs()}/${graphId}/pins`)).body.pins[0].output).toEqual({
      messageId: `m-${past.runId}`,
    });
  });

  it('refuses triggers, flow nodes, unknown nodes and ports, oversized outputs and other guilds', async () => {
    const graphId = await newGraph();
    const pin = (nodeId: string, body: unknown, guild = GUILD) =>
      service.api('PUT', `${graphs(guild)}/${graphId}/pins/${nodeId}`, { body });
    for (const nodeId of ['t', 'check']) {
      const answer = await pin(nodeId, { output: {} });
      expect(answer.status, nodeId).toBe(400);
      expect(answer.body.error.code).toBe('not_pinnable');
    }
    expect((await pin('t', { output: {} })).body.error.message).toMatch(/payload/);
    expect((await pin('check', { output: {} })).body.error.message).toMatch(/flow\.if.*control/);
    const port = await pin('send', { output: {}, port: 'true' });
    expect(port.status).toBe(400);
    expect(port.body.error.message).toMatch(/use one of: out, error/);
    expect((await pin('send', { output: {}, port: 'error' })).body.port).toBe('error');
    expect((await pin('gone', { output: {} })).status).toBe(404);
    expect((await pin('send', { output: 'x'.repeat(70_000) })).status).toBe(400);
    expect((await pin('send', {})).status).toBe(400);
    expect((await pin('send', { output: 1, fromRun: 'run_x' })).status).toBe(400);
    expect((await pin('send', { output: {} }, OTHER)).status).toBe(404);
    expect((await service.api('GET', `${graphs(OTHER)}/${graphId}/pins`)).status).toBe(404);
    expect((await service.api('DELETE', `${graphs(OTHER)}/${graphId}/pins/send`)).status).toBe(404);
    // Still the one pin set above.
    expect(
      (await service.api('GET', `${graphs()}/${graphId}/pins`)).body.pins.map(
        (p: { port: string }) => p.port,
      ),
    ).toEqual(['error']);

    // Deleting the graph removes its pins.
    expect((await service.api('DELETE', `${graphs()}/${graphId}`)).status).toBe(204);
    expect(await service.store.pins.countDocuments({ graphId })).toBe(0);
  });
});
