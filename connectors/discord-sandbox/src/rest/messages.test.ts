import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  Routes,
  type Message,
  type MessageReaction,
  type TextChannel,
  type User,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../control/views.js';
import { SANDBOX_IDS } from '../seed.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';

describe('messages over REST', () => {
  let h: Harness;
  let general: TextChannel;
  beforeAll(async () => {
    h = await startWithClient();
    general = h.client.channels.cache.get(SANDBOX_IDS.channels.general) as TextChannel;
  });
  afterAll(async () => h?.close());

  it('records content, embeds and buttons, and dispatches MESSAGE_CREATE for the bot too', async () => {
    const echoed = nextEvent<[Message]>(
      h.client,
      Events.MessageCreate,
      (m) => m.content === 'Welcome!',
    );
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId('giveaway:enter')
        .setLabel('Enter')
        .setStyle(ButtonStyle.Primary),
    );
    const sent = await general.send({
      content: 'Welcome!',
      embeds: [new EmbedBuilder().setTitle('Hi').setColor(0x00ff00)],
      components: [row],
    });
    expect(sent.author.id).toBe(SANDBOX_IDS.botUser);
    expect(sent.components).toHaveLength(1);
    const [created] = await echoed;
    expect(created.id).toBe(sent.id);

    const { status, body } = await control<MessageView[]>(
      h.sandbox,
      'GET',
      `/sandbox/messages?guildId=${SANDBOX_IDS.guild}&channelId=${general.id}`,
    );
    expect(status).toBe(200);
    const view = body.find((m) => m.id === sent.id);
    expect(view).toMatchObject({
      channelId: general.id,
      authorId: SANDBOX_IDS.botUser,
      authorIsBot: true,
      content: 'Welcome!',
      embeds: [{ title: 'Hi', color: 0x00ff00 }],
      components: [
        {
          type: 1,
          components: [{ type: 2, custom_id: 'giveaway:enter', label: 'Enter', style: 1 }],
        },
      ],
    });
    expect(Date.parse(view?.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('returns the existing message for a repeated nonce with enforce_nonce', async () => {
    const first = await general.send({ content: 'once', nonce: 'n-123', enforceNonce: true });
    const second = await general.send({ content: 'once', nonce: 'n-123', enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(
      h.sandbox.messages({ channelId: general.id }).filter((m) => m.content === 'once'),
    ).toHaveLength(1);
    expect(
      h.sandbox
        .requests({ method: 'POST', path: `/channels/${general.id}/messages` })
        .filter((r) => (r.body as { nonce?: string }).nonce === 'n-123'),
    ).toHaveLength(2);
    const third = await general.send({ content: 'once', nonce: 'n-123' });
    expect(third.id).not.toBe(first.id);
  });

  it('edits and deletes its own messages', async () => {
    const message = await general.send('draft');
    const edited = await message.edit('final');
    expect(edited.content).toBe('final');
    expect(
      h.sandbox.messages({ channelId: general.id }).find((m) => m.id === message.id)?.editedAt,
    ).not.toBeNull();
    await message.delete();
    expect(h.sandbox.messages({ channelId: general.id }).some((m) => m.id === message.id)).toBe(
      false,
    );
    expect(
      h.sandbox
        .messages({ channelId: general.id, includeDeleted: true })
        .find((m) => m.id === message.id)?.deletedAt,
    ).toBeTruthy();
    await expect(
      general.messages.fetch({ message: message.id, force: true }),
    ).rejects.toMatchObject({ code: 10008, status: 404 });
  });

  it('adds reactions with PUT …/reactions/:emoji/@me', async () => {
    const message = await general.send('React to me');
    const added = nextEvent<[MessageReaction, User]>(
      h.client,
      Events.MessageReactionAdd,
      (r) => r.message.id === message.id,
    );
    await message.react('🎉');
    const [reaction, user] = await added;
    expect(reaction.emoji.name).toBe('🎉');
    expect(user.id).toBe(SANDBOX_IDS.botUser);
    expect(
      h.sandbox.messages({ channelId: general.id }).find((m) => m.id === message.id)?.reactions,
    ).toEqual([{ emoji: '🎉', userIds: [SANDBOX_IDS.botUser] }]);
    const [request] = h.sandbox.requests({
      method: 'PUT',
      path: '/channels/:c/messages/:m/reactions/:e/@me',
    });
    expect(request).toMatchObject({
      status: 204,
      path: `/channels/${general.id}/messages/${message.id}/reactions/${encodeURIComponent('🎉')}/@me`,
    });
    await expect(message.react('thumbsup')).rejects.toMatchObject({ code: 10014 });
  });

  it('answers Discord errors: 50035 for long content, 50006 for empty, 10003, 50013, 50001', async () => {
    const long = await general.send('x'.repeat(2001)).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(DiscordAPIError);
    expect(long).toMatchObject({
      code: 50035,
      status: 400,
      rawError: {
        message: 'Invalid Form Body',
        errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
      },
    });
    await expect(
      h.client.rest.post(Routes.channelMessages(general.id), { body: { content: '   ' } }),
    ).rejects.toMatchObject({ code: 50006 });
    await expect(
      h.client.rest.post(Routes.channelMessages('1'), { body: { content: 'hi' } }),
    ).rejects.toMatchObject({ code: 10003, status: 404 });
    const announcements = h.client.channels.cache.get(
      SANDBOX_IDS.channels.announcements,
    ) as TextChannel;
    await expect(announcements.send('news')).rejects.toMatchObject({
      code: 50013,
      status: 403,
      message: 'Missing Permissions',
    });
    const embedErr = await h.client.rest
      .post(Routes.channelMessages(general.id), { body: { embeds: [{ title: 't'.repeat(257) }] } })
      .catch((e: unknown) => e);
    expect(embedErr).toMatchObject({
      code: 50035,
      rawError: {
        errors: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
      },
    });
  });

  it('sends rate-limit headers on every response', async () => {
    const response = await fetch(`${h.sandbox.apiUrl}/v10/channels/${general.id}`, {
      headers: { Authorization: `Bot ${h.sandbox.token}` },
    });
    expect(response.headers.get('x-ratelimit-limit')).toBe('50');
    expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeLessThan(50);
    expect(response.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(response.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
  });

  it('answers a real 429 when a route is hammered beyond the limit', async () => {
    const url = `${h.sandbox.apiUrl}/v10/channels/${SANDBOX_IDS.channels.giveaways}`;
    const statuses: number[] = [];
    for (let i = 0; i < 52; i += 1) {
      statuses.push(
        (await fetch(url, { headers: { Authorization: `Bot ${h.sandbox.token}` } })).status,
      );
    }
    const limited = statuses.indexOf(429);
    expect(limited).toBe(50);
    const again = await fetch(url, { headers: { Authorization: `Bot ${h.sandbox.token}` } });
    expect(again.status).toBe(429);
    expect(again.headers.get('x-ratelimit-scope')).toBe('user');
    expect(await again.json()).toMatchObject({
      message: 'You are being rate limited.',
      global: false,
    });
  });
});
