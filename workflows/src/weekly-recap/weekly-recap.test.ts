import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { StatsRecorder } from '@guildflow/discord';
import { validateGraph, type RouterEvent } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness, userOf } from '../testing/template-harness.js';
import { weeklyRecap } from './index.js';

const { channels, users, guild } = SANDBOX_IDS;
const vars = { recapChannelId: channels.general, timezone: 'Europe/Berlin' };

describe('weekly-recap template', () => {
  it('is a valid graph on a weekly cron in the chosen time zone', () => {
    expect(validateGraph(weeklyRecap.graph)).toEqual([]);
    const doc = instantiate('weekly-recap', vars);
    expect(validateGraph(doc)).toEqual([]);
    expect(doc.vars).toMatchObject({ cron: '0 9 * * MON', timezone: 'Europe/Berlin' });
    expect(weeklyRecap.graph.nodes.map((n) => n.type)).toEqual([
      'trigger.schedule',
      'data.stats',
      'discord.sendMessage',
    ]);
    expect(weeklyRecap.graph.nodes[1]?.config).toEqual({ period: '7d', top: 5 });
  });

  describe('on Temporal against the sandbox, with the real data.stats', () => {
    const h = useTemplateHarness();
    const recap = async (overrides: Record<string, unknown> = {}) => {
      const graph = await h.install('weekly-recap', { ...vars, ...overrides });
      const run = await h.start(graph, { type: 'trigger.schedule', payload: {} });
      expect((await run.result()).status).toBe('completed');
      return h.sandbox.messages({ channelId: channels.general }).at(-1)?.embeds;
    };

    it('says so on a quiet week', async () => {
      expect(await recap({ title: 'Quiet week', color: '#000000' })).toEqual([
        expect.objectContaining({
          title: '📊 Quiet week',
          color: 0,
          fields: expect.arrayContaining([
            { name: '💬 Messages', value: '0', inline: true },
            { name: '🏅 Top members (messages)', value: 'Nobody posted this week.' },
            { name: '📈 Busiest channels (messages)', value: 'No messages this week.' },
          ]),
        }),
      ]);
    });

    it('posts the counts, the top members and the busiest channels of the week', async () => {
      // What the gateway records while connected: messages, joins and leaves as router events.
      const stats = new StatsRecorder(async () => h.service.store);
      let n = 0;
      const message = (author: string, name: string, channelId: string): RouterEvent => ({
        kind: 'messageCreated',
        eventId: `m${(n += 1)}`,
        guildId: guild,
        message: { id: `${n}`, channelId, content: 'hi' },
        author: { ...userOf(author, name), bot: false },
      });
      for (let i = 0; i < 3; i++) stats.record(message(users.carol, 'carol', channels.general));
      stats.record(message(users.carol, 'carol', channels.giveaways));
      stats.record(message(users.dave, 'dave', channels.general));
      const zoe = userOf('1300000000000000999', 'zoe');
      const server = { id: guild, name: 'Guildflow Sandbox', memberCount: 7 };
      stats.record({
        kind: 'memberJoined',
        eventId: 'j1',
        guildId: guild,
        member: zoe,
        guild: server,
      });
      stats.record({
        kind: 'memberLeft',
        eventId: 'l1',
        guildId: guild,
        member: zoe,
        guild: server,
      });
      await stats.flush();

      const [embed] = (await recap()) ?? [];
      expect(embed).toMatchObject({
        title: '📊 Weekly recap',
        description: expect.stringMatching(/^<t:\d+:D> – <t:\d+:D>$/),
        color: 0x5865f2,
        footer: { text: 'Weekly recap · Guildflow' },
        fields: [
          { name: '💬 Messages', value: '5', inline: true },
          { name: '👋 Joins', value: '1', inline: true },
          { name: '🚪 Leaves', value: '1', inline: true },
          { name: '🙋 Active members', value: '2', inline: true },
          {
            name: '🏅 Top members (messages)',
            value: `1. <@${users.carol}> — 4\n2. <@${users.dave}> — 1`,
          },
          {
            name: '📈 Busiest channels (messages)',
            value: `1. <#${channels.general}> — 4\n2. <#${channels.giveaways}> — 1`,
          },
        ],
      });
    });
  });
});
