import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { readStats } from '@guildflow/engine/service';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users, otherGuild } = SANDBOX_IDS;

interface Step {
  nodeId: string;
  status: string;
  port?: string;
  output?: Record<string, unknown>;
}

type NodeSpec = [id: string, type: string, config: Record<string, unknown>];
const WATCHES = ['click', 'react', 'reply', 'party', 'votes'];

/** Waits for a click, a reaction and a reply on one message, and collects 🎉 and clicks on it. */
function watches(messageId: string, timeout: string): NodeSpec[] {
  const on = { messageId, timeout };
  return [
    ['click', 'flow.waitFor', { ...on, event: 'button', customId: 'vote' }],
    ['react', 'flow.waitFor', { ...on, event: 'reaction' }],
    ['reply', 'flow.waitFor', { ...on, event: 'reply' }],
    ['party', 'flow.collect', { messageId, emoji: '🎉', duration: timeout }],
    ['votes', 'flow.collect', { messageId, customId: 'vote', duration: timeout }],
  ];
}

/** Edges from `source` to every watch, which run in parallel. */
const toWatches = (source: string) =>
  WATCHES.map((id) => [source, 'out', id] as [string, string, string]);

describe('gateway with two servers: nothing crosses from one to the other', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());

  const run = async (guildId: string, graphId: string, payload: unknown = {}) => {
    const { status, body } = await h.service.api(
      'POST',
      `/api/guilds/${guildId}/graphs/${graphId}/runs`,
      { body: { payload, simulate: true } },
    );
    expect(status).toBe(202);
    return body.runId as string;
  };
  const finished = (guildId: string, runId: string) =>
    eventually(
      async () => {
        const { body } = await h.service.api('GET', `/api/guilds/${guildId}/runs/${runId}`);
        return body.status === 'running' ? undefined : (body as { status: string; steps: Step[] });
      },
      `run ${runId} to end`,
      30_000,
    );
  const registered = (guildId: string, messageId: string, waits: number, windows: number) =>
    eventually(
      async () =>
        (await h.service.store.waits.countDocuments({ guildId, messageId })) === waits &&
        (await h.service.store.collectWindows.countDocuments({ guildId, messageId })) === windows
          ? true
          : undefined,
      `the waits and windows of guild ${guildId}`,
    );
  const step = (steps: Step[], nodeId: string) => steps.find((s) => s.nodeId === nodeId);

  it("one server's run watching another server's message receives nothing; that server's own run does", async () => {
    // Guild B (the other guild) posts a poll and watches it, as its own graph should.
    const poll = await h.publish(
      {
        ...graph(
          [
            ['start', 'trigger.manual', {}],
            [
              'post',
              'discord.sendMessage',
              {
                channelId: otherGuild.channels.events,
                content: 'Poll: pizza?',
                buttons: [{ label: 'Vote', customId: 'vote' }],
              },
            ],
            ...watches('{{ nodes.post.messageId }}', '10s'),
          ],
          [['start', 'out', 'post'], ...toWatches('post')],
        ),
        name: 'Poll',
      },
      otherGuild.id,
    );
    // Guild A publishes a graph that watches a message id it was handed — one of guild B's.
    const spy = await h.publish({
      ...graph(
        [['start', 'trigger.manual', {}], ...watches('{{ trigger.messageId }}', '6s')],
        toWatches('start'),
      ),
      name: 'Spy',
    });

    const pollRun = await run(otherGuild.id, poll.graphId);
    const message = await eventually(
      () =>
        h.sandbox
          .messages({ channelId: otherGuild.channels.events })
          .find((m) => m.content === 'Poll: pizza?'),
      'the poll',
    );
    await registered(otherGuild.id, message.id, 3, 2);
    const spyRun = await run(guild, spy.graphId, { messageId: message.id });
    await registered(guild, message.id, 3, 2);

    // Members of guild B answer on B's message; carol is a member of both guilds.
    const at = { guildId: otherGuild.id, channelId: otherGuild.channels.events };
    h.sandbox.inject({
      ...at,
      type: 'buttonClicked',
      messageId: message.id,
      userId: otherGuild.users.heidi,
      customId: 'vote',
    });
    h.sandbox.inject({
      ...at,
      type: 'reactionAdded',
      messageId: message.id,
      userId: otherGuild.users.ivan,
      emoji: '🎉',
    });
    h.sandbox.inject({
      ...at,
      type: 'reactionAdded',
      messageId: message.id,
      userId: users.carol,
      emoji: '🎉',
    });
    h.sandbox.inject({
      ...at,
      type: 'messageCreated',
      userId: otherGuild.users.grace,
      content: 'yes please',
      replyToMessageId: message.id,
    });
    await h.gateway.idle();

    // Guild A's run saw none of it: its waits timed out, its windows stayed empty.
    const spied = await finished(guild, spyRun);
    expect(spied.status).toBe('completed');
    for (const id of ['click', 'react', 'reply'])
      expect(step(spied.steps, id), id).toMatchObject({ port: 'timeout', output: {} });
    for (const id of ['party', 'votes'])
      expect(step(spied.steps, id)?.output, id).toEqual({ users: [], count: 0 });

    // Guild B's own run on the same message received every answer.
    const own = await finished(otherGuild.id, pollRun);
    expect(own.status).toBe('completed');
    expect(step(own.steps, 'click')).toMatchObject({
      port: 'received',
      output: { user: { id: otherGuild.users.heidi }, customId: 'vote' },
    });
    // ivan and carol react at once: the wait takes whichever reaction is routed first.
    expect(step(own.steps, 'react')).toMatchObject({ port: 'received', output: { emoji: '🎉' } });
    expect([otherGuild.users.ivan, users.carol]).toContain(
      (step(own.steps, 'react')?.output?.user as { id: string }).id,
    );
    expect(step(own.steps, 'reply')).toMatchObject({
      port: 'received',
      output: { user: { username: 'grace' }, content: 'yes please' },
    });
    expect(step(own.steps, 'party')?.output).toMatchObject({ count: 2 });
    expect(step(own.steps, 'votes')?.output).toMatchObject({ count: 1 });
  });

  /** The first non-empty answer the bot gave to an interaction. */
  const answerTo = (interactionId: string | undefined, what: string) =>
    eventually(
      () => h.sandbox.messages().find((m) => m.interactionId === interactionId && m.content !== ''),
      what,
    );

  it('connects to both servers, and registers and answers slash commands per server', async () => {
    expect([...h.gateway.client.guilds.cache.keys()].sort()).toEqual([guild, otherGuild.id]);
    await h.publish(
      {
        ...graph(
          [
            ['start', 'trigger.slashCommand', { name: 'lunch', description: 'Order lunch' }],
            ['answer', 'discord.reply', { content: 'Lunch for {{ trigger.user.username }}' }],
          ],
          [['start', 'out', 'answer']],
        ),
        name: 'Lunch',
      },
      otherGuild.id,
    );
    const commandsOf = (guildId: string) =>
      [...h.sandbox.state.commands.values()]
        .filter((c) => c.guildId === guildId)
        .map((c) => c.name);
    expect(commandsOf(otherGuild.id)).toEqual(['lunch']);
    expect(commandsOf(guild)).not.toContain('lunch');

    const there = h.sandbox.inject({
      type: 'slashCommand',
      guildId: otherGuild.id,
      channelId: otherGuild.channels.general,
      userId: otherGuild.users.heidi,
      name: 'lunch',
    });
    expect((await answerTo(there.interactionId, 'the answer in B')).content).toBe(
      'Lunch for heidi',
    );
    // carol is in both servers; in the main one no graph answers /lunch.
    const here = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      name: 'lunch',
    });
    expect(here.commandRegistered).toBe(false);
    expect((await answerTo(here.interactionId, 'the answer in A')).content).toBe(
      'No live graph answers /lunch in this server any more.',
    );
  });

  it('/flow lists, runs and shows only the graphs and runs of the server it is used in', async () => {
    const say = (channelId: string, content: string) =>
      graph(
        [
          ['start', 'trigger.manual', {}],
          ['say', 'discord.sendMessage', { channelId, content }],
        ],
        [['start', 'out', 'say']],
      );
    await h.publish(
      { ...say(otherGuild.channels.general, 'Bell rung'), name: 'Bell' },
      otherGuild.id,
    );
    const theirs = await h.publish({ ...say(channels.general, 'Secret'), name: 'Secret plan' });
    const theirRun = await run(guild, theirs.graphId);
    const flow = (options: Record<string, unknown>[]) =>
      h.sandbox.inject({
        type: 'slashCommand',
        guildId: otherGuild.id,
        channelId: otherGuild.channels.general,
        userId: otherGuild.users.grace, // the owner: she has Manage Server
        name: 'flow',
        options,
      });

    const list = await answerTo(
      flow([{ name: 'list', type: 1, options: [] }]).interactionId,
      'list',
    );
    expect(list.content).toContain('**Bell**');
    expect(list.content).not.toContain('Secret');
    const other = flow([
      { name: 'run', type: 1, options: [{ name: 'graph', value: 'Secret plan' }] },
    ]);
    expect((await answerTo(other.interactionId, 'run refused')).content).toMatch(
      /^No live graph is called “Secret plan”/,
    );
    const status = flow([{ name: 'status', type: 1, options: [{ name: 'run', value: theirRun }] }]);
    expect((await answerTo(status.interactionId, 'status refused')).content).toMatch(
      /^No run `.+` in this server\.$/,
    );
    const ok = flow([{ name: 'run', type: 1, options: [{ name: 'graph', value: 'bell' }] }]);
    expect((await answerTo(ok.interactionId, 'run started')).content).toMatch(
      /^Started \*\*Bell\*\*/,
    );
    await eventually(
      () =>
        h.sandbox
          .messages({ channelId: otherGuild.channels.general })
          .find((m) => m.content === 'Bell rung'),
      'the bell in B',
    );
  });

  it('counts messages for statistics in the server they were posted in', async () => {
    for (const userId of [otherGuild.users.heidi, users.carol])
      h.sandbox.inject({
        type: 'messageCreated',
        guildId: otherGuild.id,
        channelId: otherGuild.channels.general,
        userId,
        content: 'hello over there',
      });
    await eventually(async () => {
      await h.gateway.stats.flush();
      const b = await readStats(h.service.store, otherGuild.id, {
        period: '1d',
        channelId: otherGuild.channels.general,
      });
      return b.messages === 2 ? b : undefined;
    }, 'the messages counted for B');
    const a = await readStats(h.service.store, guild, {
      period: '1d',
      channelId: otherGuild.channels.general,
    });
    expect(a.messages).toBe(0);
  });
});
