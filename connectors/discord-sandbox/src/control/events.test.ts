import {
  Events,
  type GuildMember,
  type Message,
  type MessageReaction,
  type PartialGuildMember,
  type TextChannel,
  type User,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';
import type { GuildView } from './views.js';

const { guild: guildId, channels, users } = SANDBOX_IDS;

describe('injected events reach discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClient();
  });
  afterAll(async () => h?.close());

  it('memberJoined → guildMemberAdd with a new user id', async () => {
    const joined = nextEvent<[GuildMember]>(h.client, Events.GuildMemberAdd);
    const { status, body } = await control<{ userId: string; memberCount: number }>(
      h.sandbox,
      'POST',
      '/sandbox/events',
      {
        guildId,
        type: 'memberJoined',
        user: { username: 'zoe' },
      },
    );
    expect(status).toBe(200);
    const [member] = await joined;
    expect(member.id).toBe(body.userId);
    expect(member.user.username).toBe('zoe');
    expect(member.guild.memberCount).toBe(8);
    expect(body.memberCount).toBe(8);
    const state = await control<{ guilds: GuildView[] }>(h.sandbox, 'GET', '/sandbox/state');
    expect(
      state.body.guilds[0]?.members.some((m) => m.id === body.userId && m.username === 'zoe'),
    ).toBe(true);
  });

  it('memberLeft → guildMemberRemove', async () => {
    const { body } = await control<{ userId: string }>(h.sandbox, 'POST', '/sandbox/events', {
      guildId,
      type: 'memberJoined',
      user: { username: 'leaver' },
    });
    const left = nextEvent<[GuildMember | PartialGuildMember]>(
      h.client,
      Events.GuildMemberRemove,
      (m) => m.id === body.userId,
    );
    expect(
      (
        await control(h.sandbox, 'POST', '/sandbox/events', {
          guildId,
          type: 'memberLeft',
          userId: body.userId,
        })
      ).status,
    ).toBe(200);
    await left;
    expect(h.sandbox.member(guildId, body.userId)).toMatchObject({
      present: false,
      kicked: false,
      banned: false,
    });
  });

  it('messageCreated → messageCreate with content (MessageContent intent)', async () => {
    const created = nextEvent<[Message]>(
      h.client,
      Events.MessageCreate,
      (m) => m.author.id === users.carol,
    );
    const { body } = await control<{ messageId: string }>(h.sandbox, 'POST', '/sandbox/events', {
      guildId,
      type: 'messageCreated',
      channelId: channels.general,
      userId: users.carol,
      content: 'hello bot',
    });
    const [message] = await created;
    expect(message.id).toBe(body.messageId);
    expect(message.content).toBe('hello bot');
    expect(message.member?.id).toBe(users.carol);
    expect(
      h.sandbox.messages({ channelId: channels.general }).find((m) => m.id === body.messageId),
    ).toMatchObject({ authorId: users.carol, authorIsBot: false });
  });

  it('reactionAdded → messageReactionAdd on a bot message', async () => {
    const general = h.client.channels.cache.get(channels.giveaways) as TextChannel;
    const giveaway = await general.send('React with 🎉 to enter');
    const added = nextEvent<[MessageReaction, User]>(
      h.client,
      Events.MessageReactionAdd,
      (_r, u) => u.id === users.dave,
    );
    const result = await control<{ added: boolean }>(h.sandbox, 'POST', '/sandbox/events', {
      guildId,
      type: 'reactionAdded',
      channelId: channels.giveaways,
      messageId: giveaway.id,
      userId: users.dave,
      emoji: '🎉',
    });
    expect(result.body.added).toBe(true);
    const [reaction] = await added;
    expect(reaction.emoji.name).toBe('🎉');
    expect(reaction.message.id).toBe(giveaway.id);
  });

  it('validates bodies with 400/404 { error: { code, message } }', async () => {
    const post = (body: unknown) =>
      control<{ error: { code: string; message: string } }>(
        h.sandbox,
        'POST',
        '/sandbox/events',
        body,
      );
    expect(await post({ guildId, type: 'dance' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body' } },
    });
    expect(
      await post({ guildId: '1', type: 'memberJoined', user: { username: 'x' } }),
    ).toMatchObject({ status: 404, body: { error: { code: 'unknown_guild' } } });
    expect(await post({ guildId, type: 'memberJoined', user: {} })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body' } },
    });
    expect(
      await post({
        guildId,
        type: 'messageCreated',
        channelId: '1',
        userId: users.carol,
        content: 'x',
      }),
    ).toMatchObject({ status: 404, body: { error: { code: 'unknown_channel' } } });
    expect(
      await post({
        guildId,
        type: 'messageCreated',
        channelId: channels.general,
        userId: '1',
        content: 'x',
      }),
    ).toMatchObject({ status: 404, body: { error: { code: 'unknown_member' } } });
    expect(
      await post({
        guildId,
        type: 'messageCreated',
        channelId: channels.general,
        userId: users.carol,
        content: '',
      }),
    ).toMatchObject({ status: 400 });
    expect(
      await post({
        guildId,
        type: 'reactionAdded',
        channelId: channels.general,
        messageId: '1',
        userId: users.carol,
        emoji: '🎉',
      }),
    ).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_message' } },
    });
    expect(
      await post({
        guildId,
        type: 'messageCreated',
        channelId: channels.announcements,
        userId: users.carol,
        content: 'x',
      }),
    ).toMatchObject({
      status: 403,
      body: { error: { code: 'missing_permissions' } },
    });
    expect(await post('{not json')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json' } },
    });
    expect(await control(h.sandbox, 'GET', `/sandbox/guilds/${guildId}/members/1`)).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_member' } },
    });
    expect(await control(h.sandbox, 'GET', '/sandbox/messages?channelId=1')).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_channel' } },
    });
    expect(
      await control(h.sandbox, 'POST', '/sandbox/faults', { path: 'channels', kind: 'rateLimit' }),
    ).toMatchObject({ status: 400 });
    expect(await control(h.sandbox, 'GET', '/sandbox/nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });

  it('reports health, and reset returns to the seed', async () => {
    expect(await control(h.sandbox, 'GET', '/sandbox/health')).toMatchObject({
      status: 200,
      body: { ok: true, sessions: 1 },
    });
    await control(h.sandbox, 'POST', '/sandbox/events', {
      guildId,
      type: 'memberJoined',
      user: { username: 'temp' },
    });
    expect((await control(h.sandbox, 'POST', '/sandbox/reset')).status).toBe(200);
    expect(h.sandbox.snapshot().guilds[0]?.members).toHaveLength(7);
    expect(h.sandbox.messages()).toEqual([]);
    expect(h.sandbox.requests()).toEqual([]);
    // The connected client keeps its session and still gets events.
    const created = nextEvent<[Message]>(
      h.client,
      Events.MessageCreate,
      (m) => m.content === 'after reset',
    );
    h.sandbox.inject({
      type: 'messageCreated',
      guildId,
      channelId: channels.general,
      userId: users.bob,
      content: 'after reset',
    });
    await created;
  });
});
