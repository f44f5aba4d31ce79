import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { eventually } from '@guildflow/engine/testing/service';
import { describe, expect, it } from 'vitest';
import { useTemplateHarness } from '../testing/template-harness.js';
import { giveawayKit, giveawayVars, people } from './giveaway-kit.js';

const { guild, roles } = SANDBOX_IDS;
const { carol, dave, frank } = people;

/** The milestone companion at 600×: a 30-minute giveaway lasts 3 s, the Winner role 30 minutes 3 s. */
describe('giveaway template: milestone giveaway (on Temporal against the sandbox)', () => {
  const h = useTemplateHarness();
  const kit = giveawayKit(h);
  const vars = {
    ...giveawayVars,
    milestonePrize: 'a month of Nitro',
    milestoneDuration: '30m',
    milestoneWinners: 2,
    winnerRoleFor: '30m',
  };

  async function reach(milestone: number) {
    const { graphs } = await h.install('giveaway', vars);
    const graph = graphs['Milestone giveaway'];
    if (!graph) throw new Error('the milestone graph was not installed');
    expect(graph.doc.nodes[0]).toMatchObject({
      type: 'trigger.memberCountReached',
      config: { milestones: '{{ vars.milestones }}' },
    });
    expect(graph.doc.vars).toMatchObject({ milestones: [50, 100, 250, 500, 1000] });
    const payload = {
      milestone,
      member: {
        ...frank,
        avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png',
        pending: false,
      },
      guild: { id: guild, name: 'Guildflow Sandbox', memberCount: milestone },
    };
    return h.start(graph, { type: 'trigger.memberCountReached', payload }, { timeScale: 600 });
  }

  it('starts a giveaway by itself, gives the winners the Winner role, and takes it back later', async () => {
    const run = await reach(100);
    const window = await kit.window(run.workflowId);
    expect(kit.posts()[0]?.content).toMatch(
      /^🎉 \*\*We are 100 members!\*\* To celebrate: a giveaway for \*\*a month of Nitro\*\*\.\nClick \*\*Enter\*\* to take part! 2 winner\(s\) will be drawn <t:\d+:R> and get the <@&1300000000000000201> role for 30m\.$/,
    );
    for (const who of [carol, dave, carol]) await kit.click(who, window.messageId, window.customId);

    const hasRole = (id: string) => h.sandbox.member(guild, id).roles.includes(roles.newcomer);
    await eventually(() => (hasRole(carol.id) && hasRole(dave.id)) || undefined, 'the Winner role');
    const [closed, announcement] = kit.posts();
    expect(closed?.content).toBe(
      '🎉 **100 members giveaway: a month of Nitro**\nEntries are closed: 2 entered.',
    );
    expect(announcement?.content).toMatch(
      /^🏆 Congratulations (<@1300000000000000303> <@1300000000000000304>|<@1300000000000000304> <@1300000000000000303>)! You won \*\*a month of Nitro\*\* in the 100 members giveaway \(2 entered\), and the <@&1300000000000000201> role until <t:\d+:f>\.$/,
    );
    await eventually(() => kit.dms().length >= 2 || undefined, 'a DM to each winner');
    expect(kit.dms().map((m) => m.content)).toEqual([
      expect.stringContaining('🎉 You won **a month of Nitro** in the 100 members giveaway'),
      expect.stringContaining('🎉 You won **a month of Nitro** in the 100 members giveaway'),
    ]);

    expect((await run.result()).status).toBe('completed');
    expect(hasRole(carol.id) || hasRole(dave.id)).toBe(false);
    expect(h.sandbox.member(guild, carol.id).roles).toEqual([roles.member]);
  });

  it('says so when nobody entered, and gives no role', async () => {
    const run = await reach(250);
    expect((await run.result()).status).toBe('completed');
    expect(kit.posts().map((m) => m.content)).toEqual([
      '🎉 **250 members giveaway: a month of Nitro**\nEntries are closed: 0 entered.',
      'Nobody entered the 250 members giveaway, so there is no winner this time.',
    ]);
    expect(h.sandbox.actions({ type: 'member.roleAdd' })).toEqual([]);
  });
});
