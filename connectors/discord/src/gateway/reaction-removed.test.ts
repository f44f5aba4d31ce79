import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users } = SANDBOX_IDS;

describe('gateway: trigger.reactionRemoved', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());

  it('a member removing their reaction starts the graph, filtered by emoji', async () => {
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.reactionRemoved', { emoji: '🎮' }],
          [
            'say',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content:
                '{{ trigger.user.username }} left {{ trigger.emoji }} on {{ trigger.messageId }}',
            },
          ],
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Reaction role undone',
    });
    const since = new Date().toISOString();
    const post = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.dave,
      content: 'pick your roles',
    });
    for (const emoji of ['🎮', '👍']) {
      const on = { guildId: guild, channelId: channels.general, messageId: post.messageId! };
      h.sandbox.inject({ type: 'reactionAdded', ...on, userId: users.erin, emoji });
      expect(
        h.sandbox.inject({ type: 'reactionRemoved', ...on, userId: users.erin, emoji }),
      ).toEqual({ removed: true });
    }
    const said = () =>
      h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => m.authorIsBot && m.createdAt >= since)
        .map((m) => m.content);
    await eventually(() => (said().length > 0 ? true : undefined), 'the note');
    await h.gateway.idle();
    // Only the 🎮 removal matched; adding the reactions started nothing.
    expect(said()).toEqual([`erin left 🎮 on ${post.messageId}`]);
  });
});
