import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness, userOf, type TemplateHarness } from '../testing/template-harness.js';
import { warnings } from './index.js';

const { channels, users, guild } = SANDBOX_IDS;
const alice = userOf(users.alice, 'alice');
const vars = { moderatorIds: [users.alice], modLogChannelId: channels.modLog };

describe('warnings template', () => {
  it('is a valid graph declaring /warn user reason', () => {
    expect(validateGraph(warnings.graph)).toEqual([]);
    expect(validateGraph(instantiate('warnings', vars))).toEqual([]);
    expect(warnings.graph.nodes[0]).toMatchObject({
      type: 'trigger.slashCommand',
      config: { name: 'warn', options: [{ name: 'user', type: 'user' }, { name: 'reason' }] },
    });
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();

    /** Runs /warn as `by` against `target`, as the router would; returns the replies it got. */
    async function warn(
      graph: Awaited<ReturnType<TemplateHarness['install']>>,
      by: ReturnType<typeof userOf>,
      target: string,
      reason?: string,
    ): Promise<string[]> {
      const options = { user: target, ...(reason ? { reason } : {}) };
      const interaction = await h.slashCommand(by.id, 'warn', options);
      const run = await h.start(
        graph,
        {
          type: 'trigger.slashCommand',
          payload: { user: by, channelId: channels.general, command: 'warn', options },
        },
        { interaction },
      );
      expect((await run.result()).status).toBe('completed');
      return h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => m.interactionId === interaction.id)
        .map((m) => m.content);
    }

    const modLog = () => h.sandbox.messages({ channelId: channels.modLog }).map((m) => m.content);

    it('DMs at first, times out from the timeout threshold, kicks at the kick threshold', async () => {
      const graph = await h.install('warnings', { ...vars, timeoutAt: 2, kickAt: 3 });
      const frank = users.frank;

      expect(await warn(graph, alice, frank, 'spam')).toEqual([
        `<@${frank}> now has 1 warning(s): warned by DM.`,
      ]);
      expect(h.sandbox.messages({ dmUserId: frank }).map((m) => m.content)).toEqual([
        '⚠️ You have been warned by the moderators (warning 1): spam\nAt 2 warnings you will be timed out for 1d; at 3 you will be removed from the server.',
      ]);
      expect(h.sandbox.member(guild, frank).timedOutUntil).toBeNull();

      expect(await warn(graph, alice, frank)).toEqual([
        `<@${frank}> now has 2 warning(s): timed out for 1d.`,
      ]);
      const until = Date.parse(h.sandbox.member(guild, frank).timedOutUntil ?? '');
      expect(until).toBeGreaterThan(Date.now() + 23 * 3600_000);
      expect(h.sandbox.actions({ type: 'member.timeout' })[0]?.reason).toContain(
        'Warning 2: no reason given',
      );

      expect(await warn(graph, alice, frank, 'again')).toEqual([
        `<@${frank}> now has 3 warning(s): kicked.`,
      ]);
      expect(h.sandbox.member(guild, frank).kicked).toBe(true);
      expect(h.sandbox.messages({ dmUserId: frank })).toHaveLength(1); // only the first warning DMs

      expect(modLog()).toEqual([
        `⚠️ <@${users.alice}> warned <@${frank}> (warning 1, warn): spam`,
        `⚠️ <@${users.alice}> warned <@${frank}> (warning 2, timeout): no reason given`,
        `⚠️ <@${users.alice}> warned <@${frank}> (warning 3, kick): again`,
      ]);
    });

    it('refuses members who are not moderators, counting nothing', async () => {
      const graph = await h.install('warnings', vars);
      const carol = userOf(users.carol, 'carol');
      expect(await warn(graph, carol, users.dave, 'I do not like dave')).toEqual([
        'Only the moderators set up in the Warnings template can use /warn.',
      ]);
      expect(modLog()).toEqual([]);
      expect(h.sandbox.messages({ dmUserId: users.dave })).toEqual([]);
      expect(await h.service.store.dataKeys.countDocuments({ memberId: users.dave })).toBe(0);
    });

    it('logs a timeout Discord refuses (a moderator above the bot) and still confirms', async () => {
      const graph = await h.install('warnings', { ...vars, timeoutAt: 1 });
      expect(await warn(graph, alice, users.bob, 'test')).toEqual([
        `<@${users.bob}> now has 1 warning(s): timed out for 1d.`,
      ]);
      expect(h.sandbox.member(guild, users.bob).timedOutUntil).toBeNull();
      const log = modLog();
      expect(log).toHaveLength(2);
      expect(log).toContainEqual(
        expect.stringMatching(new RegExp(`^❗ Could not time out <@${users.bob}>: `)),
      );
      expect(log).toContainEqual(
        `⚠️ <@${users.alice}> warned <@${users.bob}> (warning 1, timeout): test`,
      );
    });
  });
});
