import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import { useTemplateHarness, type InstalledTemplate } from '../testing/template-harness.js';
import { roleMenu } from './index.js';

const { channels, roles, users, guild } = SANDBOX_IDS;
const MENU = [
  { roleId: roles.newcomer, label: 'Gamer', emoji: '🎮' },
  { roleId: roles.member, label: 'Artist' },
];
const vars = { managerRoleId: roles.moderator, roles: MENU };
const NAMES: Record<string, string> = { [users.alice]: 'alice', [users.frank]: 'frank' };
const nameOf = (id: string) => NAMES[id] ?? id;
const role = (id: string) => `<@&${id}>`;

describe('role-menu template', () => {
  it('installs /role-menu and the graph that answers its buttons', () => {
    expect(roleMenu.graphs.map((g) => [g.name, g.nodes[0]?.type])).toEqual([
      ['Role menu', 'trigger.slashCommand'],
      ['Role menu clicks', 'trigger.buttonClicked'],
    ]);
    for (const doc of instantiateAll('role-menu', vars)) expect(validateGraph(doc)).toEqual([]);
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();

    /** `/role-menu` used by `userId` in #general; answers its ephemeral replies. */
    async function postMenu(installed: InstalledTemplate, userId: string) {
      const interaction = await h.slashCommand(userId, 'role-menu', {});
      const user = {
        id: userId,
        username: nameOf(userId),
        mention: `<@${userId}>`,
        roles: h.sandbox.member(guild, userId).roles,
      };
      const run = await h.start(
        installed,
        {
          type: 'trigger.slashCommand',
          payload: { user, channelId: channels.general, command: 'role-menu', options: {} },
        },
        { interaction },
      );
      expect((await run.result()).status).toBe('completed');
      return repliesTo(interaction.id);
    }

    /** The answers to an interaction, all ephemeral (only the member who clicked sees them). */
    function repliesTo(interactionId: string) {
      const replies = h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => m.interactionId === interactionId);
      expect(replies.every((m) => m.ephemeral)).toBe(true);
      return replies.map((m) => m.content);
    }

    /** Installs with `extra` vars, posts the menu as alice; answers a click function. */
    async function menu(extra: Record<string, unknown> = {}) {
      const installed = await h.install('role-menu', { ...vars, ...extra });
      expect(await postMenu(installed, users.alice)).toEqual([
        'The role menu is posted. Post it again after changing its roles: old menus keep their old buttons.',
      ]);
      const post = h.sandbox
        .messages({ channelId: channels.general })
        .find((m) => !m.interactionId);
      if (!post) throw new Error('no menu posted');
      /** `userId` clicks the button of `roleId`; answers the ephemeral answers of the click. */
      return async (
        userId: string,
        roleId: string,
        graph = installed.graphs['Role menu clicks']!,
      ) => {
        const customId = `rolemenu:${(extra.menuId as string) ?? 'roles'}:${roleId}`;
        const interaction = await h.buttonClick({
          userId,
          channelId: channels.general,
          messageId: post.id,
          customId,
        });
        const user = {
          id: userId,
          username: nameOf(userId),
          mention: `<@${userId}>`,
          roles: h.sandbox.member(guild, userId).roles,
        };
        const run = await h.start(
          graph,
          {
            type: 'trigger.buttonClicked',
            payload: { user, channelId: channels.general, messageId: post.id, customId },
          },
          { interaction },
        );
        expect((await run.result()).status).toBe('completed');
        return { replies: repliesTo(interaction.id) };
      };
    }

    it('posts one button per role for a manager, and refuses everyone else', async () => {
      const installed = await h.install('role-menu', { ...vars, requiredRoleId: roles.member });
      expect(await postMenu(installed, users.frank)).toEqual([
        `Only members with ${role(roles.moderator)} can post the role menu.`,
      ]);
      expect(
        h.sandbox.messages({ channelId: channels.general }).filter((m) => !m.interactionId),
      ).toEqual([]);
      await postMenu(installed, users.alice);
      const [post] = h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => !m.interactionId);
      expect(post?.embeds).toEqual([
        expect.objectContaining({
          title: 'Pick your roles',
          description: `Choose the roles you want.\n\nClick a button to get the role; click it again to remove it.\nOnly for members with ${role(roles.member)}.`,
        }),
      ]);
      const buttons = (post?.components as { components: Record<string, unknown>[] }[])[0]
        ?.components;
      expect(buttons).toEqual([
        expect.objectContaining({
          label: 'Gamer',
          custom_id: `rolemenu:roles:${roles.newcomer}`,
          emoji: expect.objectContaining({ name: '🎮' }),
        }),
        expect.objectContaining({ label: 'Artist', custom_id: `rolemenu:roles:${roles.member}` }),
      ]);
      expect(buttons?.[1]).not.toHaveProperty('emoji');
    });

    it('a menu of 7 roles posts 7 buttons in two rows, and a click on the last one works', async () => {
      const seven = [
        ...Array.from({ length: 6 }, (_, i) => ({
          roleId: `13000000000000002${50 + i}`,
          label: `Game ${i + 1}`,
          ...(i % 2 === 0 ? { emoji: '🎲' } : {}),
        })),
        { roleId: roles.member, label: 'Artist', emoji: '🎨' },
      ];
      const click = await menu({ roles: seven });
      const [post] = h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => !m.interactionId);
      const rows = post?.components as { components: Record<string, unknown>[] }[];
      expect(rows.map((r) => r.components.map((b) => b.label))).toEqual([
        ['Game 1', 'Game 2', 'Game 3', 'Game 4', 'Game 5'],
        ['Game 6', 'Artist'],
      ]);
      expect(rows.flatMap((r) => r.components.map((b) => b.custom_id))).toEqual(
        seven.map((r) => `rolemenu:roles:${r.roleId}`),
      );
      expect(rows[0]?.components[0]).toMatchObject({ style: 2, emoji: { name: '🎲' } });
      expect(rows[0]?.components[1]).not.toHaveProperty('emoji');
      expect(rows[1]?.components[1]).toMatchObject({ emoji: { name: '🎨' } });
      expect((await click(users.frank, roles.member)).replies).toEqual([
        `Added ${role(roles.member)}.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([roles.member]);
    });

    it('toggle: a click gives the role, the next takes it', async () => {
      const click = await menu();
      expect((await click(users.frank, roles.newcomer)).replies).toEqual([
        `Added ${role(roles.newcomer)}.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([roles.newcomer]);
      const second = await click(users.frank, roles.newcomer);
      expect(second.replies).toEqual([`Removed ${role(roles.newcomer)}.`]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([]);
    });

    it('pickOne: picking a role swaps it for the other role of the set', async () => {
      const click = await menu({ mode: 'pickOne' });
      await click(users.frank, roles.newcomer);
      expect((await click(users.frank, roles.member)).replies).toEqual([
        `Added ${role(roles.member)}, removed ${role(roles.newcomer)}.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([roles.member]);
    });

    it('verify: gives the role and never takes it', async () => {
      const click = await menu({ mode: 'verify' });
      await click(users.frank, roles.member);
      expect((await click(users.frank, roles.member)).replies).toEqual([
        `You already have ${role(roles.member)}.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([roles.member]);
    });

    it('refuses members without the required role', async () => {
      const click = await menu({ requiredRoleId: roles.member });
      expect((await click(users.frank, roles.newcomer)).replies).toEqual([
        `You need ${role(roles.member)} to use this menu.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([]);
    });

    it('gives nothing for a button whose role was taken out of the menu', async () => {
      const click = await menu();
      const changed = await h.install('role-menu', { ...vars, roles: [MENU[0]] });
      const { replies } = await click(
        users.frank,
        roles.member,
        changed.graphs['Role menu clicks']!,
      );
      expect(replies).toEqual([
        `${role(roles.member)} is no longer in this menu. Ask a moderator to post the menu again.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([]);
    });

    it('answers a clear private error for a role above the bot', async () => {
      const click = await menu({
        roles: [...MENU, { roleId: roles.moderator, label: 'Staff' }],
      });
      const { replies } = await click(users.frank, roles.moderator);
      expect(replies).toEqual([
        `I could not give you ${role(roles.moderator)}: my role must be above it in Server Settings → Roles. Please tell a moderator.`,
      ]);
      expect(h.sandbox.member(guild, users.frank).roles).toEqual([]);
    });
  });
});
