import { PermissionFlagsBits, Routes, type APIChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { actionContext, inActivity, SANDBOX_IDS, useHarness } from '../testing/harness.js';
import { archiveChannelExecutor, createChannelExecutor } from './channels.js';

const { channels, roles, users, guild } = SANDBOX_IDS;
const bits = (...names: (keyof typeof PermissionFlagsBits)[]) =>
  names.reduce((sum, n) => sum | PermissionFlagsBits[n], 0n).toString();

describe('channel executors against the sandbox', () => {
  const h = useHarness();

  it('creates a private ticket text channel with permission overwrites and the audit reason', async () => {
    const out = await inActivity(() =>
      createChannelExecutor(h.deps)({
        config: {
          name: 'Ticket Carol',
          topic: 'Support for carol',
          permissionOverwrites: [
            { type: 'everyone', deny: ['ViewChannel'] },
            { type: 'member', id: users.carol, allow: ['ViewChannel', 'SendMessages'] },
            { type: 'role', id: roles.moderator, allow: ['ViewChannel'] },
          ],
          reason: 'Ticket opened',
        },
        context: actionContext(),
      }),
    );
    expect(out).toEqual({ channelId: expect.any(String), mention: `<#${out.channelId}>` });
    const [created] = h.sandbox.actions({ type: 'channel.create' });
    expect(created).toMatchObject({
      channelId: out.channelId,
      reason: 'Ticket opened',
      details: {
        name: 'ticket-carol',
        type: 0,
        permissionOverwrites: [
          { id: guild, type: 0, allow: '0', deny: bits('ViewChannel') },
          { id: users.carol, type: 1, allow: bits('ViewChannel', 'SendMessages'), deny: '0' },
          { id: roles.moderator, type: 0, allow: bits('ViewChannel'), deny: '0' },
          {
            id: h.sandbox.botUserId,
            type: 1,
            allow: bits('ViewChannel', 'SendMessages', 'ReadMessageHistory'),
            deny: '0',
          },
        ],
      },
    });
  });

  it('a retried attempt reuses the channel an earlier attempt created', async () => {
    const create = createChannelExecutor(h.freshDeps());
    const context = actionContext();
    const config = { name: 'ticket-dave' };
    const scheduledTimestampMs = Date.now();
    const first = await inActivity(() => create({ config, context }), { scheduledTimestampMs });
    const retry = await inActivity(() => create({ config, context }), {
      attempt: 2,
      scheduledTimestampMs,
    });
    expect(retry).toEqual(first);
    expect(h.sandbox.actions({ type: 'channel.create' })).toHaveLength(1);
  });

  it('opens a private thread in the parent channel and adds the members', async () => {
    const out = await inActivity(() =>
      createChannelExecutor(h.deps)({
        config: {
          name: 'ticket-erin',
          channelType: 'privateThread',
          parentId: channels.tickets,
          members: [users.erin, users.bob],
        },
        context: actionContext(),
      }),
    );
    expect(h.sandbox.actions({ type: 'thread.create' })).toEqual([
      expect.objectContaining({
        channelId: out.channelId,
        details: expect.objectContaining({
          name: 'ticket-erin',
          type: 12,
          parentId: channels.tickets,
        }),
      }),
    ]);
    expect(h.sandbox.actions({ type: 'thread.memberAdd' }).map((a) => a.userId)).toEqual([
      users.erin,
      users.bob,
    ]);
    const retry = await inActivity(
      () =>
        createChannelExecutor(h.deps)({
          config: { name: 'ticket-erin', channelType: 'privateThread', parentId: channels.tickets },
          context: actionContext(),
        }),
      { attempt: 2 },
    );
    expect(retry).toEqual(out);
    expect(h.sandbox.actions({ type: 'thread.create' })).toHaveLength(1);
  });

  it('archives a thread (archived and locked); archiving again is fine', async () => {
    const { channelId } = await inActivity(() =>
      createChannelExecutor(h.deps)({
        config: { name: 'ticket-frank', channelType: 'privateThread', parentId: channels.tickets },
        context: actionContext(),
      }),
    );
    const archive = archiveChannelExecutor(h.deps);
    const config = { channelId, reason: 'Ticket resolved' };
    expect(await inActivity(() => archive({ config, context: actionContext() }))).toEqual({});
    expect(await inActivity(() => archive({ config, context: actionContext() }))).toEqual({});
    expect(h.sandbox.actions({ type: 'thread.update' })).toEqual([
      expect.objectContaining({
        channelId,
        reason: 'Ticket resolved',
        details: { archived: true, locked: true },
      }),
    ]);
  });

  it('archives a text channel: read-only for everyone and moved to the archive category', async () => {
    const category = (await h.deps.rest.post(Routes.guildChannels(guild), {
      body: { name: 'Archive', type: 4 },
    })) as APIChannel;
    const { channelId } = await inActivity(() =>
      createChannelExecutor(h.deps)({
        config: {
          name: 'ticket-carol',
          permissionOverwrites: [
            { type: 'everyone', deny: ['ViewChannel'] },
            { type: 'member', id: users.carol, allow: ['ViewChannel', 'SendMessages'] },
          ],
        },
        context: actionContext(),
      }),
    );
    await inActivity(() =>
      archiveChannelExecutor(h.deps)({
        config: { channelId, categoryId: category.id },
        context: actionContext({ nodeId: 'close' }),
      }),
    );
    const write = bits(
      'SendMessages',
      'SendMessagesInThreads',
      'CreatePublicThreads',
      'CreatePrivateThreads',
      'AddReactions',
    );
    const updated = (await h.deps.rest.get(Routes.channel(channelId))) as APIChannel & {
      parent_id: string;
      permission_overwrites: { id: string; allow: string; deny: string }[];
    };
    expect(updated.parent_id).toBe(category.id);
    expect(updated.permission_overwrites).toEqual([
      expect.objectContaining({
        id: guild,
        allow: '0',
        deny: (BigInt(write) | BigInt(bits('ViewChannel'))).toString(),
      }),
      expect.objectContaining({ id: users.carol, allow: bits('ViewChannel'), deny: '0' }),
      expect.objectContaining({
        id: h.sandbox.botUserId,
        allow: bits('ViewChannel', 'ReadMessageHistory'),
      }),
    ]);
    expect(h.sandbox.actions({ type: 'channel.update' })[0]?.reason).toMatch(/node close$/);
  });
});
