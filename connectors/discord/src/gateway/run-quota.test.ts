import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { PLANS } from '@guildflow/engine/service';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels } = SANDBOX_IDS;
const LIMIT = PLANS.free.limits.runsPerMonth!;
// The sandbox guild's system channel, where the over-quota notice goes.
const SYSTEM = channels.welcome;

function greeter() {
  return {
    ...graph(
      [
        ['start', 'trigger.memberJoined'],
        [
          'greet',
          'discord.sendMessage',
          { channelId: channels.general, content: 'Hello {{ trigger.member.mention }}' },
        ],
      ],
      [['start', 'out', 'greet']],
    ),
    name: 'Greeter',
  };
}

describe('monthly run quota at the router (billing on)', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    // No cache: every event reads the count, so the test sees the limit at the exact run.
    h = await startGatewayHarness({ gateway: { billing: { cacheMs: 0 } } });
  });
  afterAll(async () => h?.close());

  const greeted = (userId: string) =>
    h.sandbox
      .messages({ channelId: channels.general })
      .filter((m) => m.content.includes(`<@${userId}>`));
  const notices = () =>
    h.sandbox
      .messages({ channelId: SYSTEM })
      .filter((m) => m.content.startsWith('Guildflow: this server used'));
  const join = async (username: string) => {
    const { userId } = h.sandbox.inject({
      type: 'memberJoined',
      guildId: guild,
      user: { username },
    });
    await h.gateway.idle();
    return userId!;
  };

  it('starts the last run of the month, then nothing, with exactly one notice to the system channel', async () => {
    await h.publish(greeter());
    const month = new Date().toISOString().slice(0, 7);
    // This month's count so far, as the router's $inc left it: one run below Free's quota.
    await h.service.store.usage.create({
      _id: `${guild}:${month}`,
      guildId: guild,
      period: month,
      runs: LIMIT - 1,
      noticeAt: null,
    });

    const last = await join('last-one-in');
    await eventually(() => (greeted(last).length === 1 ? true : undefined), 'the last run');
    const usage = () => h.service.store.usage.findById(`${guild}:${month}`).lean();
    expect((await usage())?.runs).toBe(LIMIT);

    const refused = [await join('too-late-1'), await join('too-late-2')];
    await eventually(() => (notices().length > 0 ? true : undefined), 'the quota notice');
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.content).toContain(`${LIMIT} runs of its Free plan`);
    expect(notices()[0]?.content).toContain('upgraded');
    // Give a wrongly started run time to post; nothing may arrive, and nothing was counted.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const userId of refused) expect(greeted(userId)).toHaveLength(0);
    expect((await usage())?.runs).toBe(LIMIT);
    expect((await usage())?.noticeAt).toBeInstanceOf(Date);
  });

  it('starts runs again once the guild is on a plan with room (read within the cache period)', async () => {
    await h.service.store.guilds.updateOne({ _id: guild }, { $set: { plan: 'premium' } });
    const back = await join('after-upgrade');
    await eventually(
      () => (greeted(back).length === 1 ? true : undefined),
      'a run after the upgrade',
    );
    expect(notices()).toHaveLength(1);
  });
});
