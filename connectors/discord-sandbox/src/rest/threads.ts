import express from 'express';
import type { Core } from '../core.js';
import { DiscordErrors, FormErrors, formError } from '../errors.js';
import { Intents } from '../gateway/intents.js';
import { Permissions } from '../permissions.js';
import { apiChannel, apiMember } from '../serialize.js';
import { snowflake } from '../snowflake.js';
import { blankChannel } from '../state.js';
import type { ChannelRecord } from '../types.js';
import { requirePermissions, requireView } from './access.js';
import { auditReason, bodyOf, type RestContext } from './context.js';

const ARCHIVE_DURATIONS = [60, 1440, 4320, 10080];

/**
 * Threads: start one (private by default, as in API v9+) with or without a starter message,
 * thread members (tickets add their opener to a private thread), and active threads.
 */
export function threadRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;

  const start = (
    parent: ChannelRecord,
    body: Record<string, unknown>,
    reason: string | null,
    messageId: string | null,
  ): ChannelRecord => {
    if (parent.type !== 0 && parent.type !== 5) throw DiscordErrors.wrongChannelType();
    const errors = new FormErrors();
    if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 100)
      errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    const type = messageId
      ? parent.type === 5
        ? 10
        : 11
      : ((body.type as number | undefined) ?? 12);
    if (![10, 11, 12].includes(type))
      errors.add(['type'], 'BASE_TYPE_CHOICES', 'Value must be one of (10, 11, 12).');
    const duration = (body.auto_archive_duration as number | undefined) ?? 1440;
    if (!ARCHIVE_DURATIONS.includes(duration))
      errors.add(
        ['auto_archive_duration'],
        'BASE_TYPE_CHOICES',
        `Value must be one of (${ARCHIVE_DURATIONS.join(', ')}).`,
      );
    errors.throwIfAny();
    requirePermissions(
      ctx,
      parent,
      type === 12 ? Permissions.CreatePrivateThreads : Permissions.CreatePublicThreads,
      Permissions.SendMessagesInThreads,
    );
    const now = new Date();
    const id = messageId ?? snowflake(now.getTime());
    const guild = state.guild(parent.guildId ?? '');
    const channel = state.addChannel(guild, {
      ...blankChannel(id, type, guild.id, (body.name as string).trim(), now.toISOString()),
      parentId: parent.id,
      rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
      thread: {
        ownerId: state.botUserId,
        archived: false,
        locked: false,
        invitable: body.invitable !== false,
        autoArchiveDuration: duration,
        archiveTimestamp: now.toISOString(),
        createTimestamp: now.toISOString(),
        members: [state.botUserId],
        messageCount: 0,
      },
    });
    ctx.gateway.dispatch(
      'THREAD_CREATE',
      { ...apiChannel(state, channel), newly_created: true },
      { guildId: guild.id, intent: Intents.Guilds },
    );
    state.record({
      type: 'thread.create',
      guildId: guild.id,
      channelId: channel.id,
      reason,
      details: { name: channel.name, type, parentId: parent.id, messageId },
    });
    return channel;
  };

  router.post('/channels/:channelId/threads', (req, res) => {
    const thread = start(state.channel(req.params.channelId), bodyOf(req), auditReason(req), null);
    res.status(201).json(apiChannel(state, thread));
  });

  router.post('/channels/:channelId/messages/:messageId/threads', (req, res) => {
    const parent = state.channel(req.params.channelId);
    const message = state.message(parent.id, req.params.messageId);
    if (state.channels.has(message.id))
      throw formError(
        ['message_id'],
        'THREAD_ALREADY_CREATED_FOR_MESSAGE',
        'A thread has already been created for this message',
      );
    const thread = start(parent, bodyOf(req), auditReason(req), message.id);
    res.status(201).json(apiChannel(state, thread));
  });

  router.put('/channels/:channelId/thread-members/:userId', (req, res) => {
    const thread = threadOf(ctx, req.params.channelId);
    const userId = req.params.userId === '@me' ? state.botUserId : req.params.userId;
    if (thread.thread?.archived) throw DiscordErrors.threadArchived();
    requirePermissions(ctx, thread, Permissions.SendMessagesInThreads);
    const guild = state.guild(thread.guildId ?? '');
    const member = state.member(guild, userId);
    const info = thread.thread;
    if (info && !info.members.includes(userId)) {
      info.members.push(userId);
      ctx.gateway.dispatch(
        'THREAD_MEMBERS_UPDATE',
        {
          id: thread.id,
          guild_id: guild.id,
          member_count: info.members.length,
          added_members: [
            {
              id: thread.id,
              user_id: userId,
              join_timestamp: new Date().toISOString(),
              flags: 0,
              member: apiMember(state, guild, member),
            },
          ],
        },
        { guildId: guild.id, intent: Intents.GuildMembers },
      );
      state.record({ type: 'thread.memberAdd', guildId: guild.id, channelId: thread.id, userId });
    }
    res.status(204).end();
  });

  router.delete('/channels/:channelId/thread-members/:userId', (req, res) => {
    const thread = threadOf(ctx, req.params.channelId);
    const userId = req.params.userId === '@me' ? state.botUserId : req.params.userId;
    if (userId !== state.botUserId) requirePermissions(ctx, thread, Permissions.ManageThreads);
    const info = thread.thread;
    if (info?.members.includes(userId)) {
      info.members = info.members.filter((u) => u !== userId);
      ctx.gateway.dispatch(
        'THREAD_MEMBERS_UPDATE',
        {
          id: thread.id,
          guild_id: thread.guildId,
          member_count: info.members.length,
          removed_member_ids: [userId],
        },
        { guildId: thread.guildId, intent: Intents.GuildMembers },
      );
      state.record({
        type: 'thread.memberRemove',
        guildId: thread.guildId,
        channelId: thread.id,
        userId,
      });
    }
    res.status(204).end();
  });

  router.get('/channels/:channelId/thread-members', (req, res) => {
    const thread = threadOf(ctx, req.params.channelId);
    res.json((thread.thread?.members ?? []).map((userId) => threadMember(thread, userId)));
  });

  router.get('/channels/:channelId/thread-members/:userId', (req, res) => {
    const thread = threadOf(ctx, req.params.channelId);
    const userId = req.params.userId === '@me' ? state.botUserId : req.params.userId;
    if (!thread.thread?.members.includes(userId)) throw DiscordErrors.unknownMember();
    res.json(threadMember(thread, userId));
  });

  router.get('/guilds/:guildId/threads/active', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const threads = state.guildChannels(guild).filter((c) => c.thread && !c.thread.archived);
    res.json({
      threads: threads.map((c) => apiChannel(state, c)),
      members: threads
        .filter((c) => c.thread?.members.includes(state.botUserId))
        .map((c) => threadMember(c, state.botUserId)),
    });
  });

  return router;
}

/**
 * Modifies a thread (name, archived, locked, invitable, auto-archive): the owner may rename and
 * archive its own thread; locking or touching others' threads needs Manage Threads.
 */
export function patchThread(
  core: Core,
  channel: ChannelRecord,
  body: Record<string, unknown>,
  reason: string | null,
): Record<string, unknown> {
  const info = channel.thread;
  if (!info) throw DiscordErrors.wrongChannelType();
  const perms = requireView(core, channel);
  const manage = (perms & Permissions.ManageThreads) !== 0n;
  const own = info.ownerId === core.state.botUserId;
  if ((!own && !manage) || (body.locked !== undefined && !manage))
    throw DiscordErrors.missingPermissions();
  if (info.locked && info.archived && !manage) throw DiscordErrors.threadArchived();
  const errors = new FormErrors();
  if (
    body.name !== undefined &&
    (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 100)
  )
    errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  if (
    body.auto_archive_duration !== undefined &&
    !ARCHIVE_DURATIONS.includes(body.auto_archive_duration as number)
  ) {
    errors.add(
      ['auto_archive_duration'],
      'BASE_TYPE_CHOICES',
      `Value must be one of (${ARCHIVE_DURATIONS.join(', ')}).`,
    );
  }
  errors.throwIfAny();
  if (typeof body.name === 'string') channel.name = body.name.trim();
  if (typeof body.archived === 'boolean' && body.archived !== info.archived) {
    info.archived = body.archived;
    info.archiveTimestamp = new Date().toISOString();
  }
  if (typeof body.locked === 'boolean') info.locked = body.locked;
  if (typeof body.invitable === 'boolean') info.invitable = body.invitable;
  if (typeof body.auto_archive_duration === 'number')
    info.autoArchiveDuration = body.auto_archive_duration;
  if (typeof body.rate_limit_per_user === 'number')
    channel.rateLimitPerUser = body.rate_limit_per_user;
  const json = apiChannel(core.state, channel);
  core.gateway.dispatch('THREAD_UPDATE', json, {
    guildId: channel.guildId,
    intent: Intents.Guilds,
  });
  core.state.record({
    type: 'thread.update',
    guildId: channel.guildId,
    channelId: channel.id,
    reason,
    details: { ...body },
  });
  return json;
}

function threadOf(core: Core, id: string): ChannelRecord {
  const channel = core.state.channel(id);
  if (!channel.thread) throw DiscordErrors.wrongChannelType();
  requireView(core, channel);
  return channel;
}

function threadMember(thread: ChannelRecord, userId: string): Record<string, unknown> {
  return {
    id: thread.id,
    user_id: userId,
    join_timestamp: thread.thread?.createTimestamp ?? thread.createdAt,
    flags: 0,
  };
}
