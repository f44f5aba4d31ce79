import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import {
  useTemplateHarness,
  userOf,
  type InstalledTemplate,
  type TemplateHarness,
} from '../testing/template-harness.js';
import { leveling } from './index.js';

const { guild, channels, roles, users } = SANDBOX_IDS;
const MAIN = 'Leveling';
const RANK = 'Leveling: /rank';
const BOARD = 'Leveling: /leaderboard';

/** A member posts a message: one run of the main graph, as the router would start it. */
async function post(
  h: TemplateHarness,
  installed: InstalledTemplate,
  userId: string,
  name: string,
) {
  const payload = {
    message: { id: `${Date.now()}`, channelId: channels.general, content: 'hello' },
    author: { ...userOf(userId, name), roles: [] },
  };
  const run = await h.start(installed.graphs[MAIN]!, { type: 'trigger.messageCreated', payload });
  const result = await run.result();
  expect(result.status).toBe('completed');
  return result;
}

/** Runs /rank or /leaderboard as `userId`; answers what the reply showed. */
async function command(
  h: TemplateHarness,
  installed: InstalledTemplate,
  graphName: string,
  userId: string,
  options: Record<string, unknown> = {},
) {
  const name = graphName === RANK ? 'rank' : 'leaderboard';
  // Both graphs answer publicly, so the router defers publicly.
  const interaction = await h.slashCommand(userId, name, options, { ephemeral: false });
  const payload = {
    user: { ...userOf(userId, 'someone'), roles: [] },
    channelId: channels.general,
    command: name,
    options,
  };
  const run = await h.start(
    installed.graphs[graphName]!,
    { type: 'trigger.slashCommand', payload },
    { interaction },
  );
  expect((await run.result()).status).toBe('completed');
  const replies = h.sandbox
    .messages({ channelId: channels.general })
    .filter((m) => m.interactionId === interaction.id);
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

describe('leveling template', () => {
  it('installs the XP graph with /rank and /leaderboard, all valid', () => {
    const docs = instantiateAll('leveling', {});
    expect(docs.map((d) => d.name)).toEqual([MAIN, RANK, BOARD]);
    for (const doc of [...leveling.graphs, ...docs])
      expect(validateGraph(doc), doc.name).toEqual([]);
    expect(docs[0]?.vars).toMatchObject({ cooldown: '1m', levelUpChannelId: '', roleRewards: [] });
  });

  describe('on Temporal against the sandbox, with the real data store', () => {
    const h = useTemplateHarness();

    // First in the file: the leaderboard holds only the XP of this test (later ones add more).
    it('ranks members by XP: /rank shows level, XP, XP to the next level and rank; /leaderboard the order', async () => {
      const few = await h.install('leveling', { xpPerMessage: [30], cooldown: '1h' });
      const many = await h.install('leveling', { xpPerMessage: [70], cooldown: '1h' });
      expect(await command(h, few, BOARD, users.frank)).toMatchObject({
        content: 'Nobody has XP yet: chatting in the server earns XP.',
        ephemeral: false,
      });
      await post(h, few, users.alice, 'alice');
      await post(h, many, users.bob, 'bob');

      const board = await command(h, few, BOARD, users.frank);
      expect(board.embeds).toEqual([
        expect.objectContaining({
          title: '🏆 Leaderboard',
          description: `🥇 <@${users.bob}> — 70 XP\n🥈 <@${users.alice}> — 30 XP`,
          footer: { text: '2 member(s) with XP' },
        }),
      ]);

      const own = await command(h, few, RANK, users.alice);
      expect(own.embeds).toEqual([
        expect.objectContaining({
          title: '🏅 Rank #2 of 2',
          description: `<@${users.alice}> is **level 0** with **30 XP**.\n70 XP to level 1.`,
        }),
      ]);
      expect(own.ephemeral).toBe(false);
      const other = await command(h, few, RANK, users.alice, { member: users.bob });
      expect(other.embeds[0]).toMatchObject({ title: '🏅 Rank #1 of 2' });

      // Unhappy: a member without XP asks (for themselves, or about another).
      // (an embed: naming another member there pings nobody).
      const none = await command(h, few, RANK, users.frank);
      expect(none.embeds[0]).toMatchObject({
        title: 'No XP yet',
        description: 'You have no XP yet: chatting in the server earns XP.',
      });
      const about = await command(h, few, RANK, users.alice, { member: users.erin });
      expect(about.embeds[0]).toMatchObject({
        description: `<@${users.erin}> has no XP yet: chatting in the server earns XP.`,
      });
      expect(about.mentions).toEqual([]);
    });

    it('gives XP once per cooldown: a second message inside it earns nothing', async () => {
      const installed = await h.install('leveling', { xpPerMessage: [20], cooldown: '2s' });
      const rankOf = async () =>
        (await command(h, installed, RANK, users.erin)).embeds[0] as { description: string };
      await post(h, installed, users.erin, 'erin');
      await post(h, installed, users.erin, 'erin');
      expect((await rankOf()).description).toContain('with **20 XP**');
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await post(h, installed, users.erin, 'erin');
      expect((await rankOf()).description).toContain('with **40 XP**');
    });

    it('draws each award from the XP amounts (15 to 25 by default)', async () => {
      const installed = await h.install('leveling', {});
      await post(h, installed, users.frank, 'frank');
      const card = (await command(h, installed, RANK, users.frank)).embeds[0] as {
        description: string;
      };
      const xp = Number(/with \*\*(\d+) XP\*\*/.exec(card.description)?.[1]);
      expect(xp).toBeGreaterThanOrEqual(15);
      expect(xp).toBeLessThanOrEqual(25);
    });

    it('congratulates in the level-up channel and gives the reward role of the level', async () => {
      const installed = await h.install('leveling', {
        xpPerMessage: [100],
        cooldown: '1s',
        levelUpChannelId: channels.giveaways,
        roleRewards: [
          { level: 1, roleId: roles.member },
          { level: 2, roleId: roles.newcomer },
        ],
      });
      await post(h, installed, users.carol, 'carol'); // 100 XP: level 1
      expect(h.sandbox.messages({ channelId: channels.giveaways }).map((m) => m.content)).toEqual([
        `GG <@${users.carol}>, you just reached **level 1**!`,
      ]);
      expect(h.sandbox.member(guild, users.carol).roles).toContain(roles.member);
      expect(h.sandbox.member(guild, users.carol).roles).not.toContain(roles.newcomer);

      // 200 XP is not yet level 2 (400): no message.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await post(h, installed, users.carol, 'carol');
      expect(h.sandbox.messages({ channelId: channels.giveaways })).toHaveLength(1);
      expect(h.sandbox.messages({ channelId: channels.general })).toEqual([]);
    });

    it('still congratulates when the reward role ranks above the bot, and says why it is missing', async () => {
      const installed = await h.install('leveling', {
        xpPerMessage: [100],
        levelUpMessage: 'Level {level} for {member}! {{ vars.secret }}',
        roleRewards: [{ level: 1, roleId: roles.moderator }],
      });
      const result = await post(h, installed, users.dave, 'dave');
      expect(result.steps.find((s) => s.nodeId === 'giveReward')).toMatchObject({ port: 'error' });
      const [congrats, problem, ...rest] = h.sandbox.messages({ channelId: channels.general });
      expect(rest).toEqual([]);
      expect(congrats?.content).toBe(`Level 1 for <@${users.dave}>! {{ vars.secret }}`);
      expect(problem?.content).toMatch(
        new RegExp(
          `^⚠️ I could not give <@${users.dave}> the <@&${roles.moderator}> role for level 1: .+\\nAn admin needs to give me Manage Roles and move my role above that one\\.$`,
          's',
        ),
      );
      expect(h.sandbox.member(guild, users.dave).roles).not.toContain(roles.moderator);
    });
  });
});
