import express from 'express';
import { DiscordErrors, formError } from '../errors.js';
import { Intents } from '../gateway/intents.js';
import {
  addReaction,
  createMessage,
  deleteMessage,
  editMessage,
  removeReaction,
} from '../messaging.js';
import { Permissions } from '../permissions.js';
import { apiChannel, apiMessage, apiUser } from '../serialize.js';
import type { ChannelRecord } from '../types.js';
import { requirePermissions, requireView } from './access.js';
import { auditReason, snowflakeQuery, type RestContext } from './context.js';
import { parseMessageBody } from './validate-message.js';

/** How long `enforce_nonce` remembers a nonce ("the past few minutes" in Discord's docs). */
const NONCE_WINDOW_MS = 5 * 60_000;

/**
 * Channel messages and reactions: list/get/create/edit/delete, `nonce` + `enforce_nonce` dedupe,
 * replies, and `PUT …/reactions/:emoji/@me`.
 */
export function messageRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;

  router.get('/channels/:channelId/messages', (req, res) => {
    const channel = state.channel(req.params.channelId);
    const perms = requireView(ctx, channel);
    if (!(perms & Permissions.ReadMessageHistory)) return void res.json([]);
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 50) || 50));
    const before = snowflakeQuery(req.query.before, 'before', null);
    const after = snowflakeQuery(req.query.after, 'after', null);
    const list = [...state.messages.values()]
      .filter((m) => m.channelId === channel.id && !m.deletedAt && !(m.flags & 64))
      .filter(
        (m) =>
          (before === null || BigInt(m.id) < before) && (after === null || BigInt(m.id) > after),
      )
      .reverse();
    res.json(
      (after !== null ? list.slice(-limit) : list.slice(0, limit)).map((m) => apiMessage(state, m)),
    );
  });

  router.get('/channels/:channelId/messages/:messageId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requirePermissions(ctx, channel, Permissions.ReadMessageHistory);
    res.json(apiMessage(state, state.message(channel.id, req.params.messageId)));
  });

  router.post('/channels/:channelId/messages', (req, res) => {
    const channel = state.channel(req.params.channelId);
    checkCanSend(ctx, channel);
    const body = parseMessageBody(req.body, 'create');
    if (body.messageReference) {
      const refChannel = body.messageReference.channel_id ?? channel.id;
      const exists = state.messages.get(body.messageReference.message_id);
      if (
        (!exists || exists.channelId !== refChannel || exists.deletedAt) &&
        body.messageReference.fail_if_not_exists !== false
      ) {
        throw formError(
          ['message_reference'],
          'MESSAGE_REFERENCE_UNKNOWN_MESSAGE',
          'Unknown message',
        );
      }
    }
    const nonceKey = body.nonce !== undefined ? `${state.botUserId}:${String(body.nonce)}` : null;
    if (body.enforceNonce && nonceKey) {
      const seen = state.nonces.get(nonceKey);
      const previous =
        seen && Date.now() - seen.at < NONCE_WINDOW_MS
          ? state.messages.get(seen.messageId)
          : undefined;
      if (previous && !previous.deletedAt) return void res.json(apiMessage(state, previous));
    }
    const message = createMessage(ctx, {
      channel,
      authorId: state.botUserId,
      content: body.content,
      embeds: body.embeds,
      components: body.components,
      flags: (body.flags ?? 0) & ~64,
      allowedMentions: body.allowedMentions,
      nonce: body.nonce ?? null,
      tts: body.tts,
      messageReference: body.messageReference
        ? {
            message_id: body.messageReference.message_id,
            channel_id: channel.id,
            ...(channel.guildId ? { guild_id: channel.guildId } : {}),
          }
        : null,
    });
    if (nonceKey) state.nonces.set(nonceKey, { messageId: message.id, at: Date.now() });
    state.record({
      type: 'message.create',
      guildId: channel.guildId,
      channelId: channel.id,
      messageId: message.id,
      details: {
        content: message.content,
        embeds: message.embeds,
        components: message.components,
        nonce: message.nonce,
        mentions: message.mentionUserIds,
        mentionRoles: message.mentionRoleIds,
      },
    });
    res.json(apiMessage(state, message));
  });

  router.patch('/channels/:channelId/messages/:messageId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requireView(ctx, channel);
    const message = state.message(channel.id, req.params.messageId);
    if (message.authorId !== state.botUserId || message.webhookId)
      throw DiscordErrors.cannotEditOthers();
    const body = parseMessageBody(req.body, 'edit');
    const content = body.content ?? message.content;
    const embeds = body.embeds ?? message.embeds;
    const components = body.components ?? message.components;
    if (!content.trim() && !embeds.length && !components.length) throw DiscordErrors.emptyMessage();
    editMessage(ctx, message, {
      content: body.content,
      embeds: body.embeds,
      components: body.components,
      flags: body.flags,
      allowedMentions: body.allowedMentions,
    });
    state.record({
      type: 'message.edit',
      guildId: channel.guildId,
      channelId: channel.id,
      messageId: message.id,
      details: {
        content,
        embeds,
        components,
        mentions: message.mentionUserIds,
        mentionRoles: message.mentionRoleIds,
      },
    });
    res.json(apiMessage(state, message));
  });

  router.delete('/channels/:channelId/messages/:messageId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requireView(ctx, channel);
    const message = state.message(channel.id, req.params.messageId);
    if (message.authorId !== state.botUserId)
      requirePermissions(ctx, channel, Permissions.ManageMessages);
    deleteMessage(ctx, message);
    state.record({
      type: 'message.delete',
      guildId: channel.guildId,
      channelId: channel.id,
      messageId: message.id,
      reason: auditReason(req),
    });
    res.status(204).end();
  });

  router.put('/channels/:channelId/messages/:messageId/reactions/:emoji/@me', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requirePermissions(ctx, channel, Permissions.ReadMessageHistory);
    const message = state.message(channel.id, req.params.messageId);
    const existing = message.reactions.some((r) => r.emoji.name === req.params.emoji);
    if (!existing) requirePermissions(ctx, channel, Permissions.AddReactions);
    if (addReaction(ctx, message, state.botUserId, req.params.emoji)) {
      state.record({
        type: 'reaction.add',
        guildId: channel.guildId,
        channelId: channel.id,
        messageId: message.id,
        details: { emoji: req.params.emoji },
      });
    }
    res.status(204).end();
  });

  router.delete('/channels/:channelId/messages/:messageId/reactions/:emoji/:userId', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requireView(ctx, channel);
    const message = state.message(channel.id, req.params.messageId);
    const userId = req.params.userId === '@me' ? state.botUserId : req.params.userId;
    if (userId !== state.botUserId) requirePermissions(ctx, channel, Permissions.ManageMessages);
    removeReaction(ctx, message, userId, req.params.emoji);
    state.record({
      type: 'reaction.remove',
      guildId: channel.guildId,
      channelId: channel.id,
      messageId: message.id,
      userId,
      details: { emoji: req.params.emoji },
    });
    res.status(204).end();
  });

  router.get('/channels/:channelId/messages/:messageId/reactions/:emoji', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requirePermissions(ctx, channel, Permissions.ReadMessageHistory);
    const message = state.message(channel.id, req.params.messageId);
    const reaction = message.reactions.find((r) => r.emoji.name === req.params.emoji);
    const after = snowflakeQuery(req.query.after, 'after', -1n) ?? -1n;
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 25) || 25));
    const users = (reaction?.users ?? [])
      .filter((id) => BigInt(id) > after)
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .slice(0, limit)
      .map((id) => apiUser(state.user(id)));
    res.json(users);
  });

  router.delete('/channels/:channelId/messages/:messageId/reactions', (req, res) => {
    const channel = state.channel(req.params.channelId);
    requirePermissions(ctx, channel, Permissions.ManageMessages);
    const message = state.message(channel.id, req.params.messageId);
    message.reactions = [];
    ctx.gateway.dispatch(
      'MESSAGE_REACTION_REMOVE_ALL',
      {
        channel_id: channel.id,
        message_id: message.id,
        ...(channel.guildId ? { guild_id: channel.guildId } : {}),
      },
      { guildId: channel.guildId, intent: Intents.GuildMessageReactions },
    );
    state.record({
      type: 'reaction.removeAll',
      guildId: channel.guildId,
      channelId: channel.id,
      messageId: message.id,
    });
    res.status(204).end();
  });

  router.post('/channels/:channelId/typing', (req, res) => {
    requireView(ctx, state.channel(req.params.channelId));
    res.status(204).end();
  });

  return router;
}

/**
 * Sending rules: Send Messages (Send Messages in Threads for threads); a locked archived thread
 * refuses (50083) and an unlocked one is unarchived by the post, as on Discord; DMs need a human.
 */
function checkCanSend(ctx: RestContext, channel: ChannelRecord): void {
  if (channel.type === 1) {
    const recipient = channel.recipientId ? ctx.state.users.get(channel.recipientId) : undefined;
    if (!recipient || recipient.bot) throw DiscordErrors.cannotDm();
    return;
  }
  if (channel.type === 4 || channel.type === 15) throw DiscordErrors.nonTextChannel();
  requirePermissions(
    ctx,
    channel,
    channel.thread ? Permissions.SendMessagesInThreads : Permissions.SendMessages,
  );
  const thread = channel.thread;
  if (thread?.archived) {
    const manage = ctx.state.botPermissionsIn(channel) & Permissions.ManageThreads;
    if (thread.locked && !manage) throw DiscordErrors.threadArchived();
    thread.archived = false;
    thread.archiveTimestamp = new Date().toISOString();
    ctx.gateway.dispatch('THREAD_UPDATE', apiChannel(ctx.state, channel), {
      guildId: channel.guildId,
      intent: Intents.Guilds,
    });
  }
}
