import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users, otherGuild } = SANDBOX_IDS;

// Each backtracks exponentially (or, the last, polynomially) in JavaScript's own engine on the
// messages below: "a"×29 + "!" took 35–50 s with ((a+))+$, doubling per character.
const EVIL_PATTERNS = ['((a+))+$', '(?:(a+))+$', '((a|aa))+$', '^\\d+\\d+\\d+\\d+\\d+x'];
const EVIL_MESSAGES = [`${'a'.repeat(29)}!`, `${'a'.repeat(1900)}!`, `${'1'.repeat(1900)}!`];

describe('gateway: member-typed messages cannot stall routing with a published pattern', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());

  it("routes another server's member join within a second while evil messages meet evil patterns", async () => {
    for (const pattern of EVIL_PATTERNS) {
      await h.publish({
        ...graph(
          [
            ['start', 'trigger.messageCreated', { channelId: channels.general, pattern }],
            [
              'ack',
              'discord.addReaction',
              {
                channelId: '{{ trigger.message.channelId }}',
                messageId: '{{ trigger.message.id }}',
                emoji: '👀',
              },
            ],
          ],
          [['start', 'out', 'ack']],
        ),
        name: `Pattern ${pattern}`,
      });
    }
    const otherChannel = otherGuild.channels.general;
    await h.publish(
      {
        ...graph(
          [
            ['start', 'trigger.memberJoined', {}],
            ['hi', 'discord.sendMessage', { channelId: otherChannel, content: 'Welcome!' }],
          ],
          [['start', 'out', 'hi']],
        ),
        name: 'Welcome in the other server',
      },
      otherGuild.id,
    );

    // When each event's routing finished, by guild.
    const routed: { guildId: string; kind: string; at: number }[] = [];
    const route = h.gateway.router.route.bind(h.gateway.router);
    h.gateway.router.route = async (event, matches) => {
      const result = await route(event, matches);
      routed.push({ guildId: event.guildId, kind: event.kind, at: Date.now() });
      return result;
    };

    const posted = EVIL_MESSAGES.map(
      (content) =>
        h.sandbox.inject({
          type: 'messageCreated',
          guildId: guild,
          channelId: channels.general,
          userId: users.carol,
          content,
        }).messageId,
    );
    const joinedAt = Date.now();
    h.sandbox.inject({
      type: 'memberJoined',
      guildId: otherGuild.id,
      user: { username: 'newbie' },
    });

    const join = await eventually(
      () => routed.find((r) => r.guildId === otherGuild.id && r.kind === 'memberJoined'),
      "the other server's join to be routed",
    );
    expect(join.at - joinedAt).toBeLessThan(1000);
    await eventually(
      () => h.sandbox.messages({ channelId: otherChannel }).find((m) => m.content === 'Welcome!'),
      'the welcome message in the other server',
    );
    // The patterns still mean what they say: none of these messages matches any of them.
    await h.gateway.idle();
    const reacted = h.sandbox
      .messages({ channelId: channels.general })
      .filter((m) => posted.includes(m.id));
    expect(reacted.every((m) => m.reactions.length === 0)).toBe(true);
    const hit = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      content: '12345x',
    });
    await eventually(
      () =>
        h.sandbox
          .messages({ channelId: channels.general })
          .find((m) => m.id === hit.messageId && m.reactions.length > 0),
      'the 👀 on a message the digits pattern matches',
    );
  });
});
