import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '../testing/delay-proxy.js';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users } = SANDBOX_IDS;
const DELAY_MS = 2500;

describe('interactions when Temporal is slow', () => {
  let h: GatewayHarness;
  let proxy: Awaited<ReturnType<typeof startDelayProxy>>;
  let slow: Connection;
  beforeAll(async () => {
    // The gateway reaches Temporal through a link that holds every packet 2.5 s each way, so
    // starting a run takes over 5 s — longer than Discord's 3 s to acknowledge.
    // (The worker and the service talk to Temporal directly.)
    proxy = await startDelayProxy(testStack().temporalAddress, DELAY_MS);
    slow = await Connection.connect({ address: proxy.address, connectTimeout: '30s' });
    h = await startGatewayHarness({
      sandbox: { interactionAckDeadlineMs: 3000 },
      gateway: { temporal: { connection: slow, client: new Client({ connection: slow }) } },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await slow?.close();
    await proxy?.close();
  });

  it('a slash command is deferred before the run starts and still answered', async () => {
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.slashCommand', { name: 'slow', description: 'Takes its time' }],
          ['answer', 'discord.reply', { content: 'done at last' }],
        ],
        [['start', 'out', 'answer']],
      ),
      name: 'Slow',
    });
    const { interactionId } = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.bob,
      name: 'slow',
    });
    const answer = await eventually(
      () =>
        h.sandbox
          .messages()
          .find((m) => m.interactionId === interactionId && m.content === 'done at last'),
      'the answer',
      30_000,
    );
    const interaction = h.sandbox.interaction(interactionId!)!;
    // The sandbox refuses acknowledgements after 3 s (as Discord does): the deferral was accepted.
    expect(interaction.acknowledged).toBe(true);
    expect(interaction.responses[0]).toMatchObject({ kind: 'callback', type: 5 });
    // …and it came before the run could have started: the start request alone takes 2.5 s to
    // reach Temporal, so the run's reply comes more than that after the deferral.
    const deferredAt = Date.parse(interaction.responses[0]!.at);
    expect(Date.parse(answer.editedAt ?? answer.createdAt) - deferredAt).toBeGreaterThan(DELAY_MS);
  }, 60_000);
});
