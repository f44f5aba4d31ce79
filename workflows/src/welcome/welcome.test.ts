import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness, userOf } from '../testing/template-harness.js';
import { welcome } from './index.js';

const { channels, roles, guild } = SANDBOX_IDS;
const vars = { welcomeChannelId: channels.welcome, newcomerRoleId: roles.newcomer };

describe('welcome template', () => {
  it('is a valid graph started by trigger.memberJoined', () => {
    expect(validateGraph(welcome.graph)).toEqual([]);
    expect(validateGraph(instantiate('welcome', vars))).toEqual([]);
    expect(welcome.graph.nodes[0]?.type).toBe('trigger.memberJoined');
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();

    it('greets a joining member in the welcome channel and gives them the Newcomer role', async () => {
      const graph = await h.install('welcome', vars);
      const { userId, memberCount } = h.sandbox.inject({
        type: 'memberJoined',
        guildId: guild,
        user: { username: 'zoe' },
      });
      const member = userOf(userId ?? '', 'zoe');
      const run = await h.start(graph, {
        type: 'trigger.memberJoined',
        payload: { member, guild: { id: guild, name: 'Guildflow Sandbox', memberCount } },
      });

      expect((await run.result()).status).toBe('completed');
      const posted = h.sandbox.messages({ channelId: channels.welcome });
      expect(posted.map((m) => m.content)).toEqual([
        `👋 Welcome <@${userId}>! You are member #${memberCount} of **Guildflow Sandbox**. Make yourself at home and have a look around.`,
      ]);
      expect(posted[0]?.authorId).toBe(SANDBOX_IDS.botUser);
      expect(h.sandbox.member(guild, userId ?? '').roles).toEqual([roles.newcomer]);
    });

    it('prints a greeting and member names as data, never as templates', async () => {
      const graph = await h.install('welcome', {
        ...vars,
        greeting: 'Rules: {{ vars.newcomerRoleId }}',
      });
      const { userId, memberCount } = h.sandbox.inject({
        type: 'memberJoined',
        guildId: guild,
        user: { username: 'mallory' },
      });
      const run = await h.start(graph, {
        type: 'trigger.memberJoined',
        payload: {
          member: userOf(userId ?? '', '{{ vars.newcomerRoleId }}'),
          guild: { id: guild, name: '{{ run.id }}', memberCount },
        },
      });
      expect((await run.result()).status).toBe('completed');
      expect(h.sandbox.messages({ channelId: channels.welcome })[0]?.content).toBe(
        `👋 Welcome <@${userId}>! You are member #${memberCount} of **{{ run.id }}**. Rules: {{ vars.newcomerRoleId }}`,
      );
    });
  });
});
