import { describe, expect, it } from 'vitest';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  useHarness,
} from '../testing/harness.js';
import { GuildMembers } from '../guard/guild-members.js';
import {
  addReactionExecutor,
  deleteMessageExecutor,
  editMessageExecutor,
  sendMessageExecutor,
} from './messages.js';

const { channels, roles, users } = SANDBOX_IDS;

describe('message executors against the sandbox', () => {
  const h = useHarness();

  it('sendMessage posts content, embeds and buttons and returns { messageId, channelId }', async () => {
    const send = sendMessageExecutor(h.deps);
    const out = await inActivity(() =>
      send({
        config: {
          channelId: channels.giveaways,
          content: 'Giveaway!',
          embeds: [
            { title: '🎉 Prize', color: '#F59E0B', fields: [{ name: 'Ends', value: 'soon' }] },
          ],
          buttons: [
            { label: 'Enter', customId: 'giveaway:enter', style: 'success' },
            { label: 'Rules', style: 'link', url: 'https://example.com/rules', row: 1 },
          ],
        },
        context: actionContext(),
      }),
    );
    expect(out).toEqual({ messageId: expect.any(String), channelId: channels.giveaways });
    const [message] = h.sandbox.messages({ channelId: channels.giveaways });
    expect(message).toMatchObject({
      id: out.messageId,
      authorId: h.sandbox.botUserId,
      content: 'Giveaway!',
      embeds: [{ title: '🎉 Prize', color: 0xf59e0b, fields: [{ name: 'Ends', value: 'soon' }] }],
      components: [
        {
          type: 1,
          components: [{ type: 2, style: 3, label: 'Enter', custom_id: 'giveaway:enter' }],
        },
        {
          type: 1,
          components: [{ type: 2, style: 5, label: 'Rules', url: 'https://example.com/rules' }],
        },
      ],
    });
  });

  it('sendMessage with userId opens the DM channel first and posts there', async () => {
    const out = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: { userId: users.carol, content: 'Thanks for joining!' },
        context: actionContext(),
      }),
    );
    expect(h.sandbox.actions({ type: 'dm.create' })).toEqual([
      expect.objectContaining({ userId: users.carol, channelId: out.channelId }),
    ]);
    expect(h.sandbox.messages({ dmUserId: users.carol })).toEqual([
      expect.objectContaining({ id: out.messageId, content: 'Thanks for joining!' }),
    ]);
    expect(h.sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /guilds/${SANDBOX_IDS.guild}/members/${users.carol}`,
      'POST /users/@me/channels',
      `POST /channels/${out.channelId}/messages`,
    ]);
  });

  it("sendMessage with userId refuses users outside the run's server: UnknownResource, no DM", async () => {
    const { otherGuild } = SANDBOX_IDS;
    const send = sendMessageExecutor(h.deps);
    const dm = (userId: string) =>
      failureOf(
        inActivity(() => send({ config: { userId, content: 'Psst' }, context: actionContext() })),
      );
    const outsider = await dm(otherGuild.users.grace);
    expect(outsider).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(outsider.message).toBe(
      `Could not send a direct message to user ${otherGuild.users.grace}: the user is not a member of this server, and a graph may only send direct messages to members of its own server: check the user id.`,
    );
    const nobody = await dm('1300000000000000999');
    expect(nobody).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(nobody.message).toContain('no Discord user has this id');
    expect(h.sandbox.actions({ type: 'dm.create' })).toEqual([]);
    expect(h.sandbox.messages({ dmUserId: otherGuild.users.grace })).toEqual([]);
    expect(h.sandbox.requests({ method: 'POST' })).toEqual([]);
  });

  it('remembers a membership for a short while only: a member who left is refused after it', async () => {
    const { otherGuild } = SANDBOX_IDS;
    const members = new GuildMembers({ ttlMs: 1000 });
    const check = () =>
      inActivity(() => members.assertMember(h.deps.rest, otherGuild.id, users.carol));
    await check();
    h.sandbox.inject({ type: 'memberLeft', guildId: otherGuild.id, userId: users.carol });
    await check(); // still remembered: no request
    expect(h.sandbox.requests({ method: 'GET', path: '/guilds/:g/members/:u' })).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await failureOf(check())).toMatchObject({ type: 'UnknownResource' });
    expect(h.sandbox.requests({ method: 'GET', path: '/guilds/:g/members/:u' })).toHaveLength(2);
  });

  it('sendMessage is idempotent: two attempts with one idempotency key post one message', async () => {
    const send = sendMessageExecutor(h.deps);
    const context = actionContext({ nodeId: 'greet' });
    const config = { channelId: channels.general, content: 'Welcome!' };
    const first = await inActivity(() => send({ config, context }));
    const retry = await inActivity(() => send({ config, context: { ...context, attempt: 2 } }), {
      attempt: 2,
    });
    expect(retry).toEqual(first);
    expect(h.sandbox.messages({ channelId: channels.general })).toHaveLength(1);
    const posts = h.sandbox.requests({ method: 'POST', path: '/channels/:id/messages' });
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => (p.body as { nonce: string }).nonce)).toEqual([
      expect.stringMatching(/^[\w-]{25}$/),
      (posts[0]?.body as { nonce: string }).nonce,
    ]);
    expect(posts.every((p) => (p.body as { enforce_nonce: boolean }).enforce_nonce)).toBe(true);
    // Another step (another key) posts its own message.
    await inActivity(() => send({ config, context: actionContext({ nodeId: 'other' }) }));
    expect(h.sandbox.messages({ channelId: channels.general })).toHaveLength(2);
  });

  it('refuses content over 2,000 characters with InvalidConfig before any request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        sendMessageExecutor(h.deps)({
          config: { channelId: channels.general, content: 'x'.repeat(2001) },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(failure.message).toContain(
      'content is 2,001 characters long; Discord allows at most 2,000',
    );
    expect(h.sandbox.requests()).toEqual([]);
  });

  it('refuses too many buttons, long labels, six in a row and 6,000+ characters of embeds', async () => {
    const send = sendMessageExecutor(h.deps);
    const button = (i: number) => ({ label: `b${i}`, customId: `c${i}` });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ buttons: Array.from({ length: 26 }, (_, i) => button(i)) }, 'buttons has 26 items'],
      [
        { buttons: [{ label: 'x'.repeat(81), customId: 'a' }] },
        'buttons[0].label: label is 81 characters',
      ],
      [
        { buttons: [{ label: 'a', customId: 'y'.repeat(101) }] },
        'buttons[0].customId: customId is 101',
      ],
      [
        { buttons: Array.from({ length: 6 }, (_, i) => ({ ...button(i), row: 0 })) },
        'Row 0 has more than 5',
      ],
      [{ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, 'embeds has 11 items'],
      [
        { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2500) }] },
        'the embeds hold 6,500 characters',
      ],
      [{ userId: users.carol }, 'give exactly one of: channelId, userId'],
    ];
    for (const [extra, expected] of cases) {
      const config = { channelId: channels.general, content: 'hi', ...extra } as never;
      const failure = await failureOf(inActivity(() => send({ config, context: actionContext() })));
      expect(failure.type).toBe('InvalidConfig');
      expect(failure.message).toContain(expected);
    }
    expect(h.sandbox.requests()).toEqual([]);
  });

  it('editMessage changes content and removes the buttons; output { messageId, channelId }', async () => {
    const posted = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: {
          channelId: channels.giveaways,
          content: 'Open',
          buttons: [{ label: 'Enter', customId: 'e' }],
        },
        context: actionContext(),
      }),
    );
    const out = await inActivity(() =>
      editMessageExecutor(h.deps)({
        config: { ...posted, content: 'This giveaway has ended.', buttons: [] },
        context: actionContext(),
      }),
    );
    expect(out).toEqual(posted);
    expect(h.sandbox.messages({ channelId: channels.giveaways })[0]).toMatchObject({
      content: 'This giveaway has ended.',
      components: [],
      editedAt: expect.any(String),
    });
  });

  it('editMessage to member text pings only the roles the node lists', async () => {
    const posted = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: { channelId: channels.general, content: 'Suggestion pending' },
        context: actionContext(),
      }),
    );
    const edit = (allowedRoleMentions?: string[]) =>
      inActivity(() =>
        editMessageExecutor(h.deps)({
          config: {
            ...posted,
            content: `Suggestion: <@&${roles.moderator}> look`,
            ...(allowedRoleMentions ? { allowedRoleMentions } : {}),
          },
          context: actionContext(),
        }),
      );
    const mentioned = () => h.sandbox.messages({ channelId: channels.general })[0]?.mentionRoles;
    await edit();
    expect(mentioned()).toEqual([]);
    await edit([roles.moderator]);
    expect(mentioned()).toEqual([roles.moderator]);
  });

  it('deleteMessage deletes with the audit reason; an already deleted message counts as deleted', async () => {
    const { messageId } = h.sandbox.inject({
      type: 'messageCreated',
      guildId: h.sandbox.guildId,
      channelId: channels.general,
      userId: users.dave,
      content: 'buy cheap coins',
    });
    const del = deleteMessageExecutor(h.deps);
    const config = { channelId: channels.general, messageId: messageId ?? '', reason: 'Link spam' };
    await expect(inActivity(() => del({ config, context: actionContext() }))).resolves.toEqual({});
    expect(h.sandbox.actions({ type: 'message.delete' })).toEqual([
      expect.objectContaining({ messageId, reason: 'Link spam' }),
    ]);
    await expect(inActivity(() => del({ config, context: actionContext() }))).resolves.toEqual({});
    expect(h.sandbox.actions({ type: 'message.delete' })).toHaveLength(1);
  });

  it('addReaction reacts as the bot (idempotent)', async () => {
    const posted = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: { channelId: channels.giveaways, content: 'React to enter' },
        context: actionContext(),
      }),
    );
    const react = addReactionExecutor(h.deps);
    for (let i = 0; i < 2; i += 1)
      await expect(
        inActivity(() => react({ config: { ...posted, emoji: '🎉' }, context: actionContext() })),
      ).resolves.toEqual({});
    expect(h.sandbox.messages({ channelId: channels.giveaways })[0]?.reactions).toEqual([
      { emoji: '🎉', userIds: [h.sandbox.botUserId] },
    ]);
    expect(h.sandbox.actions({ type: 'reaction.add' })).toHaveLength(1);
  });

  it("never acts in another server's channel", async () => {
    const failure = await failureOf(
      inActivity(() =>
        sendMessageExecutor(h.freshDeps())({
          config: { channelId: channels.general, content: 'spam' },
          context: actionContext({ guildId: '1399999999999999999' }),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(failure.message).toContain('not a channel of this server');
    expect(h.sandbox.messages()).toEqual([]);
  });
});
