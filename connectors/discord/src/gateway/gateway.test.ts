import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { readStats } from '@guildflow/engine/service';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, roles, users } = SANDBOX_IDS;

function welcomeGraph() {
  return {
    ...graph(
      [
        ['start', 'trigger.memberJoined'],
        [
          'greet',
          'discord.sendMessage',
          {
            channelId: '{{ vars.welcomeChannelId }}',
            content:
              'Welcome {{ trigger.member.mention }}! You are member #{{ trigger.guild.memberCount }}.',
          },
        ],
        [
          'role',
          'discord.addRole',
          { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' },
        ],
      ],
      [
        ['start', 'out', 'greet'],
        ['greet', 'out', 'role'],
      ],
      { welcomeChannelId: channels.welcome, newcomerRoleId: roles.newcomer },
    ),
    name: 'Welcome new members',
  };
}

describe('gateway: published graphs react to sandbox events end to end', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    // Discord's real deadline: an interaction acknowledged after 3 s is refused.
    h = await startGatewayHarness({ sandbox: { interactionAckDeadlineMs: 3000 } });
  });
  afterAll(async () => h?.close());

  it('join → welcome message → Newcomer role, and a redelivered join starts nothing twice', async () => {
    const { graphId } = await h.publish(welcomeGraph());
    const { userId } = h.sandbox.inject({
      type: 'memberJoined',
      guildId: guild,
      user: { username: 'newbie' },
    });
    const welcome = await eventually(
      () =>
        h.sandbox
          .messages({ channelId: channels.welcome })
          .find((m) => m.content.includes(`<@${userId}>`)),
      'the welcome message',
    );
    expect(welcome.content).toMatch(/^Welcome <@\d+>! You are member #\d+\.$/);
    await eventually(
      () => (h.sandbox.member(guild, userId!).roles.includes(roles.newcomer) ? true : undefined),
      'the Newcomer role',
    );
    await h.gateway.idle();
    // The same join, delivered again (a gateway replay), names the same run.
    const member = await h.gateway.client.guilds.cache.get(guild)!.members.fetch(userId!);
    const { TRANSLATE } = await import('./translate.js');
    const again = await h.gateway.router.route(TRANSLATE.memberJoined(member));
    expect(again.runs).toEqual([expect.objectContaining({ graphId, started: false })]);
    expect(
      h.sandbox
        .messages({ channelId: channels.welcome })
        .filter((m) => m.content.includes(`<@${userId}>`)),
    ).toHaveLength(1);
  });

  it('a join while the gateway connection is down is resumed and still welcomed', async () => {
    h.sandbox.gateway.drop();
    const { userId } = h.sandbox.inject({
      type: 'memberJoined',
      guildId: guild,
      user: { username: 'offline' },
    });
    await eventually(
      () =>
        h.sandbox
          .messages({ channelId: channels.welcome })
          .find((m) => m.content.includes(`<@${userId}>`)),
      'the welcome message after the resume',
      20_000,
    );
  });

  it('filters messages: only the matching channel and text start a run', async () => {
    await h.publish({
      ...graph(
        [
          [
            'start',
            'trigger.messageCreated',
            { channelId: channels.general, contains: 'suggestion' },
          ],
          [
            'ack',
            'discord.addReaction',
            {
              channelId: '{{ trigger.message.channelId }}',
              messageId: '{{ trigger.message.id }}',
              emoji: '👍',
            },
          ],
        ],
        [['start', 'out', 'ack']],
      ),
      name: 'Suggestions',
    });
    const hit = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      content: 'Suggestion: more emotes',
    });
    const wrongChannel = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.tickets,
      userId: users.carol,
      content: 'suggestion elsewhere',
    });
    const noText = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      content: 'hello',
    });
    await eventually(
      () =>
        h.sandbox
          .messages({ channelId: channels.general })
          .find((m) => m.id === hit.messageId && m.reactions.length > 0),
      'the 👍 on the suggestion',
    );
    await h.gateway.idle();
    const reacted = h.sandbox
      .messages()
      .filter((m) => m.reactions.length > 0)
      .map((m) => m.id);
    expect(reacted).not.toContain(wrongChannel.messageId);
    expect(reacted).not.toContain(noText.messageId);
  });

  it('a slash command is registered on publish, acknowledged within Discord’s 3 s and answered by discord.reply', async () => {
    await h.publish({
      ...graph(
        [
          [
            'start',
            'trigger.slashCommand',
            {
              name: 'hello',
              description: 'Say hello',
              options: [{ name: 'who', type: 'user', description: 'Whom', required: true }],
            },
          ],
          [
            'answer',
            'discord.reply',
            {
              content: 'Hello <@{{ trigger.options.who }}>, from {{ trigger.user.username }}!',
              ephemeral: true,
            },
          ],
        ],
        [['start', 'out', 'answer']],
      ),
      name: 'Hello command',
    });
    const registered = [...h.sandbox.state.commands.values()].filter((c) => c.guildId === guild);
    expect(registered.map((c) => c.name)).toEqual(['hello']);
    expect(registered[0]?.options).toEqual([
      expect.objectContaining({ name: 'who', type: 6, required: true }),
    ]);
    const { interactionId } = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.bob,
      name: 'hello',
      options: { who: users.carol },
    });
    const answer = await eventually(
      () =>
        h.sandbox
          .messages({ channelId: channels.general })
          .find((m) => m.interactionId === interactionId && m.content.startsWith('Hello')),
      'the reply',
    );
    expect(answer.content).toBe(`Hello <@${users.carol}>, from bob!`);
    expect(answer.ephemeral).toBe(true);
    const interaction = h.sandbox.interaction(interactionId!)!;
    // The first response is the deferral (type 5, ephemeral), which the reply then fills in.
    expect(interaction.responses[0]).toMatchObject({ kind: 'callback', type: 5 });
  });

  it('reactions, leaves and member-count milestones start their graphs', async () => {
    const note = (content: string) =>
      ['say', 'discord.sendMessage', { channelId: channels.general, content }] as [
        string,
        string,
        Record<string, unknown>,
      ];
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.reactionAdded', { emoji: '⭐' }],
          note('star by {{ trigger.user.username }} on {{ trigger.messageId }}'),
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Stars',
    });
    await h.publish({
      ...graph(
        [['start', 'trigger.memberLeft'], note('bye {{ trigger.member.username }}')],
        [['start', 'out', 'say']],
      ),
      name: 'Goodbye',
    });
    const count = h.gateway.client.guilds.cache.get(guild)!.memberCount;
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.memberCountReached', { milestones: [count + 1] }],
          note('milestone {{ trigger.milestone }}'),
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Milestone',
    });

    const since = new Date().toISOString();
    const post = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.dave,
      content: 'shiny',
    });
    h.sandbox.inject({
      type: 'reactionAdded',
      guildId: guild,
      channelId: channels.general,
      messageId: post.messageId!,
      userId: users.erin,
      emoji: '👍',
    });
    h.sandbox.inject({
      type: 'reactionAdded',
      guildId: guild,
      channelId: channels.general,
      messageId: post.messageId!,
      userId: users.erin,
      emoji: '⭐',
    });
    h.sandbox.inject({ type: 'memberJoined', guildId: guild, user: { username: 'lucky' } });
    h.sandbox.inject({ type: 'memberLeft', guildId: guild, userId: users.frank });
    const said = () =>
      h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => m.authorIsBot && m.createdAt >= since)
        .map((m) => m.content);
    await eventually(() => (said().length >= 3 ? true : undefined), 'three notes', 8000).catch(
      (e: unknown) => {
        throw new Error(`${String(e)}: ${JSON.stringify(said())}`);
      },
    );
    await h.gateway.idle();
    expect(said().sort()).toEqual([
      `bye frank`,
      `milestone ${count + 1}`,
      `star by erin on ${post.messageId}`,
    ]);
  });

  it('counts messages for data.stats in batched writes', async () => {
    for (const userId of [users.carol, users.carol, users.dave])
      h.sandbox.inject({
        type: 'messageCreated',
        guildId: guild,
        channelId: channels.giveaways,
        userId,
        content: 'entry',
      });
    // The gateway writes its counters in batches; flush until the three messages are stored.
    await eventually(async () => {
      await h.gateway.stats.flush();
      const day = await readStats(h.service.store, guild, {
        period: '1d',
        channelId: channels.giveaways,
      });
      return day.messages === 3 ? true : undefined;
    }, 'the counted messages');
    const { graphId } = await h.publish({
      ...graph(
        [
          ['start', 'trigger.manual'],
          ['stats', 'data.stats', { period: '1d', channelId: channels.giveaways, top: 1 }],
          [
            'say',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content:
                'recap: {{ nodes.stats.messages }} messages, {{ nodes.stats.activeMembers }} active, top {{ nodes.stats.topMembers[0].username }}',
            },
          ],
        ],
        [
          ['start', 'out', 'stats'],
          ['stats', 'out', 'say'],
        ],
      ),
      name: 'Recap',
    });
    const run = await h.service.api('POST', `/api/guilds/${guild}/graphs/${graphId}/runs`, {
      body: { payload: {} },
    });
    expect(run.status).toBe(202);
    const recap = await eventually(async () => {
      const detail = await h.service.api('GET', `/api/guilds/${guild}/runs/${run.body.runId}`);
      return detail.body.status === 'running' ? undefined : detail.body;
    }, 'the run to end');
    expect(recap.status, JSON.stringify(recap.steps)).toBe('completed');
    expect(
      h.sandbox
        .messages()
        .map((m) => m.content)
        .filter((c) => c.startsWith('recap')),
    ).toEqual(['recap: 3 messages, 2 active, top carol']);
  });
});
