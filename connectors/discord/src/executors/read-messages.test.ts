import { PermissionFlagsBits, Routes, type APIChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  useHarness,
} from '../testing/harness.js';
import { createChannelExecutor } from './channels.js';
import { sendMessageExecutor } from './messages.js';
import { readMessagesExecutor } from './read-messages.js';

const { channels, roles, users, guild } = SANDBOX_IDS;

describe('readMessages against the sandbox', () => {
  const h = useHarness();
  const read = (channelId: string, limit?: number | string) =>
    inActivity(() =>
      readMessagesExecutor(h.deps)({
        config: { channelId, ...(limit !== undefined ? { limit: limit as number } : {}) },
        context: actionContext(),
      }),
    );
  const say = (channelId: string, userId: string, content: string) =>
    h.sandbox.inject({ type: 'messageCreated', guildId: guild, channelId, userId, content });

  it('returns the most recent messages oldest first, with authors; limit keeps the newest', async () => {
    say(channels.general, users.carol, 'first');
    say(channels.general, users.dave, 'second {{ vars.logChannelId }}');
    const posted = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: { channelId: channels.general, embeds: [{ title: 'Only an embed' }] },
        context: actionContext(),
      }),
    );
    say(channels.general, users.carol, 'fourth');

    const all = await read(channels.general);
    expect(all.count).toBe(4);
    expect(all.messages.map((m) => m.content)).toEqual([
      'first',
      'second {{ vars.logChannelId }}',
      '',
      'fourth',
    ]);
    expect(all.messages[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      authorId: users.carol,
      author: { id: users.carol, username: 'carol', mention: `<@${users.carol}>`, bot: false },
      content: 'first',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(all.messages[2]).toMatchObject({
      id: posted.messageId,
      author: { id: h.sandbox.botUserId, bot: true },
    });
    const times = all.messages.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const lastTwo = await read(channels.general, 2);
    expect(lastTwo).toMatchObject({ count: 2 });
    expect(lastTwo.messages.map((m) => m.content)).toEqual(['', 'fourth']);
    // The executor asks Discord for exactly `limit` (default 50).
    expect(
      h.sandbox.requests({ method: 'GET', path: '/channels/:id/messages' }).map((r) => r.query),
    ).toEqual([expect.objectContaining({ limit: '50' }), expect.objectContaining({ limit: '2' })]);
  });

  it('reads a private thread the bot opened, and a channel with no messages', async () => {
    const { channelId: thread } = await inActivity(() =>
      createChannelExecutor(h.deps)({
        config: {
          name: 'ticket-carol',
          channelType: 'privateThread',
          parentId: channels.tickets,
          members: [users.carol, users.alice],
        },
        context: actionContext(),
      }),
    );
    say(thread, users.carol, 'My order never arrived');
    say(thread, users.alice, 'Looking into it');
    say(channels.tickets, users.dave, 'not in the thread');
    const out = await read(thread, 100);
    expect(out.messages.map((m) => `${m.author.username}: ${m.content}`)).toEqual([
      'carol: My order never arrived',
      'alice: Looking into it',
    ]);
    expect(await read(channels.giveaways)).toEqual({ messages: [], count: 0 });
  });

  it('a channel the bot cannot see is a non-retryable MissingPermissions failure', async () => {
    const hidden = (await h.deps.rest.post(Routes.guildChannels(guild), {
      body: {
        name: 'staff-only',
        type: 0,
        permission_overwrites: [
          { id: guild, type: 0, deny: PermissionFlagsBits.ViewChannel.toString() },
          { id: roles.bot, type: 0, deny: PermissionFlagsBits.ViewChannel.toString() },
        ],
      },
    })) as APIChannel;
    const failure = await failureOf(read(hidden.id));
    expect(failure).toMatchObject({ type: 'MissingPermissions', nonRetryable: true });
    expect(failure.message).toContain('View Channel');
  });

  it("refuses another server's channel and a limit over 100 before reading", async () => {
    const other = await failureOf(
      inActivity(() =>
        readMessagesExecutor(h.freshDeps())({
          config: { channelId: SANDBOX_IDS.otherGuild.channels.general },
          context: actionContext(),
        }),
      ),
    );
    expect(other).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(other.message).toContain('not a channel of this server');
    const tooMany = await failureOf(read(channels.general, 101));
    expect(tooMany).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(h.sandbox.requests({ method: 'GET', path: '/channels/:id/messages' })).toEqual([]);
  });
});
