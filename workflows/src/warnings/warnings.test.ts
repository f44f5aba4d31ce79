import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import { useTemplateHarness } from '../testing/template-harness.js';
import { warnings } from './index.js';
import { command, modLog, storedWarnings, warning, writeWarnings } from './warnings-testing.js';

const { channels, users, roles, guild } = SANDBOX_IDS;
const vars = { moderatorRoleId: roles.moderator, modLogChannelId: channels.modLog };
const DAY = 86_400_000;

describe('warnings template', () => {
  it('installs /warn, /warnings and /unwarn, valid with the default escalation', () => {
    expect(warnings.graphs.map((g) => (g.nodes[0]?.config as { name: string }).name)).toEqual([
      'warn',
      'warnings',
      'unwarn',
    ]);
    const docs = instantiateAll('warnings', vars);
    for (const doc of docs) expect(validateGraph(doc), doc.name).toEqual([]);
    expect(docs[0]?.vars.escalation).toEqual([
      { warnings: 2, action: 'timeout', duration: '10m' },
      { warnings: 3, action: 'timeout', duration: '1h' },
      { warnings: 4, action: 'timeout', duration: '1d' },
      { warnings: 5, action: 'kick' },
    ]);
  });

  it('refuses an escalation timeout over 28 days or without a duration', () => {
    expect(() =>
      instantiateAll('warnings', {
        ...vars,
        escalation: [
          { warnings: 2, action: 'timeout', duration: '30d' },
          { warnings: 3, action: 'timeout' },
        ],
      }),
    ).toThrow(/at most 28d[\s\S]*duration|duration[\s\S]*at most 28d/);
  });

  describe('/warn on Temporal against the sandbox', () => {
    const h = useTemplateHarness();
    // The store outlives each test (the sandbox is reset): start every member with no warnings.
    beforeEach(async () => void (await h.service.store.dataKeys.deleteMany({})));
    const warn = (
      graph: Parameters<typeof command>[1],
      by: string,
      user: string,
      reason?: string,
    ) => command(h, graph, by, 'warn', { user, ...(reason ? { reason } : {}) });

    it('records a warning, DMs the member, logs it, and times out at the second', async () => {
      const { graphs } = await h.install('warnings', vars);
      const main = graphs['Warnings']!;
      const frank = users.frank;

      const [first] = await warn(main, users.alice, frank, 'spam in #general');
      expect(first?.ephemeral).toBe(true);
      expect(first?.content).toBe(
        `⚠️ Warned <@${frank}> (warning #1): spam in #general\nActive warnings: 1.`,
      );
      const dm = h.sandbox.messages({ dmUserId: frank }).map((m) => m.content);
      expect(dm).toHaveLength(1);
      expect(dm[0]).toMatch(
        /^⚠️ You have been warned by the moderators: spam in #general\nYou now have 1 active warning\(s\); this one expires <t:\d+:R>\.$/,
      );
      expect(h.sandbox.member(guild, frank).timedOutUntil).toBeNull();
      const stored = await storedWarnings(h, frank);
      expect(stored).toEqual([
        {
          id: '1',
          reason: 'spam in #general',
          by: users.alice,
          at: expect.any(String),
          until: expect.any(String),
        },
      ]);
      const { at, until } = stored![0]!;
      expect(Date.parse(until) - Date.parse(at)).toBe(30 * DAY); // the default expiry

      const [second] = await warn(main, users.alice, frank);
      expect(second?.content).toBe(
        `⚠️ Warned <@${frank}> (warning #2): no reason given\nActive warnings: 2. Escalation: timeout done.`,
      );
      const timedOut = Date.parse(h.sandbox.member(guild, frank).timedOutUntil ?? '');
      expect(timedOut - Date.now()).toBeGreaterThan(9 * 60_000);
      expect(timedOut - Date.now()).toBeLessThanOrEqual(10 * 60_000);

      const log = modLog(h);
      expect(log.map((e) => e.title)).toEqual(['⚠️ Warning #1', '⚠️ Warning #2', '⏳ Timed out']);
      expect(log[0]?.description).toBe(`<@${users.alice}> warned <@${frank}>.`);
      expect(log[0]?.fields?.map((f) => [f.name, f.value.replace(/\d{9,}/, 'N')])).toEqual([
        ['Reason', 'spam in #general'],
        ['Active warnings', '1'],
        ['Expires', '<t:N:R>'],
        ['DM', 'sent'],
      ]);
      expect(log[2]?.description).toBe(`<@${frank}> reached 2 active warnings: timed out for 10m.`);
    });

    it('refuses a member without the moderator role and records nothing', async () => {
      const { graphs } = await h.install('warnings', vars);
      const replies = await warn(
        graphs['Warnings']!,
        users.carol,
        users.dave,
        'I do not like dave',
      );
      expect(replies.map((r) => r.content)).toEqual([
        `Only members with the <@&${roles.moderator}> role can use /warn.`,
      ]);
      expect(modLog(h)).toEqual([]);
      expect(h.sandbox.messages({ dmUserId: users.dave })).toEqual([]);
      expect(await storedWarnings(h, users.dave)).toBeNull();
    });

    it('does not count a warning that expired: the next one is the first again', async () => {
      const { graphs } = await h.install('warnings', vars);
      // Given 31 days ago with the default 30-day expiry: expired a day ago.
      await writeWarnings(h, users.frank, [warning('1', 'old', users.alice, 31 * DAY, 30 * DAY)]);
      const [reply] = await warn(graphs['Warnings']!, users.alice, users.frank, 'new');
      expect(reply?.content).toBe(
        `⚠️ Warned <@${users.frank}> (warning #1): new\nActive warnings: 1.`,
      );
      expect(h.sandbox.member(guild, users.frank).timedOutUntil).toBeNull(); // no step at 1
      expect((await storedWarnings(h, users.frank))?.map((w) => w.reason)).toEqual(['new']);
    });

    it('logs an escalation Discord refuses (bob ranks above the bot) and says so', async () => {
      const escalation = [{ warnings: 1, action: 'timeout', duration: '1h' }];
      const { graphs } = await h.install('warnings', { ...vars, escalation });
      const [reply] = await warn(graphs['Warnings']!, users.alice, users.bob, 'test');
      expect(reply?.content).toBe(
        `⚠️ Warned <@${users.bob}> (warning #1): test\nActive warnings: 1. Escalation: timeout failed (see the mod-log).`,
      );
      expect(h.sandbox.member(guild, users.bob).timedOutUntil).toBeNull();
      const log = modLog(h);
      expect(log.map((e) => e.title)).toEqual([
        '⚠️ Warning #1',
        '❗ Could not time out the member',
      ]);
      expect(log[1]?.description).toMatch(
        new RegExp(
          `^<@${users.bob}> reached 1 active warnings, but Discord refused to time out them: .+`,
        ),
      );
    });

    it('kicks or bans at the steps that say so, and a closed DM does not stop it', async () => {
      const escalation = [
        { warnings: 1, action: 'ban' },
        { warnings: 2, action: 'kick' },
      ];
      const { graphs } = await h.install('warnings', { ...vars, escalation });
      await writeWarnings(h, users.dave, [warning('1', 'earlier', users.alice, DAY, 30 * DAY)]);
      // Dave's DMs are closed: opening the DM channel is refused.
      h.sandbox.faults.add({ method: 'POST', path: '/users/@me/channels', kind: 'forbidden' });
      await warn(graphs['Warnings']!, users.alice, users.dave, 'again');
      expect(h.sandbox.messages({ dmUserId: users.dave })).toEqual([]);
      expect(h.sandbox.member(guild, users.dave).kicked).toBe(true);
      await warn(graphs['Warnings']!, users.alice, users.erin, 'raid');
      expect(h.sandbox.member(guild, users.erin).banned).toBe(true);
      expect(modLog(h).map((e) => e.title)).toEqual([
        '⚠️ Warning #1',
        '👢 Kicked',
        '⚠️ Warning #1',
        '🔨 Banned',
      ]);
      expect(modLog(h)[0]?.fields?.find((f) => f.name === 'DM')?.value).toMatch(/^not delivered: /);
    });
  });
});
