import express from 'express';
import { DiscordErrors, FormErrors, formError } from '../errors.js';
import { Intents } from '../gateway/intents.js';
import { basePermissions, Permissions } from '../permissions.js';
import { apiChannel } from '../serialize.js';
import { snowflake } from '../snowflake.js';
import { blankChannel } from '../state.js';
import type { ChannelRecord } from '../types.js';
import { requirePermissions, requireView } from './access.js';
import { auditReason, bodyOf, type RestContext } from './context.js';
import { parseOverwrites } from './overwrites.js';
import { patchThread, threadRoutes } from './threads.js';

/** Channel types the sandbox lets bots create (text, voice, category, announcement, forum). */
const CREATABLE = [0, 2, 4, 5, 15];

/**
 * Channels: get/modify/delete, permission overwrites, list/create guild channels, DMs
 * (`POST /users/@me/channels`), and the thread routes.
 */
export function channelRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;
  const scopeOf = (channel: ChannelRecord) => ({
    guildId: channel.guildId,
    intent: Intents.Guilds,
  });

  router.use(threadRoutes(ctx));

  router.get('/channels/:channelId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requireView(ctx, channel);
    res.json(apiChannel(state, channel));
  });

  router.patch('/channels/:channelId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    if (channel.thread)
      return void res.json(patchThread(ctx, channel, bodyOf(req), auditReason(req)));
    if (!channel.guildId) throw DiscordErrors.missingPermissions();
    const guild = state.guild(channel.guildId);
    requirePermissions(ctx, channel, Permissions.ManageChannels);
    const body = bodyOf(req);
    const errors = new FormErrors();
    if (body.name !== undefined) {
      if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 100)
        errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    if (
      body.topic !== undefined &&
      body.topic !== null &&
      (typeof body.topic !== 'string' || body.topic.length > 1024)
    ) {
      errors.add(['topic'], 'BASE_TYPE_MAX_LENGTH', 'Must be 1024 or fewer in length.');
    }
    if (
      body.parent_id !== undefined &&
      body.parent_id !== null &&
      state.channels.get(String(body.parent_id))?.type !== 4
    ) {
      errors.add(['parent_id'], 'CHANNEL_PARENT_INVALID_TYPE', 'Not a category');
    }
    errors.throwIfAny();
    if (body.permission_overwrites !== undefined) {
      requirePermissions(ctx, channel, Permissions.ManageRoles);
      channel.overwrites = parseOverwrites(state, guild, body.permission_overwrites, [
        'permission_overwrites',
      ]);
    }
    if (typeof body.name === 'string') channel.name = channelName(body.name, channel.type);
    if (body.topic !== undefined) channel.topic = (body.topic as string | null) ?? null;
    if (body.parent_id !== undefined) channel.parentId = (body.parent_id as string | null) ?? null;
    if (typeof body.nsfw === 'boolean') channel.nsfw = body.nsfw;
    if (typeof body.position === 'number') channel.position = body.position;
    if (typeof body.rate_limit_per_user === 'number')
      channel.rateLimitPerUser = body.rate_limit_per_user;
    ctx.gateway.dispatch('CHANNEL_UPDATE', apiChannel(state, channel), scopeOf(channel));
    state.record({
      type: 'channel.update',
      guildId: guild.id,
      channelId: channel.id,
      reason: auditReason(req),
      details: { ...body },
    });
    res.json(apiChannel(state, channel));
  });

  router.delete('/channels/:channelId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    if (channel.type !== 1) {
      const own = channel.thread?.ownerId === state.botUserId;
      if (!own)
        requirePermissions(
          ctx,
          channel,
          channel.thread ? Permissions.ManageThreads : Permissions.ManageChannels,
        );
    }
    channel.deletedAt = new Date().toISOString();
    if (channel.type === 1 && channel.recipientId) state.dmChannels.delete(channel.recipientId);
    if (channel.guildId) {
      const event = channel.thread ? 'THREAD_DELETE' : 'CHANNEL_DELETE';
      const data = channel.thread
        ? {
            id: channel.id,
            guild_id: channel.guildId,
            parent_id: channel.parentId,
            type: channel.type,
          }
        : apiChannel(state, channel);
      ctx.gateway.dispatch(event, data, scopeOf(channel));
    }
    state.record({
      type: channel.thread ? 'thread.delete' : 'channel.delete',
      guildId: channel.guildId,
      channelId: channel.id,
      reason: auditReason(req),
    });
    res.json(apiChannel(state, channel));
  });

  router.put('/channels/:channelId/permissions/:overwriteId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    if (!channel.guildId || channel.thread) throw DiscordErrors.unknownChannel();
    requirePermissions(ctx, channel, Permissions.ManageRoles);
    const body = bodyOf(req);
    const [overwrite] = parseOverwrites(
      state,
      state.guild(channel.guildId),
      [{ ...body, id: req.params.overwriteId }],
      [],
    );
    if (overwrite)
      channel.overwrites = [...channel.overwrites.filter((o) => o.id !== overwrite.id), overwrite];
    ctx.gateway.dispatch('CHANNEL_UPDATE', apiChannel(state, channel), scopeOf(channel));
    state.record({
      type: 'channel.permissions',
      guildId: channel.guildId,
      channelId: channel.id,
      reason: auditReason(req),
      details: { ...body, id: req.params.overwriteId },
    });
    res.status(204).end();
  });

  router.delete('/channels/:channelId/permissions/:overwriteId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    if (!channel.guildId || channel.thread) throw DiscordErrors.unknownChannel();
    requirePermissions(ctx, channel, Permissions.ManageRoles);
    channel.overwrites = channel.overwrites.filter((o) => o.id !== req.params.overwriteId);
    ctx.gateway.dispatch('CHANNEL_UPDATE', apiChannel(state, channel), scopeOf(channel));
    state.record({
      type: 'channel.permissions',
      guildId: channel.guildId,
      channelId: channel.id,
      reason: auditReason(req),
      details: { id: req.params.overwriteId, removed: true },
    });
    res.status(204).end();
  });

  router.get('/guilds/:guildId/channels', (req, res) => {
    const guild = state.guild(req.params.guildId);
    res.json(
      state
        .guildChannels(guild)
        .filter((c) => !c.thread)
        .map((c) => apiChannel(state, c)),
    );
  });

  router.post('/guilds/:guildId/channels', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const body = bodyOf(req);
    const errors = new FormErrors();
    if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 100)
      errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    const type = body.type ?? 0;
    if (!CREATABLE.includes(type as number))
      errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of (${CREATABLE.join(', ')}).`);
    if (
      body.topic !== undefined &&
      body.topic !== null &&
      (typeof body.topic !== 'string' || body.topic.length > 1024)
    ) {
      errors.add(['topic'], 'BASE_TYPE_MAX_LENGTH', 'Must be 1024 or fewer in length.');
    }
    const parentId = body.parent_id ?? null;
    if (parentId !== null && state.channels.get(String(parentId))?.type !== 4)
      errors.add(['parent_id'], 'CHANNEL_PARENT_INVALID_TYPE', 'Not a category');
    errors.throwIfAny();
    if (!(basePermissions(guild, state.botUserId) & Permissions.ManageChannels))
      throw DiscordErrors.missingPermissions();
    const overwrites =
      body.permission_overwrites === undefined
        ? []
        : parseOverwrites(state, guild, body.permission_overwrites, ['permission_overwrites']);
    const now = Date.now();
    const channel = state.addChannel(guild, {
      ...blankChannel(
        snowflake(now),
        type as number,
        guild.id,
        channelName(body.name as string, type as number),
        new Date(now).toISOString(),
      ),
      topic: typeof body.topic === 'string' ? body.topic : null,
      parentId: parentId === null ? null : String(parentId),
      nsfw: body.nsfw === true,
      rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
      position:
        typeof body.position === 'number'
          ? body.position
          : state.guildChannels(guild).filter((c) => !c.thread).length,
      overwrites,
    });
    ctx.gateway.dispatch('CHANNEL_CREATE', apiChannel(state, channel), scopeOf(channel));
    state.record({
      type: 'channel.create',
      guildId: guild.id,
      channelId: channel.id,
      reason: auditReason(req),
      details: {
        name: channel.name,
        type: channel.type,
        permissionOverwrites: channel.overwrites.map((o) => ({
          id: o.id,
          type: o.type,
          allow: o.allow.toString(),
          deny: o.deny.toString(),
        })),
      },
    });
    res.status(201).json(apiChannel(state, channel));
  });

  router.post('/users/@me/channels', (req, res) => {
    const body = bodyOf(req);
    if (typeof body.recipient_id !== 'string')
      throw formError(['recipient_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    const user = state.user(body.recipient_id as string);
    const existing = state.dmChannels.get(user.id);
    if (existing) return void res.json(apiChannel(state, state.channel(existing)));
    const now = Date.now();
    const channel = state.addChannel(null, {
      ...blankChannel(snowflake(now), 1, null, null, new Date(now).toISOString()),
      recipientId: user.id,
    });
    state.dmChannels.set(user.id, channel.id);
    state.record({ type: 'dm.create', guildId: null, channelId: channel.id, userId: user.id });
    res.json(apiChannel(state, channel));
  });

  return router;
}

/** Text channel names are lower-cased with dashes for spaces, as Discord stores them. */
function channelName(name: string, type: number): string {
  return type === 0 || type === 5 ? name.trim().toLowerCase().replace(/\s+/g, '-') : name.trim();
}
