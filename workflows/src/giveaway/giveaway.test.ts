import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { enterCollect } from '@guildflow/engine/service';
import { eventually } from '@guildflow/engine/testing/service';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness, userOf } from '../testing/template-harness.js';
import { giveaway } from './index.js';

const { guild, channels, users } = SANDBOX_IDS;
const alice = userOf(users.alice, 'alice');
const vars = { hostIds: [users.alice], giveawayChannelId: channels.giveaways };

describe('giveaway template', () => {
  it('is a valid graph declaring /giveaway prize duration winners', () => {
    expect(validateGraph(giveaway.graph)).toEqual([]);
    expect(validateGraph(instantiate('giveaway', vars))).toEqual([]);
    expect(giveaway.graph.nodes[0]).toMatchObject({
      type: 'trigger.slashCommand',
      config: {
        name: 'giveaway',
        options: [{ name: 'prize' }, { name: 'duration' }, { name: 'winners', type: 'integer' }],
      },
    });
  });

  describe('on Temporal against the sandbox (time compressed)', () => {
    const h = useTemplateHarness();

    /** Starts /giveaway as `by`; `timeScale` makes the entry window seconds long. */
    async function startGiveaway(
      by: ReturnType<typeof userOf>,
      options: Record<string, unknown>,
      timeScale: number,
    ) {
      const graph = await h.install('giveaway', vars);
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

    it('collects the clicks while the window is open, then draws and announces the winners', async () => {
      // 1 hour divided by 360: the window is open for 10 seconds.
      const { run, replies } = await startGiveaway(
        alice,
        { prize: 'Nitro', duration: '1h', winners: 2 },
        360,
      );
      const window = await eventually(
        async () =>
          (await h.service.store.collectWindows
            .findOne({ workflowId: run.workflowId })
            .lean<{ messageId: string; customId: string | null }>()) ?? undefined,
        'the giveaway to open its entries',
      );
      const post = h.sandbox.messages({ channelId: channels.giveaways })[0];
      expect(post?.id).toBe(window.messageId);
      expect(post?.content).toMatch(
        /^🎉 \*\*GIVEAWAY: Nitro\*\*\nClick \*\*Enter\*\* to take part! 2 winner\(s\) will be drawn <t:\d+:R>\.\nHosted by <@1300000000000000301>$/,
      );
      expect(JSON.stringify(post?.components)).toContain(`"custom_id":"${window.customId}"`);
      expect(window.customId).toMatch(/^giveaway:/);

      const entrants = [
        userOf(users.carol, 'carol'),
        userOf(users.dave, 'dave'),
        userOf(users.erin, 'erin'),
      ];
      for (const user of [...entrants, entrants[0]!])
        await enterCollect(h.service.store, {
          guildId: guild,
          messageId: window.messageId,
          customId: window.customId ?? '',
          user,
        });
      await enterCollect(h.service.store, {
        guildId: guild,
        messageId: window.messageId,
        customId: 'something-else',
        user: userOf(users.frank, 'frank'),
      });

      expect((await run.result()).status).toBe('completed');
      expect(replies()).toEqual([
        expect.stringMatching(
          /^Your giveaway for \*\*Nitro\*\* is up in <#1300000000000000103>; entries close <t:\d+:R>\.$/,
        ),
      ]);
      const [closed, announcement, ...rest] = h.sandbox.messages({ channelId: channels.giveaways });
      expect(rest).toEqual([]);
      expect(closed).toMatchObject({
        content: '🎉 **GIVEAWAY: Nitro**\nEntries are closed: 3 entered.',
        components: [],
      });
      const winners = [...(announcement?.content.matchAll(/<@(\d+)>/g) ?? [])].map((m) => m[1]);
      expect(new Set(winners).size).toBe(2);
      for (const winner of winners) expect(entrants.map((e) => e.id)).toContain(winner);
      expect(announcement?.content).toMatch(
        /^🏆 Congratulations <@\d+> <@\d+>! You won \*\*Nitro\*\* \(out of 3 entries\)\.$/,
      );
    });

    it('says so when nobody entered', async () => {
      const { run } = await startGiveaway(alice, { prize: 'A hug', duration: '1m' }, 60);
      expect((await run.result()).status).toBe('completed');
      expect(h.sandbox.messages({ channelId: channels.giveaways }).map((m) => m.content)).toEqual([
        '🎉 **GIVEAWAY: A hug**\nEntries are closed: 0 entered.',
        'Nobody entered the giveaway for **A hug**, so there is no winner this time.',
      ]);
    });

    it('goes on when the host cannot be answered (no interaction, e.g. a run started by hand)', async () => {
      const graph = await h.install('giveaway', vars);
      const options = { prize: 'Stickers', duration: '1m' };
      const run = await h.start(
        graph,
        {
          type: 'trigger.slashCommand',
          payload: { user: alice, channelId: channels.general, command: 'giveaway', options },
        },
        { timeScale: 60 },
      );
      const result = await run.result();
      expect(result.status).toBe('completed');
      expect(result.steps.find((s) => s.nodeId === 'started')).toMatchObject({
        status: 'failed',
        port: 'error',
      });
      expect(h.sandbox.messages({ channelId: channels.giveaways }).at(-1)?.content).toBe(
        'Nobody entered the giveaway for **Stickers**, so there is no winner this time.',
      );
    });

    it('tells the host when the giveaway cannot be posted (a duration that is no duration)', async () => {
      const { run, replies } = await startGiveaway(alice, { prize: 'Nitro', duration: 'soon' }, 1);
      expect((await run.result()).status).toBe('completed');
      expect(replies()).toEqual([
        expect.stringMatching(
          /^The giveaway could not be posted: .+\nCheck the duration \(like 30m, 2h, 1d or 1w\) and that I may post in <#1300000000000000103>\.$/s,
        ),
      ]);
      expect(h.sandbox.messages({ channelId: channels.giveaways })).toEqual([]);
    });

    it('refuses members who are not hosts', async () => {
      const { run, replies } = await startGiveaway(
        userOf(users.dave, 'dave'),
        { prize: 'Everything', duration: '1d' },
        1,
      );
      expect((await run.result()).status).toBe('completed');
      expect(replies()).toEqual([
        'Only the hosts set up in the Giveaway template can start giveaways.',
      ]);
      expect(h.sandbox.messages({ channelId: channels.giveaways })).toEqual([]);
    });
  });
});
