import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import mongoose, { type Connection } from 'mongoose';
import { testStack } from '@guildflow/stack/testing';
import type { ActionInput, GraphRunResult } from '../../interpreter/contract.js';
import { graph } from '../../testing/graph-fixture.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { sendGraph } from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { noActivation } from '../graphs/activation.js';
import { insertGraph } from '../graphs/graph-store.js';
import { disableGraph, publishGraph } from '../graphs/publishing.js';
import { openStore, type Store } from '../storage/index.js';
import { createDataExecutors } from './data-executors.js';
import { createEngineActivities } from './engine-activities.js';
import { enterCollect, waitsFor } from './router-queries.js';

const GUILD = '600000000000000001';
const MESSAGE = '900000000000000001';
const user = (id: string) => ({ id, username: `user${id}`, mention: `<@${id}>` });
let mongo: Connection;
let store: Store;
let engine: ReturnType<typeof createEngineActivities>;

beforeAll(async () => {
  mongo = await mongoose.createConnection(testStack().mongoUri).asPromise();
  store = await openStore(mongo);
  engine = createEngineActivities(mongo);
});
afterAll(() => mongo.close());

describe('engine activities on the store', () => {
  it('registers, finds and clears waits (idempotently)', async () => {
    const wait = {
      waitId: 'run_a:3',
      workflowId: 'run_a',
      guildId: GUILD,
      event: 'button' as const,
      messageId: MESSAGE,
      customId: 'yes',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    await engine['engine.registerWait'](wait);
    await engine['engine.registerWait'](wait); // a retried activity
    expect(await store.waits.countDocuments({ _id: 'run_a:3' })).toBe(1);
    expect(
      (
        await waitsFor(store, {
          guildId: GUILD,
          messageId: MESSAGE,
          event: 'button',
          customId: 'yes',
          userId: '1',
        })
      ).map((w) => w._id),
    ).toEqual(['run_a:3']);
    expect(
      await waitsFor(store, {
        guildId: GUILD,
        messageId: MESSAGE,
        event: 'button',
        customId: 'no',
      }),
    ).toEqual([]);
    expect(
      await waitsFor(store, {
        guildId: GUILD,
        messageId: MESSAGE,
        event: 'reaction',
        customId: 'yes',
      }),
    ).toEqual([]);
    await engine['engine.clearWait']({ waitId: 'run_a:3' });
    expect(
      await waitsFor(store, {
        guildId: GUILD,
        messageId: MESSAGE,
        event: 'button',
        customId: 'yes',
      }),
    ).toEqual([]);
  });

  it('collects one entry per user while the window is open', async () => {
    await engine['engine.openCollect']({
      collectId: 'run_b:2',
      workflowId: 'run_b',
      guildId: GUILD,
      messageId: MESSAGE,
      customId: 'enter',
      closesAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const clicks = [user('1'), user('2'), user('1'), user('1')].map((u) =>
      enterCollect(store, { guildId: GUILD, messageId: MESSAGE, customId: 'enter', user: u }),
    );
    await Promise.all(clicks);
    await enterCollect(store, {
      guildId: GUILD,
      messageId: MESSAGE,
      customId: 'other',
      user: user('3'),
    });
    const collected = await engine['engine.readCollected']({ collectId: 'run_b:2' });
    expect(collected.count).toBe(2);
    expect(collected.users.map((u) => u.id).sort()).toEqual(['1', '2']);
    expect(collected.users[0]).toMatchObject({
      username: expect.stringMatching(/^user/),
      mention: expect.stringMatching(/^<@/),
    });

    await store.collectWindows.updateOne(
      { _id: 'run_b:2' },
      { $set: { closesAt: new Date(Date.now() - 1) } },
    );
    expect(
      await enterCollect(store, {
        guildId: GUILD,
        messageId: MESSAGE,
        customId: 'enter',
        user: user('4'),
      }),
    ).toEqual([]);
  });

  it('routes an event only to the waits and collect windows of its own guild', async () => {
    const other = '600000000000000002';
    const message = '900000000000000002';
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    // Guild GUILD's runs watch a message id that lives in guild `other`.
    await engine['engine.registerWait']({
      waitId: 'run_c:1',
      workflowId: 'run_c',
      guildId: GUILD,
      event: 'reply',
      messageId: message,
      expiresAt,
    });
    await engine['engine.openCollect']({
      collectId: 'run_c:2',
      workflowId: 'run_c',
      guildId: GUILD,
      messageId: message,
      emoji: '🎉',
      closesAt: expiresAt,
    });
    await engine['engine.registerWait']({
      waitId: 'run_d:1',
      workflowId: 'run_d',
      guildId: other,
      event: 'reply',
      messageId: message,
      expiresAt,
    });

    const replies = await waitsFor(store, { guildId: other, messageId: message, event: 'reply' });
    expect(replies.map((w) => w._id)).toEqual(['run_d:1']);
    expect(
      await enterCollect(store, {
        guildId: other,
        messageId: message,
        emoji: '🎉',
        user: user('5'),
      }),
    ).toEqual([]);
    expect((await engine['engine.readCollected']({ collectId: 'run_c:2' })).count).toBe(0);
    // The same message seen from its watcher's own guild still reaches it.
    expect(
      await enterCollect(store, {
        guildId: GUILD,
        messageId: message,
        emoji: '🎉',
        user: user('6'),
      }),
    ).toEqual(['run_c:2']);
  });

  it('loads the published snapshot of a graph, refusing unknown, unpublished and disabled graphs', async () => {
    const actor = { kind: 'admin' as const, id: 'admin' };
    const record = await insertGraph(store, {
      guildId: GUILD,
      doc: sendGraph('child'),
      issues: [],
      actor,
    });
    const load = () => engine['engine.loadGraph']({ guildId: GUILD, graphId: record._id });
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: unknown) => e as ApplicationFailure,
      );

    expect(await failure(load())).toMatchObject({
      type: 'GraphNotPublished',
      nonRetryable: true,
    });
    const published = await publishGraph({ store, activation: noActivation, actor }, record);
    expect(await load()).toEqual({
      graphId: record._id,
      guildId: GUILD,
      version: 1,
      document: sendGraph('child'),
    });
    expect(
      await failure(
        engine['engine.loadGraph']({ guildId: '600000000000000009', graphId: record._id }),
      ),
    ).toMatchObject({ type: 'GraphNotFound' });
    await disableGraph({ store, activation: noActivation, actor }, published);
    expect(await failure(load())).toMatchObject({ type: 'GraphDisabled' });
  });
});

describe('engine activities and data executors in a real worker', () => {
  let worker: TestWorker;
  let service: TestService;
  const stubs = recordingActivities({
    'discord.sendMessage': {
      output: () => ({ messageId: MESSAGE.replace(/1$/, '7'), channelId: '1' }),
    },
  });

  let shared: Connection;

  beforeAll(async () => {
    // The worker gets the real engine.* and data.* activities, on the service's database.
    shared = await mongoose.createConnection(testStack().mongoUri).asPromise();
    const real = { ...createEngineActivities(shared), ...createDataExecutors(shared) };
    worker = await startTestWorker({ ...stubs.activities, ...real });
    service = await startTestService({ taskQueue: worker.taskQueue, mongo: shared });
  });
  afterAll(async () => {
    await service.close();
    await worker.stop();
    await shared.close();
  });

  it('runs a giveaway: collect entries from the store, count them with data.increment', async () => {
    const giveaway = graph(
      [
        ['t', 'trigger.manual'],
        [
          'post',
          'discord.sendMessage',
          { channelId: '123456789012345678', content: 'Click to enter' },
        ],
        [
          'entries',
          'flow.collect',
          { messageId: '{{ nodes.post.messageId }}', customId: 'enter', duration: '2s' },
        ],
        [
          'count',
          'data.increment',
          { key: 'giveaways', scope: 'guild', by: '{{ nodes.entries.count }}' },
        ],
      ],
      [
        ['t', 'out', 'post'],
        ['post', 'out', 'entries'],
        ['entries', 'out', 'count'],
      ],
    );
    const graphs = `/api/guilds/${GUILD}/graphs`;
    const { body } = await service.api('POST', graphs, { body: giveaway });
    expect(body.issues).toEqual([]);
    const { body: started } = await service.api('POST', `${graphs}/${body.id}/runs`, { body: {} });
    const messageId = MESSAGE.replace(/1$/, '7');
    await eventually(
      async () =>
        (await service.store.collectWindows.countDocuments({ messageId })) > 0 || undefined,
      'the collect window',
    );
    for (const u of [user('10'), user('11'), user('10')])
      await enterCollect(service.store, { guildId: GUILD, messageId, customId: 'enter', user: u });

    const result = (await service.deps.temporal.client.workflow
      .getHandle(started.runId)
      .result()) as GraphRunResult;
    expect(result.steps.find((s) => s.nodeId === 'entries')?.output).toMatchObject({ count: 2 });
    expect(result.steps.find((s) => s.nodeId === 'count')?.output).toEqual({ value: 2 });
    const get = createDataExecutors(service.deps.mongo)['data.get'];
    const context = {
      runId: 'r',
      graphId: body.id,
      guildId: GUILD,
      version: 0,
      nodeId: 'g',
      idempotencyKey: 'r:g',
      simulate: false,
    };
    expect(
      await get({ config: { key: 'giveaways', scope: 'guild' }, context } as ActionInput),
    ).toEqual({ value: 2 });
  });
});
