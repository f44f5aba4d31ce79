import { describe, expect, it } from 'vitest';
import { Context } from '@temporalio/activity';
import { WorkflowFailedError } from '@temporalio/client';
import { recordingActivities, withInterpreter } from '../testing/interpreter-harness.js';
import {
  SEARCH_ATTRIBUTE_KEYS,
  STEPS_QUERY,
  WAIT_EVENT_SIGNAL,
  type ActionInput,
  type GraphRunResult,
  type StepLog,
  type WaitRegistration,
} from './contract.js';
import { graph } from '../testing/graph-fixture.js';
import { recordHistory } from '../testing/histories.js';

const sent = {
  output: (i: ActionInput) => ({
    messageId: `m-${i.context.nodeId}`,
    channelId: String(i.config.channelId ?? 'dm'),
  }),
};
const contents = (calls: { input: unknown }[]) =>
  calls.map((c) => (c.input as ActionInput).config.content);

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A Discord action, then a store action: where each one runs shows in its output. */
const sendThenCount = () =>
  graph(
    [
      ['t', 'trigger.manual'],
      ['send', 'discord.sendMessage', { channelId: '1', content: 'hi' }],
      ['count', 'data.increment', { key: 'n', scope: 'guild' }],
    ],
    [
      ['t', 'out', 'send'],
      ['send', 'out', 'count'],
    ],
  );

describe('graph interpreter on a real Temporal dev server', () => {
  it('branches on flow.if and marks the other branch skipped', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['check', 'flow.if', { condition: 'trigger.score > 5' }],
        ['high', 'discord.sendMessage', { channelId: '1', content: 'high {{ trigger.score }}' }],
        ['low', 'discord.sendMessage', { channelId: '1', content: 'low' }],
      ],
      [
        ['t', 'out', 'check'],
        ['check', 'true', 'high'],
        ['check', 'false', 'low'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    const result = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, { score: 7 });
      await recordHistory('branching', handle);
      return handle.result();
    });
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual(['high 7']);
    expect(result.status).toBe('completed');
    expect(result.steps.find((s: StepLog) => s.nodeId === 'low')?.status).toBe('skipped');
    expect(result.steps.find((s: StepLog) => s.nodeId === 'check')).toMatchObject({
      status: 'completed',
      port: 'true',
    });
  });

  it('runs parallel branches and joins them; the join sees both outputs', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['a', 'discord.sendMessage', { channelId: 'A', content: 'a' }],
        ['b', 'discord.sendMessage', { channelId: 'B', content: 'b' }],
        ['j', 'flow.join'],
        [
          'c',
          'discord.sendMessage',
          { channelId: 'C', content: '{{ nodes.a.messageId }}+{{ nodes.b.messageId }}' },
        ],
      ],
      [
        ['t', 'out', 'a'],
        ['t', 'out', 'b'],
        ['a', 'out', 'j'],
        ['b', 'out', 'j'],
        ['j', 'out', 'c'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    const result = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc);
      await recordHistory('parallel-join', handle);
      return handle.result();
    });
    const calls = contents(stubs.callsOf('discord.sendMessage'));
    expect(calls.slice(0, 2).sort()).toEqual(['a', 'b']);
    expect(calls[2]).toBe('m-a+m-b');
    expect(result.steps.filter((s: StepLog) => s.nodeId === 'j')).toHaveLength(1);
  });

  it('waitFor takes `received` with the event when the router signals it, and is waiting meanwhile', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        [
          'post',
          'discord.sendMessage',
          { channelId: '1', content: 'Click!', buttons: [{ label: 'Go', customId: 'go' }] },
        ],
        [
          'wait',
          'flow.waitFor',
          {
            event: 'button',
            messageId: '{{ nodes.post.messageId }}',
            customId: 'go',
            timeout: '1h',
          },
        ],
        [
          'yes',
          'discord.sendMessage',
          { channelId: '1', content: 'clicked by {{ nodes.wait.user.username }}' },
        ],
        ['no', 'discord.sendMessage', { channelId: '1', content: 'nobody' }],
      ],
      [
        ['t', 'out', 'post'],
        ['post', 'out', 'wait'],
        ['wait', 'received', 'yes'],
        ['wait', 'timeout', 'no'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc);
      const registration = await until(
        () => stubs.callsOf('engine.registerWait')[0]?.input as WaitRegistration | undefined,
        'registerWait',
      );
      expect(registration).toMatchObject({ event: 'button', messageId: 'm-post', customId: 'go' });
      const steps = await handle.query<StepLog[]>(STEPS_QUERY);
      const waiting = steps.find((s) => s.nodeId === 'wait');
      expect(waiting?.status).toBe('waiting');
      // Until when and for what, for the live overlay (no timeScale: no uncompressed time).
      expect(waiting?.wait).toEqual({
        until: registration.expiresAt,
        for: 'event',
        event: { type: 'button', messageId: 'm-post', customId: 'go' },
      });
      // An hour from when the wait was registered (just after the step started).
      const waitedMs = Date.parse(registration.expiresAt) - Date.parse(waiting?.startedAt ?? '');
      expect(waitedMs).toBeGreaterThanOrEqual(3_600_000);
      expect(waitedMs).toBeLessThan(3_605_000);
      await handle.signal(WAIT_EVENT_SIGNAL, {
        waitId: registration.waitId,
        user: { id: 'u1', username: 'ada' },
        customId: 'go',
      });
      await handle.result();
    });
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual(['Click!', 'clicked by ada']);
    expect(stubs.callsOf('engine.clearWait')).toHaveLength(1);
  });

  it('waitFor takes `timeout` when nothing comes (timeScale divides the wait)', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['wait', 'flow.waitFor', { event: 'reaction', messageId: '123', timeout: '1h' }],
        ['no', 'discord.sendMessage', { channelId: '1', content: 'timed out' }],
      ],
      [
        ['t', 'out', 'wait'],
        ['wait', 'timeout', 'no'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    const started = Date.now();
    await withInterpreter(stubs.activities, (env) => env.run(doc, {}, { timeScale: 3600 }));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual(['timed out']);
  });

  it('collects entries for the window, then picks winners deterministically (replay gives the same picks)', async () => {
    const users = ['ann', 'bob', 'cat', 'dan', 'eve'].map((name, i) => ({
      id: `u${i}`,
      username: name,
      mention: `<@u${i}>`,
    }));
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['entries', 'flow.collect', { messageId: '999', customId: 'enter', duration: '7d' }],
        ['pick', 'flow.pickRandom', { items: '{{ nodes.entries.users }}', count: 2 }],
        [
          'announce',
          'discord.sendMessage',
          {
            channelId: '1',
            content:
              'Winners: {{ nodes.pick.picked[0].mention }} {{ nodes.pick.picked[1].mention }}',
          },
        ],
      ],
      [
        ['t', 'out', 'entries'],
        ['entries', 'out', 'pick'],
        ['pick', 'out', 'announce'],
      ],
    );
    const stubs = recordingActivities(
      { 'discord.sendMessage': sent },
      { collected: { users, count: 5 } },
    );
    const result = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, {}, { timeScale: 7 * 24 * 3600 });
      await recordHistory('collect-pick', handle);
      return handle.result();
    });
    const picked = (
      result.steps.find((s: StepLog) => s.nodeId === 'pick')?.output as { picked: { id: string }[] }
    ).picked;
    expect(picked).toHaveLength(2);
    expect(new Set(picked.map((p) => p.id)).size).toBe(2);
    expect(contents(stubs.callsOf('discord.sendMessage'))[0]).toBe(
      `Winners: <@${picked[0]?.id}> <@${picked[1]?.id}>`,
    );
    expect(stubs.callsOf('engine.openCollect')[0]?.input).toMatchObject({
      messageId: '999',
      customId: 'enter',
    });
    // The window's step keeps what it waited for: 7 days compressed to 1 s.
    const entries = result.steps.find((s: StepLog) => s.nodeId === 'entries');
    expect(entries?.wait).toMatchObject({
      for: 'collect',
      event: { type: 'button', messageId: '999', customId: 'enter' },
    });
    const began = Date.parse(entries?.startedAt ?? '');
    // 1 s from when the window opened (just after the step started).
    expect(Date.parse(entries?.wait?.until ?? '') - began).toBeGreaterThanOrEqual(1000);
    expect(Date.parse(entries?.wait?.until ?? '') - began).toBeLessThan(6000);
    // Uncompressed, 7 days from when the window opened.
    const opened = Date.parse(entries?.wait?.until ?? '') - 1000;
    expect(Date.parse(entries?.wait?.untilUncompressed ?? '') - opened).toBe(7 * 24 * 3600 * 1000);
  });

  it('forEach runs the body once per item with `item` in scope, then `done`', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['each', 'flow.forEach', { items: '{{ trigger.names }}' }],
        ['hello', 'discord.sendMessage', { channelId: '1', content: 'hi {{ item }}' }],
        [
          'done',
          'discord.sendMessage',
          { channelId: '1', content: 'greeted {{ nodes.each.count }}' },
        ],
      ],
      [
        ['t', 'out', 'each'],
        ['each', 'item', 'hello'],
        ['each', 'done', 'done'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, { names: ['ann', 'bob', 'cat'] });
      await recordHistory('for-each', handle);
      return handle.result();
    });
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual([
      'hi ann',
      'hi bob',
      'hi cat',
      'greeted 3',
    ]);
    const keys = stubs
      .callsOf('discord.sendMessage')
      .map((c) => (c.input as ActionInput).context.idempotencyKey);
    expect(new Set(keys).size).toBe(4);
  });

  it('takes the error port after retries are exhausted, with the error as output', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['flaky', 'discord.addRole', { userId: '1', roleId: '2' }],
        [
          'report',
          'discord.sendMessage',
          {
            channelId: '1',
            content: '{{ nodes.flaky.error.code }}: {{ nodes.flaky.error.message }}',
          },
        ],
      ],
      [
        ['t', 'out', 'flaky'],
        ['flaky', 'error', 'report'],
      ],
    );
    const stubs = recordingActivities({
      'discord.addRole': { fail: { type: 'DiscordServerError', message: 'Discord answered 503' } },
      'discord.sendMessage': sent,
    });
    const result = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, {}, { timeScale: 1000 });
      await recordHistory('error-port', handle);
      return handle.result();
    });
    expect(stubs.callsOf('discord.addRole').length).toBeGreaterThan(1);
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual([
      'DiscordServerError: Discord answered 503',
    ]);
    expect(result.steps.find((s: StepLog) => s.nodeId === 'flaky')).toMatchObject({
      status: 'failed',
      port: 'error',
    });
  });

  it('a non-retryable error takes the error port after exactly one attempt', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['kick', 'discord.kickMember', { userId: '1' }],
        ['report', 'discord.sendMessage', { channelId: '1', content: 'failed' }],
      ],
      [
        ['t', 'out', 'kick'],
        ['kick', 'error', 'report'],
      ],
    );
    const stubs = recordingActivities({
      'discord.kickMember': {
        fail: {
          type: 'MissingPermissions',
          message: 'Missing Permissions (50013)',
          nonRetryable: true,
        },
      },
      'discord.sendMessage': sent,
    });
    await withInterpreter(stubs.activities, (env) => env.run(doc));
    expect(stubs.callsOf('discord.kickMember')).toHaveLength(1);
    expect(stubs.callsOf('discord.sendMessage')).toHaveLength(1);
  });

  it('fails the run, naming the node, when a failing action has no error edge', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['kick', 'discord.kickMember', { userId: '1' }],
      ],
      [['t', 'out', 'kick']],
    );
    const stubs = recordingActivities({
      'discord.kickMember': {
        fail: { type: 'MissingPermissions', message: 'nope', nonRetryable: true },
      },
    });
    const error = await withInterpreter(stubs.activities, (env) =>
      env.run(doc).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause?.message).toContain(
      'Node "kick" (discord.kickMember) failed',
    );
  });

  it('flow.stop ends the run and cancels parallel branches', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['a', 'discord.sendMessage', { channelId: '1', content: 'a' }],
        ['halt', 'flow.stop'],
        ['slow', 'flow.delay', { duration: '1h' }],
        ['never', 'discord.sendMessage', { channelId: '1', content: 'never' }],
      ],
      [
        ['t', 'out', 'a'],
        ['a', 'out', 'halt'],
        ['t', 'out', 'slow'],
        ['slow', 'out', 'never'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    const result = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc);
      await recordHistory('stop', handle);
      return handle.result();
    });
    expect(result.status).toBe('stopped');
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual(['a']);
  });

  it('runs another graph as a child workflow and waits for it', async () => {
    const child = graph(
      [
        ['t', 'trigger.manual'],
        ['hi', 'discord.sendMessage', { channelId: '1', content: 'child got {{ trigger.who }}' }],
      ],
      [['t', 'out', 'hi']],
    );
    const parent = graph(
      [
        ['t', 'trigger.manual'],
        ['sub', 'flow.runGraph', { graphId: 'child-graph', input: { who: '{{ trigger.name }}' } }],
        [
          'after',
          'discord.sendMessage',
          { channelId: '1', content: 'child {{ nodes.sub.status }}' },
        ],
      ],
      [
        ['t', 'out', 'sub'],
        ['sub', 'out', 'after'],
      ],
    );
    const stubs = recordingActivities(
      { 'discord.sendMessage': sent },
      {
        graphs: {
          'child-graph': {
            graphId: 'child-graph',
            guildId: 'guild-test',
            version: 3,
            document: child,
          },
        },
      },
    );
    const childAttributes = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(parent, { name: 'zoe' });
      await recordHistory('child-graph', handle);
      await handle.result();
      const child = await env.client.workflow.getHandle(`${handle.workflowId}/sub/2`).describe();
      return {
        guild: child.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.GuildId),
        graph: child.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.GraphId),
        version: child.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.GraphVersion),
      };
    });
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual([
      'child got zoe',
      'child completed',
    ]);
    expect(childAttributes).toEqual({ guild: 'guild-test', graph: 'child-graph', version: 3 });
  });

  it('timeScale turns a 7-day delay into a fraction of a second', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['wait', 'flow.delay', { duration: '7d' }],
        ['after', 'discord.sendMessage', { channelId: '1', content: 'a week later' }],
      ],
      [
        ['t', 'out', 'wait'],
        ['wait', 'out', 'after'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    const started = Date.now();
    const history = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, {}, { timeScale: 7 * 24 * 3600 * 2 });
      await recordHistory('delay-timescale', handle);
      await handle.result();
      return handle.fetchHistory();
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    const timer = history.events?.find(
      (e) => e.timerStartedEventAttributes,
    )?.timerStartedEventAttributes;
    expect(Number(timer?.startToFireTimeout?.seconds ?? 0)).toBe(0);
    expect(Number(timer?.startToFireTimeout?.nanos ?? 0)).toBe(500_000_000);
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual(['a week later']);
  });

  it('continues as new before the history grows too long, losing no step and repeating no action', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['each', 'flow.forEach', { items: '{{ trigger.names }}' }],
        ['hello', 'discord.sendMessage', { channelId: '1', content: '{{ item }}' }],
        // Discord actions are local activities: a chain of them alone can finish in one
        // workflow task, so the history grows (and reaches the limit) at an activity task.
        ['count', 'data.increment', { key: 'n', scope: 'guild' }],
        ['done', 'discord.sendMessage', { channelId: '1', content: 'done {{ nodes.each.count }}' }],
      ],
      [
        ['t', 'out', 'each'],
        ['each', 'item', 'hello'],
        ['hello', 'out', 'count'],
        ['each', 'done', 'done'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent, 'data.increment': {} });
    const { firstRunId, lastRunId } = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, { names }, { continueAsNewAfterEvents: 60 });
      const firstRunId = handle.firstExecutionRunId;
      await handle.result();
      return { firstRunId, lastRunId: (await handle.describe()).runId };
    });
    expect(lastRunId).not.toBe(firstRunId);
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual([...names, 'done 40']);
  });

  it('treats member-typed text as data: a payload containing {{ }} is never evaluated', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        [
          'echo',
          'discord.sendMessage',
          { channelId: '1', content: 'You said: {{ trigger.text }}' },
        ],
      ],
      [['t', 'out', 'echo']],
      { secret: 'hunter2' },
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent });
    await withInterpreter(stubs.activities, (env) => env.run(doc, { text: '{{ vars.secret }}' }));
    expect(contents(stubs.callsOf('discord.sendMessage'))).toEqual(['You said: {{ vars.secret }}']);
  });

  it('runs Discord actions as local activities of the run’s worker (a marker in the history, no activity task)', async () => {
    const doc = sendThenCount();
    const where = async () => ({
      local: Context.current().info.isLocal,
      queue: Context.current().info.taskQueue,
    });
    await withInterpreter(
      { 'discord.sendMessage': where, 'data.increment': where },
      async (env) => {
        for (const simulate of [false, true]) {
          const handle = await env.start(doc, {}, { simulate });
          if (!simulate) await recordHistory('v4-discord-local', handle);
          const result = (await handle.result()) as Awaited<ReturnType<typeof env.run>>;
          const output = (id: string) =>
            result.steps.find((s: StepLog) => s.nodeId === id)?.output as {
              local: boolean;
              queue: string;
            };
          expect(output('send')).toEqual({ local: true, queue: env.taskQueue });
          expect(output('count')).toEqual({ local: false, queue: env.taskQueue });
          const events = (await handle.fetchHistory()).events ?? [];
          const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes);
          const markers = events.filter((e) => e.markerRecordedEventAttributes);
          expect(
            scheduled.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name),
          ).toEqual(['data.increment']);
          expect(markers).toHaveLength(1);
        }
      },
    );
  });

  it('opens a collect window for its whole duration after a slow Discord action (the workflow clock lags local activities)', async () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['post', 'discord.sendMessage', { channelId: '1', content: 'Giveaway!' }],
        ['entries', 'flow.collect', { messageId: '{{ nodes.post.messageId }}', duration: '2s' }],
      ],
      [
        ['t', 'out', 'post'],
        ['post', 'out', 'entries'],
      ],
    );
    let postedAt = 0;
    const stubs = recordingActivities({
      'discord.sendMessage': {
        // A send that waited its turn in the Discord budget.
        output: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          postedAt = Date.now();
          return { messageId: 'm1' };
        },
      },
    });
    const result = await withInterpreter(stubs.activities, (env) => env.run(doc, {}));
    const until = Date.parse(result.steps.find((st) => st.nodeId === 'entries')?.wait?.until ?? '');
    // The store's clock when the window opened: after the send, so never early. Taken from the
    // workflow's clock instead, the window ended ~0.1 s early here (the clock lags a local
    // activity), and more on a loaded worker.
    expect(until).toBeGreaterThanOrEqual(postedAt + 2000);
    expect(stubs.callsOf('engine.openCollect')[0]?.input).toMatchObject({ durationMs: 2000 });
  });

  it('keeps runs started by interpreter v2–v3 on the rate-limited `-discord` queue (live) and the run’s queue (simulated)', async () => {
    const doc = sendThenCount();
    const queue = async () => ({ queue: Context.current().info.taskQueue });
    await withInterpreter(
      { 'discord.sendMessage': queue, 'data.increment': queue },
      async (env) => {
        const output = (id: string, result: GraphRunResult) =>
          result.steps.find((s: StepLog) => s.nodeId === id)?.output as { queue: string };
        const live = await (await env.start(doc, {}, { interpreterVersion: 3 })).result();
        expect(output('send', live).queue).toBe(`${env.taskQueue}-discord`);
        expect(output('count', live).queue).toBe(env.taskQueue);
        const simulated = await (
          await env.start(doc, {}, { simulate: true, interpreterVersion: 3 })
        ).result();
        expect(output('send', simulated).queue).toBe(env.taskQueue);
      },
    );
  });
});
