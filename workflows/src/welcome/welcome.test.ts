import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import { useTemplateHarness, type InstalledTemplate } from '../testing/template-harness.js';
import { welcome } from './index.js';

const { channels, roles, guild } = SANDBOX_IDS;
const vars = { welcomeChannelId: channels.welcome, newcomerRoleId: roles.newcomer };
const GUILD = { id: guild, name: 'Guildflow Sandbox' };
const AVATAR = 'https://cdn.discordapp.com/embed/avatars/3.png';

describe('welcome template', () => {
  it('installs a welcome on join, a goodbye on leave and a role on accepted rules', () => {
    expect(welcome.graphs.map((g) => [g.name, g.nodes[0]?.type])).toEqual([
      ['Welcome & goodbye', 'trigger.memberJoined'],
      ['Goodbye', 'trigger.memberLeft'],
      ['Rules accepted', 'trigger.memberUpdated'],
    ]);
    expect(welcome.graphs[2]?.nodes[0]?.config).toEqual({ change: 'screening' });
    for (const doc of instantiateAll('welcome', vars)) expect(validateGraph(doc)).toEqual([]);
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();

    /** A member joins the sandbox guild; answers the trigger payload the gateway would send. */
    function join(username: string, pending = false) {
      const { userId = '', memberCount } = h.sandbox.inject({
        type: 'memberJoined',
        guildId: guild,
        user: { username },
        pending,
      });
      const member = {
        id: userId,
        username,
        mention: `<@${userId}>`,
        roles: [] as string[],
        avatarUrl: AVATAR,
        pending,
      };
      return { member, guild: { ...GUILD, memberCount } };
    }

    async function welcomeRun(installed: InstalledTemplate, payload: ReturnType<typeof join>) {
      const run = await h.start(installed, { type: 'trigger.memberJoined', payload });
      return run.result();
    }

    it('greets with an embed (avatar, member number, rules link) and gives the starter role', async () => {
      const installed = await h.install('welcome', {
        ...vars,
        rulesChannelId: channels.announcements,
      });
      const joined = join('zoe');
      const result = await welcomeRun(installed, joined);

      expect(result.status).toBe('completed');
      const [post, ...more] = h.sandbox.messages({ channelId: channels.welcome });
      expect(more).toEqual([]);
      expect(post?.content).toBe(`👋 Welcome <@${joined.member.id}>!`);
      expect(post?.mentions).toEqual([joined.member.id]);
      expect(post?.embeds).toEqual([
        expect.objectContaining({
          title: 'Welcome to Guildflow Sandbox!',
          description: `Make yourself at home and have a look around.\n\n📜 Please read the rules in <#${channels.announcements}>.`,
          color: 0x57f287,
          thumbnail: expect.objectContaining({ url: AVATAR }),
          footer: expect.objectContaining({ text: `Member #${joined.guild.memberCount}` }),
        }),
      ]);
      expect(h.sandbox.member(guild, joined.member.id).roles).toEqual([roles.newcomer]);
      // No DM unless the DM var is on.
      expect(h.sandbox.messages({ dmUserId: joined.member.id })).toEqual([]);
    });

    it('sends the DM when asked, and still gives the role when the member takes no DMs', async () => {
      const installed = await h.install('welcome', { ...vars, dmEnabled: true, dmText: 'Hi!' });
      const open = join('yara');
      expect((await welcomeRun(installed, open)).status).toBe('completed');
      expect(h.sandbox.messages({ dmUserId: open.member.id }).map((m) => m.content)).toEqual([
        '👋 Welcome to **Guildflow Sandbox**, yara! Hi!',
      ]);

      // DMs closed: Discord refuses to open the DM channel (the sandbox's fault stands in).
      h.sandbox.faults.add({ method: 'POST', path: '/users/@me/channels', kind: 'forbidden' });
      const closed = join('xavier');
      const result = await welcomeRun(installed, closed);
      expect(result.status).toBe('completed');
      expect(result.steps.find((s) => s.nodeId === 'dm')).toMatchObject({
        status: 'failed',
        port: 'error',
      });
      expect(h.sandbox.messages({ dmUserId: closed.member.id })).toEqual([]);
      expect(h.sandbox.member(guild, closed.member.id).roles).toEqual([roles.newcomer]);
      expect(h.sandbox.messages({ channelId: channels.welcome })).toHaveLength(2);
    });

    it('posts the greeting but fails the run at the role when the role ranks above the bot', async () => {
      const installed = await h.install('welcome', { ...vars, newcomerRoleId: roles.moderator });
      const joined = join('walt');
      const failure = await welcomeRun(installed, joined).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      // The run's failure names the step and how to fix it (the run history shows the same).
      expect(String(failure?.cause)).toMatch(
        /Node "starterRole" \(discord\.addRole\) failed: .*highest role must also be above the role/,
      );
      expect(h.sandbox.messages({ channelId: channels.welcome }).map((m) => m.content)).toEqual([
        `👋 Welcome <@${joined.member.id}>!`,
      ]);
      expect(h.sandbox.member(guild, joined.member.id).roles).toEqual([]);
    });

    it('gives a pending member the role only once they accept the rules', async () => {
      const installed = await h.install('welcome', { ...vars, roleAfterRules: true });
      const joined = join('vera', true);
      expect((await welcomeRun(installed, joined)).status).toBe('completed');
      expect(h.sandbox.messages({ channelId: channels.welcome })).toHaveLength(1);
      expect(h.sandbox.member(guild, joined.member.id).roles).toEqual([]);

      // A member who is not pending (no screening on the server) gets it at once.
      const screened = join('uma', false);
      expect((await welcomeRun(installed, screened)).status).toBe('completed');
      expect(h.sandbox.member(guild, screened.member.id).roles).toEqual([roles.newcomer]);

      const passed = h.sandbox.inject({
        type: 'memberUpdated',
        guildId: guild,
        userId: joined.member.id,
        pending: false,
      });
      expect(passed).toMatchObject({ changed: true, pending: false });
      const accepted = await h.start(installed.graphs['Rules accepted']!, {
        type: 'trigger.memberUpdated',
        payload: {
          member: { ...joined.member, pending: false },
          guild: joined.guild,
          rolesAdded: [],
          rolesRemoved: [],
          screeningPassed: true,
        },
      });
      expect((await accepted.result()).status).toBe('completed');
      expect(h.sandbox.member(guild, joined.member.id).roles).toEqual([roles.newcomer]);
    });

    it('gives no role on accepted rules when the role is given at join', async () => {
      const installed = await h.install('welcome', vars);
      const joined = join('tess', true);
      h.sandbox.inject({
        type: 'memberUpdated',
        guildId: guild,
        userId: joined.member.id,
        pending: false,
      });
      const accepted = await h.start(installed.graphs['Rules accepted']!, {
        type: 'trigger.memberUpdated',
        payload: {
          member: { ...joined.member, pending: false },
          guild: joined.guild,
          rolesAdded: [],
          rolesRemoved: [],
          screeningPassed: true,
        },
      });
      const result = await accepted.result();
      expect(result.steps.find((s) => s.nodeId === 'starterRole')?.status).toBe('skipped');
      expect(h.sandbox.member(guild, joined.member.id).roles).toEqual([]);
    });

    it('says goodbye in the goodbye channel, and nothing while it is empty', async () => {
      const leave = async (installed: InstalledTemplate, username: string) => {
        const joined = join(username);
        const { memberCount } = h.sandbox.inject({
          type: 'memberLeft',
          guildId: guild,
          userId: joined.member.id,
        });
        const run = await h.start(installed.graphs.Goodbye!, {
          type: 'trigger.memberLeft',
          payload: { member: joined.member, guild: { ...GUILD, memberCount } },
        });
        expect((await run.result()).status).toBe('completed');
      };
      await leave(await h.install('welcome', vars), 'sam');
      expect(h.sandbox.messages({ channelId: channels.general })).toEqual([]);

      await leave(
        await h.install('welcome', { ...vars, goodbyeChannelId: channels.general }),
        '{{ vars.goodbyeText }}',
      );
      expect(h.sandbox.messages({ channelId: channels.general }).map((m) => m.content)).toEqual([
        '👋 **{{ vars.goodbyeText }}** left the server. Thanks for having been part of the server!',
      ]);
    });

    it('prints texts and member names as data, never as templates', async () => {
      const installed = await h.install('welcome', {
        ...vars,
        greeting: 'Rules: {{ vars.newcomerRoleId }}',
      });
      const joined = join('{{ run.id }}');
      expect((await welcomeRun(installed, joined)).status).toBe('completed');
      expect(h.sandbox.messages({ channelId: channels.welcome })[0]?.embeds).toEqual([
        expect.objectContaining({ description: 'Rules: {{ vars.newcomerRoleId }}' }),
      ]);
    });
  });
});
