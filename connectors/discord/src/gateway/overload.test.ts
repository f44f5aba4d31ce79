import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users, otherGuild } = SANDBOX_IDS;
const FLOOD = 40;

describe('gateway past what the machine can run', () => {
  let h: GatewayHarness;
  const logged: { event: string; fields: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    h = await startGatewayHarness({
      gateway: {
        // 10 run-starting events/s; one guild may take half.
        maxRunsPerSecond: 10,
        log: (_level, event, fields = {}) => logged.push({ event, fields }),
      },
    });
  });
  afterAll(async () => h?.close());

  it("sheds one server's flood with a log, never silently, and still runs another server's event", async () => {
    const ack = (guildId: string, channelId: string) =>
      graph(
        [
          ['start', 'trigger.messageCreated', { channelId }],
          [
            'ack',
            'discord.sendMessage',
            { channelId, content: 'ack {{ trigger.message.content }}' },
          ],
        ],
        [['start', 'out', 'ack']],
      );
    await h.publish({ ...ack(guild, channels.general), name: 'Flooded' });
    const other = otherGuild.channels.general;
    await h.publish({ ...ack(otherGuild.id, other), name: 'Quiet' }, otherGuild.id);

    for (let i = 0; i < FLOOD; i++)
      h.sandbox.inject({
        type: 'messageCreated',
        guildId: guild,
        channelId: channels.general,
        userId: users.carol,
        content: `flood ${i}`,
      });
    h.sandbox.inject({
      type: 'messageCreated',
      guildId: otherGuild.id,
      channelId: other,
      userId: users.carol,
      content: 'hello',
    });

    await eventually(
      async () =>
        h.sandbox.messages({ guildId: otherGuild.id }).some((m) => m.content === 'ack hello') ||
        undefined,
      "the other server's answer",
      30_000,
    );
    await h.gateway.idle();
    const shed = h.gateway.admission?.shedTotal ?? 0;
    const answered = () =>
      h.sandbox.messages({ guildId: guild }).filter((m) => m.content.startsWith('ack flood'));
    await eventually(
      async () => answered().length === FLOOD - shed || undefined,
      'the admitted runs to answer',
      30_000,
    );
    // One second of burst for this guild (5), the rest shed.
    expect(shed).toBeGreaterThanOrEqual(FLOOD / 2);
    h.gateway.admission?.flush();
    const reports = logged.filter((l) => l.event === 'gateway.overload_shed');
    expect(reports.reduce((sum, r) => sum + Number(r.fields.shed), 0)).toBe(shed);
    expect(reports[0]?.fields.byGuild).toEqual(
      expect.arrayContaining([{ guildId: guild, shed: expect.any(Number) }]),
    );
  });
});
