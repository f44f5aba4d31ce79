import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { StatsRecorder } from '@guildflow/discord';
import { validateGraph, type RouterEvent } from '@guildflow/engine/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness, userOf } from '../testing/template-harness.js';
import { weeklyRecap } from './index.js';

const { channels, users, guild } = SANDBOX_IDS;
const vars = { recapChannelId: channels.general, timezone: 'Europe/Berlin' };
const DAY = 86_400_000;
const MIN = 60_000;

describe('weekly-recap template', () => {
  it('is a valid graph reading this week and the week before on a weekly cron', () => {
    expect(validateGraph(weeklyRecap.graph)).toEqual([]);
    const doc = instantiate('weekly-recap', vars);
    expect(validateGraph(doc)).toEqual([]);
    expect(doc.vars).toMatchObject({ cron: '0 9 * * MON', timezone: 'Europe/Berlin' });
    const config = (id: string) => weeklyRecap.graph.nodes.find((n) => n.id === id)?.config;
    expect(config('thisWeek')).toEqual({ period: '7d', top: 5 });
    expect(config('lastWeek')).toEqual({ period: '7d', offset: '7d', top: 25 });
  });

  describe('on Temporal against the sandbox, with the real data.stats and data keys', () => {
    const h = useTemplateHarness();
    beforeEach(async () => {
      await h.service.store.stats.deleteMany({ guildId: guild });
      await h.service.store.dataKeys.deleteMany({ guildId: guild });
    });

    const recap = async () => {
      const graph = await h.install('weekly-recap', vars);
      const run = await h.start(graph, { type: 'trigger.schedule', payload: {} });
      expect((await run.result()).status).toBe('completed');
      const posted = h.sandbox.messages({ channelId: channels.general });
      expect(posted).toHaveLength(1);
      return posted[0]?.embeds?.[0] as {
        title: string;
        description: string;
        fields: { name: string; value: string }[];
      };
    };
    /** The figures and the tickets section, without the date line. */
    const body = (embed: { description: string }) => embed.description.split('\n').slice(2);
    const setCounters = async (counters: Record<string, number>) => {
      for (const [key, num] of Object.entries(counters))
        await h.service.store.dataKeys.updateOne(
          { guildId: guild, scope: 'guild', memberId: '', key: `tickets.${key}` },
          { $set: { num, expiresAt: null, updatedAt: new Date() } },
          { upsert: true },
        );
    };

    it('an empty week: zeros, no change to report, no top lists and no tickets section', async () => {
      const embed = await recap();
      expect(embed.title).toBe('📊 Weekly recap');
      expect(embed.description).toMatch(/^<t:\d+:D> – <t:\d+:D>\n\n/);
      expect(body(embed)).toEqual([
        '💬 **0** messages (same as last week)',
        '🙋 **0** active members (same as last week)',
        '👋 **0** joins (same as last week)',
        '🚪 **0** leaves (same as last week)',
      ]);
      expect(embed.fields).toEqual([
        { name: '🏅 Top members (messages)', value: 'Nobody posted this week.' },
        { name: '📈 Busiest channels (messages)', value: 'No messages this week.' },
      ]);
      // No tickets template: nothing about tickets, and no snapshot kept.
      expect(await h.service.store.dataKeys.countDocuments({ guildId: guild })).toBe(0);
    });

    it('compares each figure, top member and channel with the week before', async () => {
      // What the gateway records while connected, on the day it happened.
      const stats = new StatsRecorder(async () => h.service.store);
      const lastWeek = new Date(Date.now() - 10 * DAY);
      const thisWeek = new Date(Date.now() - DAY);
      let n = 0;
      const post = (author: string, channelId: string, count: number, at: Date) => {
        for (let i = 0; i < count; i++) {
          const event: RouterEvent = {
            kind: 'messageCreated',
            eventId: `m${(n += 1)}`,
            guildId: guild,
            message: { id: `${n}`, channelId, content: 'hi' },
            author: { ...userOf(author, author), roles: [], bot: false },
          };
          stats.record(event, at);
        }
      };
      const zoe = {
        ...userOf('1300000000000000999', 'zoe'),
        roles: [],
        avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png',
        pending: false,
      };
      const server = { id: guild, name: 'Guildflow Sandbox', memberCount: 7 };
      // The week before: 1,075 messages by 2 members, one leave.
      post(users.carol, channels.general, 1000, lastWeek);
      post(users.erin, channels.giveaways, 75, lastWeek);
      stats.record(
        { kind: 'memberLeft', eventId: 'l1', guildId: guild, member: zoe, guild: server },
        lastWeek,
      );
      // This week: 1,204 messages by 2 members, one join.
      post(users.carol, channels.general, 1000, thisWeek);
      post(users.carol, channels.giveaways, 100, thisWeek);
      post(users.dave, channels.general, 104, thisWeek);
      stats.record(
        { kind: 'memberJoined', eventId: 'j1', guildId: guild, member: zoe, guild: server },
        thisWeek,
      );
      await stats.flush();

      const embed = await recap();
      expect(body(embed)).toEqual([
        '💬 **1,204** messages (▲ 12 % vs last week)',
        '🙋 **2** active members (same as last week)',
        '👋 **1** joins (new)',
        '🚪 **0** leaves (▼ 100 % vs last week)',
      ]);
      expect(embed.fields).toEqual([
        {
          name: '🏅 Top members (messages)',
          // dave did not post the week before.
          value: `1. <@${users.carol}> — 1,100 (▲ 10 % vs last week)\n2. <@${users.dave}> — 104 (new)`,
        },
        {
          name: '📈 Busiest channels (messages)',
          value: `1. <#${channels.general}> — 1,104 (▲ 10 % vs last week)\n2. <#${channels.giveaways}> — 100 (▲ 33 % vs last week)`,
        },
      ]);
    });

    it('with the tickets counters: the first recap shows all so far, the next one only its week', async () => {
      await setCounters({
        opened: 12,
        closed: 10,
        firstResponses: 11,
        firstResponseMs: 11 * 5 * MIN,
        resolutionMs: 10 * 120 * MIN,
        slaMissed: 2,
      });
      // A first run: no snapshot of the counters yet.
      expect(body(await recap()).slice(4)).toEqual([
        '',
        '**🎫 Tickets (all so far: the first recap since tickets began)**',
        '📥 **12** opened · ✅ **10** closed · ⚠️ **2** SLA missed',
        '⏱️ First response: 5m on average',
        '🏁 Resolution: 2h on average',
      ]);
      const snapshot = await h.service.store.dataKeys
        .findOne({ guildId: guild, key: 'recap.tickets' })
        .lean<{ json: string }>();
      expect(JSON.parse(snapshot?.json ?? 'null')).toEqual({
        opened: 12,
        closed: 10,
        firstResponses: 11,
        firstResponseMs: 11 * 5 * MIN,
        resolutionMs: 10 * 120 * MIN,
        slaMissed: 2,
      });

      // A week later: 8 more opened, 5 more closed, none missed.
      await setCounters({
        opened: 20,
        closed: 15,
        firstResponses: 19,
        firstResponseMs: 11 * 5 * MIN + 8 * 1.5 * MIN,
        resolutionMs: 10 * 120 * MIN + 5 * 60 * MIN,
        slaMissed: 2,
      });
      h.sandbox.reset();
      expect(body(await recap()).slice(4)).toEqual([
        '',
        '**🎫 Tickets**',
        '📥 **8** opened · ✅ **5** closed · ⚠️ **0** SLA missed',
        '⏱️ First response: 1m 30s on average',
        '🏁 Resolution: 1h on average',
      ]);
    });

    it('a tickets week with nothing answered or closed shows dashes, not a division by zero', async () => {
      await setCounters({ opened: 3 });
      expect(body(await recap()).slice(5)).toEqual([
        '**🎫 Tickets (all so far: the first recap since tickets began)**',
        '📥 **3** opened · ✅ **0** closed · ⚠️ **0** SLA missed',
        '⏱️ First response: – on average',
        '🏁 Resolution: – on average',
      ]);
    });
  });
});
