import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, roles, users } = SANDBOX_IDS;

/** Roles in trigger payloads, trigger.memberUpdated and flow.waitFor's roleId, end to end. */
describe('gateway: member roles', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());

  let since = '';
  const said = (channelId: string) =>
    h.sandbox
      .messages({ channelId })
      .filter((m) => m.authorIsBot && m.createdAt >= since)
      .map((m) => m.content);
  const say = (channelId: string, content: string): [string, string, Record<string, unknown>] => [
    'say',
    'discord.sendMessage',
    { channelId, content },
  ];

  it('a slash command’s payload carries the user’s roles', async () => {
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.slashCommand', { name: 'whoami', description: 'Who am I' }],
          [
            'answer',
            'discord.reply',
            {
              content:
                '{{ trigger.user.username }}: {{ trigger.user.roles | join(",") }} mod={{ trigger.user.roles | contains("' +
                roles.moderator +
                '") }}',
            },
          ],
        ],
        [['start', 'out', 'answer']],
      ),
      name: 'Who am I',
    });
    const answer = async (userId: string) => {
      const used = h.sandbox.inject({
        type: 'slashCommand',
        guildId: guild,
        channelId: channels.general,
        userId,
        name: 'whoami',
      });
      return (
        await eventually(
          () =>
            h.sandbox
              .messages()
              .find((m) => m.interactionId === used.interactionId && m.content.includes(':')),
          'the answer',
        )
      ).content;
    };
    expect(await answer(users.bob)).toBe(`bob: ${roles.moderator} mod=true`);
    expect(await answer(users.carol)).toBe(`carol: ${roles.member} mod=false`);
  });

  it('trigger.memberUpdated fires on role changes and on screening passed, filtered by change and roleId', async () => {
    const out = channels.general;
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.memberUpdated', { change: 'roles' }],
          say(
            out,
            'roles {{ trigger.member.username }} +{{ trigger.rolesAdded | join(",") }} -{{ trigger.rolesRemoved | join(",") }} now {{ trigger.member.roles | join(",") }}',
          ),
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Role changes',
    });
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.memberUpdated', { change: 'screening' }],
          say(
            out,
            'screened {{ trigger.member.username }} passed={{ trigger.screeningPassed }} pending={{ trigger.member.pending }}',
          ),
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Rules accepted',
    });
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.memberUpdated', { roleId: roles.moderator }],
          say(out, 'new moderator {{ trigger.member.mention }}'),
        ],
        [['start', 'out', 'say']],
      ),
      name: 'New moderator',
    });
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.memberJoined'],
          say(
            channels.giveaways,
            'joined {{ trigger.member.username }} pending={{ trigger.member.pending }} roles=[{{ trigger.member.roles | join(",") }}] {{ trigger.member.avatarUrl }}',
          ),
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Joins',
    });
    since = new Date().toISOString();
    const joined = h.sandbox.inject({
      type: 'memberJoined',
      guildId: guild,
      user: { username: 'newbie' },
      pending: true,
    });
    const newbie = joined.userId!;
    // Screening passed: only the screening graph.
    expect(
      h.sandbox.inject({ type: 'memberUpdated', guildId: guild, userId: newbie, pending: false }),
    ).toMatchObject({ changed: true, pending: false, roles: [] });
    await eventually(() => (said(out).length >= 1 ? true : undefined), 'the screening note');
    await h.gateway.idle();
    // A role given by an injected change, then Moderator given by the bot's REST call.
    h.sandbox.inject({
      type: 'memberUpdated',
      guildId: guild,
      userId: newbie,
      addRoles: [roles.member],
    });
    await eventually(() => (said(out).length >= 2 ? true : undefined), 'the role note');
    await h.gateway.idle();
    const rest = await fetch(
      `${h.sandbox.apiUrl}/v10/guilds/${guild}/members/${newbie}/roles/${roles.newcomer}`,
      { method: 'PUT', headers: { authorization: `Bot ${h.sandbox.token}` } },
    );
    expect(rest.status).toBe(204);
    await eventually(() => (said(out).length >= 3 ? true : undefined), 'the REST role note');
    await h.gateway.idle();
    h.sandbox.inject({
      type: 'memberUpdated',
      guildId: guild,
      userId: newbie,
      addRoles: [roles.moderator],
      removeRoles: [roles.newcomer],
    });
    await eventually(() => (said(out).length >= 5 ? true : undefined), 'the moderator notes');
    await h.gateway.idle();
    expect(said(out).sort()).toEqual(
      [
        `screened newbie passed=true pending=false`,
        `roles newbie +${roles.member} - now ${roles.member}`,
        `roles newbie +${roles.newcomer} - now ${roles.member},${roles.newcomer}`,
        `roles newbie +${roles.moderator} -${roles.newcomer} now ${roles.member},${roles.moderator}`,
        `new moderator <@${newbie}>`,
      ].sort(),
    );
    const avatar = `https://cdn.discordapp.com/embed/avatars/${Number((BigInt(newbie) >> 22n) % 6n)}.png`;
    await eventually(
      () => (said(channels.giveaways).length > 0 ? true : undefined),
      'the join note',
    );
    expect(said(channels.giveaways)).toEqual([`joined newbie pending=true roles=[] ${avatar}`]);
    // Nothing changed: no update is dispatched, no run starts.
    expect(
      h.sandbox.inject({ type: 'memberUpdated', guildId: guild, userId: newbie, pending: false }),
    ).toMatchObject({ changed: false });
  });

  it('flow.waitFor with roleId ignores a click by a member without the role and takes one with it', async () => {
    const { graphId } = await h.publish({
      ...graph(
        [
          ['start', 'trigger.manual'],
          [
            'ask',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content: 'Moderators: approve?',
              buttons: [{ label: 'Approve', customId: 'approve' }],
            },
          ],
          [
            'wait',
            'flow.waitFor',
            {
              event: 'button',
              messageId: '{{ nodes.ask.messageId }}',
              customId: 'approve',
              roleId: roles.moderator,
              timeout: '1h',
            },
          ],
          [
            'done',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content:
                'Approved by {{ nodes.wait.user.username }} ({{ nodes.wait.user.roles | join(",") }})',
            },
          ],
        ],
        [
          ['start', 'out', 'ask'],
          ['ask', 'out', 'wait'],
          ['wait', 'received', 'done'],
        ],
      ),
      name: 'Moderator approval',
    });
    const started = await h.service.api('POST', `/api/guilds/${guild}/graphs/${graphId}/runs`, {
      body: { payload: {}, simulate: true },
    });
    expect(started.status).toBe(202);
    const ask = await eventually(
      () => h.sandbox.messages().find((m) => m.authorIsBot && m.content === 'Moderators: approve?'),
      'the question',
    );
    await eventually(
      async () =>
        (await h.service.store.waits.countDocuments({ messageId: ask.id })) > 0 ? true : undefined,
      'the wait',
    );
    const click = (userId: string) =>
      h.sandbox.inject({
        type: 'buttonClicked',
        guildId: guild,
        channelId: channels.general,
        messageId: ask.id,
        userId,
        customId: 'approve',
      });
    const carol = click(users.carol);
    // Carol has no Moderator role: the click is acknowledged (then routed), the run goes on waiting.
    await eventually(
      () => h.sandbox.interaction(carol.interactionId!)?.responses[0],
      'the acknowledgement',
    );
    await h.gateway.idle();
    expect(await h.service.store.waits.countDocuments({ messageId: ask.id })).toBe(1);
    expect(h.sandbox.messages().some((m) => m.content.startsWith('Approved by'))).toBe(false);
    click(users.bob);
    const done = await eventually(
      () => h.sandbox.messages().find((m) => m.content.startsWith('Approved by')),
      'the approval',
    );
    expect(done.content).toBe(`Approved by bob (${roles.moderator})`);
  });
});
