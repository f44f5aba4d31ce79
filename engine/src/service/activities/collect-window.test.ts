import { testStack } from '@guildflow/stack/testing';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WAIT_EVENT_SIGNAL,
  type GraphRunResult,
  type WaitEvent,
} from '../../interpreter/contract.js';
import { graph } from '../../testing/graph-fixture.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { createEngineActivities } from './engine-activities.js';
import { enterCollect, waitsFor } from './router-queries.js';

const GUILD = '600000000000000002';
const MESSAGE = '900000000000000042';
const MEMBER = '700000000000000001';
const BOOSTER = '700000000000000002';
const HOST = '700000000000000003';
const member = (id: string, roles: string[]) => ({
  id,
  username: `user${id}`,
  mention: `<@${id}>`,
  roles,
});

/**
 * flow.collect's optional fields on the real worker and store: a members-only window, bonus
 * entries per role, and an end button that closes the window early (signalled as the router
 * does: `waitsFor` with the clicker's roles, then the wait signal).
 */
describe('flow.collect: members only, bonus entries, end early', () => {
  let worker: TestWorker;
  let service: TestService;
  let shared: Connection;
  const stubs = recordingActivities({
    'discord.sendMessage': { output: () => ({ messageId: MESSAGE, channelId: '1' }) },
  });

  beforeAll(async () => {
    shared = await mongoose.createConnection(testStack().mongoUri).asPromise();
    worker = await startTestWorker({ ...stubs.activities, ...createEngineActivities(shared) });
    service = await startTestService({ taskQueue: worker.taskQueue, mongo: shared });
  });
  afterAll(async () => {
    await service.close();
    await worker.stop();
    await shared.close();
  });

  /** Clicks a button as the router does: enter the windows, then signal matching waits. */
  async function click(user: ReturnType<typeof member>, customId: string) {
    const store = service.store;
    await enterCollect(store, { guildId: GUILD, messageId: MESSAGE, customId, user });
    const waits = await waitsFor(store, {
      guildId: GUILD,
      messageId: MESSAGE,
      event: 'button',
      customId,
      userId: user.id,
      roles: user.roles,
    });
    for (const wait of waits)
      await service.deps.temporal.client.workflow
        .getHandle(wait.workflowId)
        .signal(WAIT_EVENT_SIGNAL, { waitId: wait._id, user, customId } satisfies WaitEvent);
    return waits.length;
  }

  it('counts members with the role, weights boosters, and ends when a host clicks End', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['post', 'discord.sendMessage', { channelId: '123456789012345678', content: 'Enter!' }],
        [
          'entries',
          'flow.collect',
          {
            messageId: '{{ nodes.post.messageId }}',
            customId: 'enter',
            duration: '1h',
            roleId: MEMBER,
            bonusEntries: [{ roleId: BOOSTER, extraEntries: 2 }],
            endCustomId: 'end',
            endRoleId: HOST,
          },
        ],
      ],
      [
        ['t', 'out', 'post'],
        ['post', 'out', 'entries'],
      ],
    );
    const graphs = `/api/guilds/${GUILD}/graphs`;
    const { body } = await service.api('POST', graphs, { body: doc });
    expect(body.issues).toEqual([]);
    const { body: started } = await service.api('POST', `${graphs}/${body.id}/runs`, { body: {} });
    await eventually(
      async () =>
        (await service.store.waits.countDocuments({ messageId: MESSAGE, customId: 'end' })) > 0 ||
        undefined,
      'the window and its end button',
    );

    await click(member('11', [MEMBER]), 'enter');
    await click(member('12', [MEMBER, BOOSTER]), 'enter');
    await click(member('13', []), 'enter'); // not a member: not counted
    expect(await click(member('12', [MEMBER]), 'end')).toBe(0); // not a host: ignored
    expect(await click(member('14', [HOST]), 'end')).toBe(1);

    const result = (await service.deps.temporal.client.workflow
      .getHandle(started.runId)
      .result()) as GraphRunResult;
    const output = result.steps.find((s) => s.nodeId === 'entries')?.output;
    expect(output).toMatchObject({
      count: 2,
      users: [
        { id: '11', roles: [MEMBER], entries: 1 },
        { id: '12', roles: [MEMBER, BOOSTER], entries: 3 },
      ],
      endedBy: { id: '14', mention: '<@14>' },
    });
    const tickets = (output as { tickets: { id: string }[] }).tickets.map((t) => t.id);
    expect(tickets).toEqual(['11', '12', '12', '12']);
    // Ended early: the window is closed (a late click enters nothing) and the end wait is gone.
    expect(
      await enterCollect(service.store, {
        guildId: GUILD,
        messageId: MESSAGE,
        customId: 'enter',
        user: member('15', [MEMBER]),
      }),
    ).toEqual([]);
    expect(await service.store.waits.countDocuments({ messageId: MESSAGE })).toBe(0);
  });

  it('refuses an end button without the role that may use it', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        [
          'entries',
          'flow.collect',
          { messageId: MESSAGE, customId: 'enter', duration: '1h', endCustomId: 'end' },
        ],
      ],
      [['t', 'out', 'entries']],
    );
    const { body } = await service.api('POST', `/api/guilds/${GUILD}/graphs`, { body: doc });
    expect(JSON.stringify(body.issues)).toContain('`endCustomId` needs `endRoleId`');
  });
});
