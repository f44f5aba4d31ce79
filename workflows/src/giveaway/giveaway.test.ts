import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { eventually } from '@guildflow/engine/testing/service';
import { describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import { useTemplateHarness, type PayloadUser } from '../testing/template-harness.js';
import { giveawayKit, giveawayVars, people } from './giveaway-kit.js';
import { giveaway } from './index.js';

const { channels, roles } = SANDBOX_IDS;
const { bob, carol, dave, erin, frank, grace } = people;
const mentions = (text = '') => [...text.matchAll(/<@(\d+)>/g)].map((m) => m[1]);

describe('giveaway template', () => {
  it('is two valid graphs: /giveaway prize duration winners role, and the milestone giveaway', () => {
    expect(giveaway.graphs.map((g) => validateGraph(g))).toEqual([[], []]);
    for (const doc of instantiateAll('giveaway', giveawayVars))
      expect(validateGraph(doc)).toEqual([]);
    expect(giveaway.graph.nodes[0]).toMatchObject({
      type: 'trigger.slashCommand',
      config: {
        name: 'giveaway',
        options: [
          { name: 'prize' },
          { name: 'duration' },
          { name: 'winners', type: 'integer' },
          { name: 'role', type: 'role' },
        ],
      },
    });
  });

  describe('on Temporal against the sandbox (time compressed)', () => {
    const h = useTemplateHarness();
    const kit = giveawayKit(h);

    /** Starts /giveaway as `by`; `timeScale` makes a day seconds long. */
    async function startGiveaway(
      by: PayloadUser,
      options: Record<string, unknown>,
      vars: Record<string, unknown> = {},
      timeScale = 3600,
    ) {
      const graph = await h.install('giveaway', { ...giveawayVars, ...vars });
      const interaction = await h.slashCommand(by.id, 'giveaway', options);
      const run = await h.start(
        graph,
        {
          type: 'trigger.slashCommand',
          payload: { user: by, channelId: channels.general, command: 'giveaway', options },
        },
        { interaction, timeScale },
      );
      const replies = () =>
        h.sandbox
          .messages({ channelId: channels.general })
          .filter((m) => m.interactionId === interaction.id)
          .map((m) => m.content);
      return { run, replies };
    }

    it('takes members-only entries, ends early for a host, draws, DMs, and rerolls someone new', async () => {
      const { run, replies } = await startGiveaway(bob, {
        prize: 'Nitro',
        duration: '1d',
        winners: 1,
        role: roles.member,
      });
      const window = await kit.window(run.workflowId);
      const post = kit.posts()[0];
      expect(post?.id).toBe(window.messageId);
      expect(post?.content).toMatch(
        /^🎉 \*\*GIVEAWAY: Nitro\*\*\nClick \*\*Enter\*\* to take part! 1 winner\(s\) will be drawn <t:\d+:R> \(<t:\d+:f>\)\.\nOnly members with <@&1300000000000000202> can enter\.\nBonus entries:\n<@&1300000000000000202>: 2 entries\nHosted by <@1300000000000000302>$/,
      );
      expect(JSON.stringify(post?.components)).toContain('"label":"End now"');

      for (const who of [carol, dave, erin, frank, carol])
        await kit.click(who, window.messageId, window.customId);
      const end = await kit.waitFor(run.workflowId, 'giveaway-end:');
      expect((await kit.click(dave, end.messageId, end.customId)).signalled).toBe(0); // not a host
      expect((await kit.click(bob, end.messageId, end.customId)).signalled).toBe(1);

      const reroll = await kit.waitFor(run.workflowId, 'giveaway-reroll:');
      const [closed, announcement] = kit.posts();
      expect(closed).toMatchObject({
        content:
          '🎉 **GIVEAWAY: Nitro**\nEntries are closed (ended early by <@1300000000000000302>): 2 entered.',
        components: [],
      });
      expect(announcement?.content).toMatch(
        /^🏆 Congratulations <@\d+>! You won \*\*Nitro\*\* \(2 entered\)\.\nA host can reroll a winner until <t:\d+:f>\.$/,
      );
      const [winner] = mentions(announcement?.content);
      expect([carol.id, dave.id]).toContain(winner);
      expect(kit.dms().map((m) => m.content)).toEqual([
        '🎉 You won **Nitro** in the giveaway in <#1300000000000000103>! A host will be in touch.',
      ]);

      expect((await kit.click(carol, reroll.messageId, reroll.customId)).signalled).toBe(0);
      expect((await kit.click(bob, reroll.messageId, reroll.customId)).signalled).toBe(1);
      expect((await run.result()).status).toBe('completed');
      const other = winner === carol.id ? dave : carol;
      expect(
        kit
          .posts()
          .map((m) => m.content)
          .slice(2),
      ).toEqual([`🎲 Reroll by <@1300000000000000302>: ${other.mention} wins **Nitro**!`]);
      expect(kit.dms()).toHaveLength(2);
      expect(kit.posts()[1]?.components).toEqual([]); // rerolls are over
      expect(replies()).toEqual([
        expect.stringMatching(
          /^Your giveaway for \*\*Nitro\*\* is up in <#1300000000000000103>; entries close <t:\d+:R>\. A host can close it sooner with \*\*End now\*\*\.$/,
        ),
      ]);
    });

    it('says when a winner cannot be DMed, and when a reroll finds everyone has already won', async () => {
      const { run } = await startGiveaway(
        bob,
        { prize: 'Stickers', duration: '1d' },
        { maxRerolls: 2 },
      );
      const window = await kit.window(run.workflowId);
      await kit.click(grace, window.messageId, window.customId);
      const end = await kit.waitFor(run.workflowId, 'giveaway-end:');
      await kit.click(bob, end.messageId, end.customId);
      for (let i = 1; i <= 2; i++) {
        const reroll = await kit.waitFor(run.workflowId, 'giveaway-reroll:');
        expect((await kit.click(bob, reroll.messageId, reroll.customId)).signalled).toBe(1);
        await eventually(
          () =>
            kit.posts().filter((m) => m.content.startsWith('🎲 Everyone')).length === i ||
            undefined,
          `reroll ${i} to answer`,
        );
      }
      expect((await run.result()).status).toBe('completed');
      expect(
        kit
          .posts()
          .map((m) => m.content)
          .slice(2),
      ).toEqual([
        `${grace.mention}, I could not send you a direct message: ask a host for your prize.`,
        '🎲 Everyone who entered the giveaway for **Stickers** has already won: there is nobody left to reroll.',
        '🎲 Everyone who entered the giveaway for **Stickers** has already won: there is nobody left to reroll.',
      ]);
      expect(mentions(kit.posts()[1]?.content)).toEqual([grace.id]);
    });

    it('says so when nobody entered, and goes on when the host cannot be answered', async () => {
      const graph = await h.install('giveaway', giveawayVars);
      const options = { prize: 'A hug', duration: '1m' };
      const run = await h.start(
        graph,
        {
          type: 'trigger.slashCommand',
          payload: { user: bob, channelId: channels.general, command: 'giveaway', options },
        },
        { timeScale: 60 },
      );
      const result = await run.result();
      expect(result.status).toBe('completed');
      expect(result.steps.find((s) => s.nodeId === 'started')).toMatchObject({ port: 'error' });
      expect(kit.posts().map((m) => m.content)).toEqual([
        '🎉 **GIVEAWAY: A hug**\nEntries are closed: 0 entered.',
        'Nobody entered the giveaway for **A hug**, so there is no winner this time.',
      ]);
      expect(kit.dms()).toEqual([]);
    });

    it('tells the host when the giveaway cannot be posted (a duration that is no duration)', async () => {
      const { run, replies } = await startGiveaway(
        bob,
        { prize: 'Nitro', duration: 'soon' },
        {},
        1,
      );
      expect((await run.result()).status).toBe('completed');
      expect(replies()).toEqual([
        expect.stringMatching(
          /^The giveaway could not be posted: .+\nCheck the duration \(like 30m, 2h, 1d or 1w\) and that I may post in <#1300000000000000103>\.$/s,
        ),
      ]);
      expect(kit.posts()).toEqual([]);
    });

    it('refuses members without the host role', async () => {
      const { run, replies } = await startGiveaway(
        dave,
        { prize: 'Everything', duration: '1d' },
        {},
        1,
      );
      expect((await run.result()).status).toBe('completed');
      expect(replies()).toEqual([
        'Only members with the <@&1300000000000000204> role can start giveaways.',
      ]);
      expect(kit.posts()).toEqual([]);
    });
  });
});
