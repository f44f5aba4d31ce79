import {
  ChannelType,
  Events,
  OverwriteType,
  PermissionFlagsBits,
  type Guild,
  type GuildMember,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView } from '../control/views.js';
import { SANDBOX_IDS } from '../seed.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';

const { users, roles, channels } = SANDBOX_IDS;

describe('moderation and channels over REST', () => {
  let h: Harness;
  let guild: Guild;
  const member = (id: string): GuildMember => {
    const m = guild.members.cache.get(id);
    if (!m) throw new Error(`member ${id} not cached`);
    return m;
  };
  beforeAll(async () => {
    h = await startWithClient();
    guild = h.client.guilds.cache.get(SANDBOX_IDS.guild) as Guild;
  });
  afterAll(async () => h?.close());

  it('adds and removes a role, dispatching GUILD_MEMBER_UPDATE, with the audit reason recorded', async () => {
    const updated = nextEvent<[GuildMember, GuildMember]>(
      h.client,
      Events.GuildMemberUpdate,
      (_old, m) => m.id === users.frank,
    );
    await member(users.frank).roles.add(roles.newcomer, 'Welcome flow');
    const [, after] = await updated;
    expect(after.roles.cache.has(roles.newcomer)).toBe(true);
    expect(h.sandbox.member(guild.id, users.frank).roles).toEqual([roles.newcomer]);
    expect(h.sandbox.actions({ type: 'member.roleAdd' })).toEqual([
      expect.objectContaining({
        userId: users.frank,
        roleId: roles.newcomer,
        reason: 'Welcome flow',
      }),
    ]);
    expect(
      h.sandbox.requests({ method: 'PUT', path: '/guilds/:g/members/:u/roles/:r' })[0]
        ?.auditLogReason,
    ).toBe('Welcome flow');
    await member(users.frank).roles.remove(roles.newcomer);
    expect(h.sandbox.member(guild.id, users.frank).roles).toEqual([]);
  });

  it('refuses roles above the bot (50013), unknown roles (10011) and unknown members (10007)', async () => {
    await expect(member(users.carol).roles.add(roles.moderator)).rejects.toMatchObject({
      code: 50013,
    });
    await expect(
      h.client.rest.put(`/guilds/${guild.id}/members/${users.carol}/roles/42`),
    ).rejects.toMatchObject({ code: 10011, status: 404 });
    await expect(
      h.client.rest.put(`/guilds/${guild.id}/members/42/roles/${roles.member}`),
    ).rejects.toMatchObject({ code: 10007, status: 404 });
  });

  it('answers GET member like Discord: 10007 outside the guild, 10013 for nobody', async () => {
    const { otherGuild } = SANDBOX_IDS;
    const get = (guildId: string, userId: string) =>
      h.client.rest.get(`/guilds/${guildId}/members/${userId}`);
    expect(await get(otherGuild.id, users.carol)).toMatchObject({ user: { id: users.carol } });
    await expect(get(guild.id, otherGuild.users.grace)).rejects.toMatchObject({
      code: 10007,
      status: 404,
    });
    await expect(get(guild.id, '1300000000000000999')).rejects.toMatchObject({
      code: 10013,
      status: 404,
    });
    h.sandbox.inject({ type: 'memberLeft', guildId: otherGuild.id, userId: users.carol });
    await expect(get(otherGuild.id, users.carol)).rejects.toMatchObject({ code: 10007 });
    h.sandbox.reset();
  });

  it('times a member out with communication_disabled_until', async () => {
    const timedOut = await member(users.dave).timeout(10 * 60_000, 'Spam');
    expect(timedOut.isCommunicationDisabled()).toBe(true);
    const { body } = await control<MemberView>(
      h.sandbox,
      'GET',
      `/sandbox/guilds/${guild.id}/members/${users.dave}`,
    );
    expect(Date.parse(body.timedOutUntil ?? '')).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(h.sandbox.actions({ type: 'member.timeout' })[0]).toMatchObject({
      userId: users.dave,
      reason: 'Spam',
    });
    await expect(member(users.dave).timeout(29 * 24 * 3600_000)).rejects.toMatchObject({
      code: 50035,
    });
    await expect(member(users.bob).timeout(60_000)).rejects.toMatchObject({ code: 50013 });
    await member(users.dave).timeout(null);
    expect(h.sandbox.member(guild.id, users.dave).timedOutUntil).toBeNull();
  });

  it('kicks and bans members, and cannot touch the owner or higher roles', async () => {
    const removed = nextEvent<[GuildMember]>(
      h.client,
      Events.GuildMemberRemove,
      (m) => m.id === users.erin,
    );
    await member(users.erin).kick('Bye');
    await removed;
    expect(h.sandbox.member(guild.id, users.erin)).toMatchObject({
      kicked: true,
      banned: false,
      present: false,
    });
    await expect(guild.members.fetch({ user: users.erin, force: true })).rejects.toMatchObject({
      code: 10007,
    });

    await guild.members.ban(users.carol, { reason: 'Raid', deleteMessageSeconds: 3600 });
    expect(h.sandbox.member(guild.id, users.carol)).toMatchObject({ banned: true, present: false });
    expect((await guild.bans.fetch({ user: users.carol, force: true })).reason).toBe('Raid');
    expect(h.sandbox.actions({ type: 'member.ban' })[0]).toMatchObject({
      userId: users.carol,
      reason: 'Raid',
    });

    await expect(member(users.alice).kick()).rejects.toMatchObject({ code: 50013 });
    await expect(member(users.bob).ban()).rejects.toMatchObject({ code: 50013 });
  });

  it('creates a text channel with permission overwrites', async () => {
    const created = await guild.channels.create({
      name: 'Ticket 42',
      type: ChannelType.GuildText,
      permissionOverwrites: [
        { id: guild.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: roles.bot, allow: [PermissionFlagsBits.ViewChannel] },
        {
          id: users.dave,
          type: OverwriteType.Member,
          allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages],
        },
      ],
      reason: 'Ticket opened',
    });
    expect(created.name).toBe('ticket-42');
    expect(created.permissionOverwrites.cache.get(guild.id)?.deny.has('ViewChannel')).toBe(true);
    expect(created.permissionsFor(users.dave)?.has('ViewChannel')).toBe(true);
    const state = h.sandbox.snapshot().guilds[0];
    expect(state?.channels.find((c) => c.id === created.id)).toMatchObject({
      name: 'ticket-42',
      type: 0,
    });
    expect(h.sandbox.actions({ type: 'channel.create' })[0]).toMatchObject({
      channelId: created.id,
      reason: 'Ticket opened',
    });
    await expect(guild.channels.create({ name: 'x'.repeat(101) })).rejects.toMatchObject({
      code: 50035,
    });
    // The bot cannot hand out permissions it does not hold (Administrator).
    await expect(
      guild.channels.create({
        name: 'admins',
        permissionOverwrites: [{ id: guild.id, allow: [PermissionFlagsBits.Administrator] }],
      }),
    ).rejects.toMatchObject({ code: 50013 });

    // A channel hidden from the bot is out of its reach afterwards, as on Discord.
    const hidden = await guild.channels.create({
      name: 'hidden',
      permissionOverwrites: [{ id: guild.id, deny: [PermissionFlagsBits.ViewChannel] }],
    });
    await expect(hidden.edit({ name: 'renamed' })).rejects.toMatchObject({
      code: 50001,
      status: 403,
    });

    await created.edit({
      name: 'ticket-42-closed',
      permissionOverwrites: [{ id: guild.id, deny: [PermissionFlagsBits.SendMessages] }],
    });
    expect(h.sandbox.snapshot().guilds[0]?.channels.find((c) => c.id === created.id)?.name).toBe(
      'ticket-42-closed',
    );
  });

  it('starts a private thread, adds a member, archives it', async () => {
    const tickets = h.client.channels.cache.get(channels.tickets) as TextChannel;
    const thread = await tickets.threads.create({
      name: 'Ticket dave',
      type: ChannelType.PrivateThread,
      invitable: false,
      reason: 'Ticket',
    });
    expect(thread.type).toBe(ChannelType.PrivateThread);
    expect(thread.parentId).toBe(tickets.id);
    await thread.members.add(users.dave);
    await thread.send('How can we help?');
    expect(h.sandbox.messages({ channelId: thread.id }).map((m) => m.content)).toEqual([
      'How can we help?',
    ]);
    expect(h.sandbox.state.channel(thread.id).thread?.members).toEqual([
      SANDBOX_IDS.botUser,
      users.dave,
    ]);
    await thread.setArchived(true);
    expect(h.sandbox.snapshot().guilds[0]?.channels.find((c) => c.id === thread.id)).toMatchObject({
      archived: true,
      type: 12,
    });
    expect(h.sandbox.actions({ type: 'thread.create' })[0]).toMatchObject({
      channelId: thread.id,
      details: { type: 12 },
    });
  });

  it('opens a DM channel and sends to it', async () => {
    const user = await h.client.users.fetch(users.alice);
    const message = await user.send('Your giveaway ended!');
    const dm = h.sandbox.messages({ dmUserId: users.alice });
    expect(dm).toEqual([
      expect.objectContaining({
        id: message.id,
        content: 'Your giveaway ended!',
        guildId: null,
        authorId: SANDBOX_IDS.botUser,
      }),
    ]);
    expect(h.sandbox.requests({ method: 'POST', path: '/users/@me/channels' })).toHaveLength(1);
    await user.send('again');
    expect(h.sandbox.requests({ method: 'POST', path: '/users/@me/channels' })).toHaveLength(1);
  });

  it('overwrites guild commands in bulk and keeps ids of unchanged names', async () => {
    const first = await guild.commands.set([{ name: 'ticket', description: 'Open a ticket' }]);
    const second = await guild.commands.set([
      { name: 'ticket', description: 'Open a support ticket' },
      {
        name: 'giveaway',
        description: 'Start a giveaway',
        options: [{ name: 'prize', description: 'What', type: 3, required: true }],
      },
    ]);
    expect(second.find((c) => c.name === 'ticket')?.id).toBe(first.first()?.id);
    expect(h.sandbox.state.commands.size).toBe(2);
    await expect(
      guild.commands.set([{ name: 'Bad Name', description: 'x' }]),
    ).rejects.toMatchObject({ code: 50035 });
  });
});
