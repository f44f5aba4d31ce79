import express from 'express';
import { DiscordErrors, formError } from '../errors.js';
import { createMessage, deleteMessage, editMessage, MessageFlags } from '../messaging.js';
import { apiMessage } from '../serialize.js';
import type { InteractionRecord, MessageRecord } from '../types.js';
import { bodyOf, type RestContext } from './context.js';
import { parseMessageBody, type MessageBody } from './validate-message.js';

/** Callback types Discord accepts per interaction type (2 = command, 3 = component). */
const ALLOWED: Record<number, number[]> = { 2: [4, 5, 9, 10, 12], 3: [4, 5, 6, 7, 9, 10, 12] };
/** Flags a bot may set on an interaction response. */
const RESPONSE_FLAGS = MessageFlags.Ephemeral | (1 << 2) | (1 << 12) | (1 << 15);

/**
 * Interaction responses: `POST /interactions/:id/:token/callback` (4 reply, 5 deferred, 6 deferred
 * update, 7 update, 9 modal) with 40060 on a second acknowledgement and 10062 for unknown or
 * expired interactions, and the interaction webhook (`/webhooks/:appId/:token…`) for follow-ups
 * and editing or deleting `@original`. The first follow-up after a deferral fills in the
 * "thinking…" message, as on Discord.
 */
export function interactionRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;

  const log = (
    interaction: InteractionRecord,
    entry: Omit<InteractionRecord['responses'][number], 'at'>,
  ) => {
    interaction.responses.push({ ...entry, at: new Date().toISOString() });
    state.record({
      type: `interaction.${entry.kind}`,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      interactionId: interaction.id,
      ...(entry.messageId ? { messageId: entry.messageId } : {}),
      details: {
        ...(entry.type !== undefined ? { callbackType: entry.type } : {}),
        body: entry.body,
      },
    });
  };

  const reply = (interaction: InteractionRecord, body: MessageBody, flags: number): MessageRecord =>
    createMessage(ctx, {
      channel: state.channel(interaction.channelId),
      authorId: state.botUserId,
      type: interaction.type === 2 ? 20 : 0,
      content: body.content,
      embeds: body.embeds,
      components: body.components,
      flags,
      tts: body.tts,
      allowedMentions: body.allowedMentions,
      webhookId: state.applicationId,
      interaction: {
        id: interaction.id,
        type: interaction.type,
        name: interaction.command?.name ?? null,
        userId: interaction.userId,
        originalResponseMessageId: interaction.originalMessageId,
      },
    });

  router.post('/interactions/:interactionId/:token/callback', (req, res) => {
    const interaction = state.interactions.get(req.params.interactionId);
    if (!interaction || interaction.token !== req.params.token)
      throw DiscordErrors.unknownInteraction();
    const age = Date.now() - Date.parse(interaction.createdAt);
    if (interaction.acknowledged) throw DiscordErrors.alreadyAcknowledged();
    if (
      age > ctx.interactionTokenTtlMs ||
      (ctx.interactionAckDeadlineMs !== null && age > ctx.interactionAckDeadlineMs)
    ) {
      throw DiscordErrors.unknownInteraction();
    }
    const body = bodyOf(req);
    const type = body.type as number;
    if (!ALLOWED[interaction.type]?.includes(type))
      throw formError(
        ['type'],
        'BASE_TYPE_CHOICES',
        `Value must be one of (${ALLOWED[interaction.type]?.join(', ')}).`,
      );
    const data = (body.data ?? {}) as Record<string, unknown>;
    let message: MessageRecord | null = null;
    if (type === 4) {
      const parsed = parseMessageBody(data, 'create');
      message = reply(interaction, parsed, (parsed.flags ?? 0) & RESPONSE_FLAGS);
      interaction.ephemeral = (message.flags & MessageFlags.Ephemeral) !== 0;
    } else if (type === 5) {
      const flags = ((data.flags as number | undefined) ?? 0) & MessageFlags.Ephemeral;
      message = reply(interaction, { enforceNonce: false }, flags | MessageFlags.Loading);
      interaction.ephemeral = flags !== 0;
    } else if (type === 6 || type === 7) {
      message = state.message(interaction.channelId, interaction.component?.messageId ?? '');
      if (type === 7) {
        const parsed = parseMessageBody(data, 'edit');
        editMessage(ctx, message, {
          content: parsed.content,
          embeds: parsed.embeds,
          components: parsed.components,
          allowedMentions: parsed.allowedMentions,
        });
      }
    } else if (
      type === 9 &&
      (typeof data.custom_id !== 'string' || typeof data.title !== 'string')
    ) {
      throw formError(['data', 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    interaction.acknowledged = true;
    interaction.acknowledgedAt = new Date().toISOString();
    interaction.responseType = type;
    interaction.originalMessageId = message?.id ?? null;
    log(interaction, { kind: 'callback', type, messageId: message?.id ?? null, body });
    if (req.query.with_response !== 'true') return void res.status(204).end();
    res.json({
      interaction: {
        id: interaction.id,
        type: interaction.type,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: message ? (message.flags & MessageFlags.Loading) !== 0 : false,
        response_message_ephemeral: message
          ? (message.flags & MessageFlags.Ephemeral) !== 0
          : false,
      },
      resource: { type, ...(message && type !== 6 ? { message: apiMessage(state, message) } : {}) },
    });
  });

  /** The interaction behind an interaction webhook (application id + interaction token). */
  const byToken = (appId: string, token: string): InteractionRecord => {
    const interaction =
      appId === state.applicationId
        ? [...state.interactions.values()].find((i) => i.token === token)
        : undefined;
    if (!interaction?.acknowledged) throw DiscordErrors.unknownWebhook();
    if (Date.now() - Date.parse(interaction.createdAt) > ctx.interactionTokenTtlMs)
      throw DiscordErrors.invalidWebhookToken();
    return interaction;
  };
  const target = (interaction: InteractionRecord, id: string): MessageRecord => {
    const messageId = id === '@original' ? interaction.originalMessageId : id;
    if (
      !messageId ||
      (messageId !== interaction.originalMessageId &&
        !interaction.followUpMessageIds.includes(messageId))
    )
      throw DiscordErrors.unknownMessage();
    const message = state.messages.get(messageId);
    if (!message || message.deletedAt) throw DiscordErrors.unknownMessage();
    return message;
  };

  router.post('/webhooks/:appId/:token', (req, res) => {
    const interaction = byToken(req.params.appId, req.params.token);
    const parsed = parseMessageBody(req.body, 'create');
    const original = interaction.originalMessageId
      ? state.messages.get(interaction.originalMessageId)
      : undefined;
    let message: MessageRecord;
    if (original && original.flags & MessageFlags.Loading && !original.deletedAt) {
      message = editMessage(ctx, original, {
        content: parsed.content ?? '',
        embeds: parsed.embeds ?? [],
        components: parsed.components ?? [],
        flags: original.flags & ~MessageFlags.Loading,
        allowedMentions: parsed.allowedMentions,
      });
    } else {
      message = reply(interaction, parsed, (parsed.flags ?? 0) & RESPONSE_FLAGS);
      interaction.followUpMessageIds.push(message.id);
    }
    log(interaction, { kind: 'followUp', messageId: message.id, body: req.body });
    if (req.query.wait === 'true') res.json(apiMessage(state, message));
    else res.status(204).end();
  });

  router.get('/webhooks/:appId/:token/messages/:messageId', (req, res) => {
    const interaction = byToken(req.params.appId, req.params.token);
    res.json(apiMessage(state, target(interaction, req.params.messageId)));
  });

  router.patch('/webhooks/:appId/:token/messages/:messageId', (req, res) => {
    const interaction = byToken(req.params.appId, req.params.token);
    const message = target(interaction, req.params.messageId);
    const parsed = parseMessageBody(req.body, 'edit');
    const content = parsed.content ?? message.content;
    if (
      !content.trim() &&
      !(parsed.embeds ?? message.embeds).length &&
      !(parsed.components ?? message.components).length
    )
      throw DiscordErrors.emptyMessage();
    editMessage(ctx, message, {
      content: parsed.content,
      embeds: parsed.embeds,
      components: parsed.components,
      flags: message.flags & ~MessageFlags.Loading,
      allowedMentions: parsed.allowedMentions,
    });
    const kind = message.id === interaction.originalMessageId ? 'editOriginal' : 'editFollowUp';
    log(interaction, { kind, messageId: message.id, body: req.body });
    res.json(apiMessage(state, message));
  });

  router.delete('/webhooks/:appId/:token/messages/:messageId', (req, res) => {
    const interaction = byToken(req.params.appId, req.params.token);
    const message = target(interaction, req.params.messageId);
    deleteMessage(ctx, message);
    log(interaction, {
      kind: message.id === interaction.originalMessageId ? 'deleteOriginal' : 'deleteFollowUp',
      messageId: message.id,
      body: null,
    });
    res.status(204).end();
  });

  return router;
}
