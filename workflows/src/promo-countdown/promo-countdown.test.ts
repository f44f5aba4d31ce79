import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness } from '../testing/template-harness.js';
import { promoCountdown } from './index.js';

const { channels, roles } = SANDBOX_IDS;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const unix = (ms: number) => Math.floor(ms / 1000);

describe('promo-countdown template', () => {
  it('is a valid graph: announce, the reminders still ahead in order, then live', () => {
    expect(validateGraph(promoCountdown.graph)).toEqual([]);
    const doc = instantiate('promo-countdown', {
      channelId: channels.general,
      productName: 'Season 2',
      launchAt: '2025-12-24T18:00:00Z',
    });
    expect(validateGraph(doc)).toEqual([]);
    expect(doc.vars).toMatchObject({
      offsets: ['7d', '3d', '24h', '1h'],
      pingRoleId: '',
      pingEveryReminder: false,
      giveawayPrize: '',
    });
    const types = Object.fromEntries(promoCountdown.graph.nodes.map((n) => [n.id, n.type]));
    expect(types).toMatchObject({
      eachOffset: 'flow.forEach',
      eachReminder: 'flow.forEach',
      untilReminder: 'flow.delay',
      untilLaunch: 'flow.delay',
      entries: 'flow.collect',
    });
  });

  describe('on Temporal against the sandbox (time compressed)', () => {
    const h = useTemplateHarness();
    /** Installs and runs the countdown; `dayMs`: how long a day lasts in the run. */
    const countdown = async (vars: Record<string, unknown>, dayMs: number) => {
      const graph = await h.install('promo-countdown', { channelId: channels.general, ...vars });
      const run = await h.start(
        graph,
        { type: 'trigger.manual', payload: {} },
        { timeScale: DAY / dayMs },
      );
      const result = await run.result();
      expect(result.status).toBe('completed');
      return { result, messages: h.sandbox.messages({ channelId: channels.general }) };
    };

    it('a launch in 8 days: the announcement, a reminder at 7d, 3d, 24h and 1h, then live', async () => {
      const launch = Date.now() + 8 * DAY;
      const at = `<t:${unix(launch)}:R> (<t:${unix(launch)}:F>)`;
      // Each wait runs until its date, compressed from when it starts: ~29 days of waits in all.
      const { result, messages } = await countdown(
        {
          productName: 'Season 2',
          launchAt: new Date(launch).toISOString(),
          details: 'New maps!',
          link: 'https://example.com/season-2',
          // A role the bot can ping (mentionable in the sandbox).
          pingRoleId: roles.moderator,
        },
        150,
      );
      expect(messages.map((m) => m.content)).toEqual([
        `<@&${roles.moderator}> 📣 **Season 2** launches <t:${unix(launch)}:F> (<t:${unix(launch)}:R>)! New maps!`,
        `⏰ **Season 2** launches ${at}!`,
        `⏰ **Season 2** launches ${at}!`,
        `⏰ **Season 2** launches ${at}!`,
        `⏰ **Season 2** launches ${at}!`,
        `<@&${roles.moderator}> 🚀 **Season 2** is live now! https://example.com/season-2`,
      ]);
      // The role is pinged (listed in allowedRoleMentions) at the announcement and the launch only.
      expect(messages.map((m) => m.mentionRoles)).toEqual([
        [roles.moderator],
        [],
        [],
        [],
        [],
        [roles.moderator],
      ]);
      // One wait per reminder, earliest first, each until launch − offset.
      const waits = result.steps.filter((s) => s.nodeId === 'untilReminder');
      expect(waits.map((s) => s.status)).toEqual(Array(4).fill('completed'));
      const reminderTimes = result.steps.find((s) => s.nodeId === 'order')?.output as {
        reminderTimes: string[];
      };
      expect(reminderTimes.reminderTimes.map((t) => (launch - Date.parse(t)) / HOUR)).toEqual([
        7 * 24,
        3 * 24,
        24,
        1,
      ]);
      expect(result.steps.filter((s) => s.nodeId === 'giveaway' && s.status !== 'skipped')).toEqual(
        [],
      );
    });

    it('a countdown started after some offsets have passed skips them: no burst of stale reminders', async () => {
      const launch = Date.now() + 2 * DAY;
      const { messages } = await countdown(
        {
          productName: 'The sale',
          launchAt: new Date(launch).toISOString(),
          // Listed in any order: reminders still come earliest first.
          offsets: ['1h', '7d', '24h', '3d'],
          pingRoleId: roles.moderator,
          pingEveryReminder: true,
        },
        500,
      );
      const ping = `<@&${roles.moderator}> `;
      expect(messages.map((m) => m.content)).toEqual([
        `${ping}📣 **The sale** launches <t:${unix(launch)}:F> (<t:${unix(launch)}:R>)! `,
        `${ping}⏰ **The sale** launches <t:${unix(launch)}:R> (<t:${unix(launch)}:F>)!`,
        `${ping}⏰ **The sale** launches <t:${unix(launch)}:R> (<t:${unix(launch)}:F>)!`,
        `${ping}🚀 **The sale** is live now!`,
      ]);
      expect(messages.map((m) => m.mentionRoles)).toEqual(Array(4).fill([roles.moderator]));
    });

    it('a launch already past: announced and live at once, no reminders, no ping and no link', async () => {
      const { result, messages } = await countdown(
        { productName: 'The sale', launchAt: new Date(Date.now() - DAY).toISOString() },
        DAY,
      );
      // No Stripe credential and coupon: no promotion code is made or ended.
      const stripeSteps = result.steps.filter(
        (s) => s.nodeId === 'promo' || s.nodeId === 'endPromo',
      );
      expect(stripeSteps.filter((s) => s.status !== 'skipped')).toEqual([]);
      expect(messages.map((m) => m.content)).toEqual([
        expect.stringMatching(/^📣 \*\*The sale\*\* launches <t:\d+:F> \(<t:\d+:R>\)! $/),
        '🚀 **The sale** is live now!',
      ]);
      expect(messages.map((m) => m.mentionRoles)).toEqual([[], []]);
    });
  });
});
