import { Routes, type APIChannel, type APIMessage } from 'discord.js';
import { discordCall, ignoreCodes } from '../errors/classify.js';
import { channelGuildsOf } from '../guard/channel-guilds.js';
import { guildMembersOf } from '../guard/guild-members.js';
import { messageBody, reactionEmoji } from '../payloads/message.js';
import { messageNonce } from '../payloads/nonce.js';
import { attemptInfo, auditReason, defineExecutor } from './define.js';

const SEND = 'View Channel and Send Messages in that channel (and Embed Links for embeds)';

/**
 * `discord.sendMessage`: posts content, embeds and buttons in a channel, or — with `userId` —
 * checks that the user is a member of the run's server (the bot is shared by every server; a
 * graph may only DM its own members), opens the user's DM channel (`POST /users/@me/channels`,
 * idempotent) and posts there.
 * Idempotent: the message carries a nonce derived from the step's idempotency key with
 * `enforce_nonce: true`, so a retried attempt gets the first message back instead of posting
 * again (Discord remembers nonces for a few minutes — longer than the retry policy runs).
 *
 * @example
 * const send = sendMessageExecutor({ rest, applicationId });
 * await send({ config: { channelId, content: 'Welcome!' }, context }); // { messageId, channelId }
 */
export const sendMessageExecutor = defineExecutor(
  'discord.sendMessage',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    let channelId = config.channelId;
    if (channelId !== undefined)
      await channelGuildsOf(rest).assertInGuild(rest, channelId, context.guildId, signal);
    if (config.userId !== undefined) {
      const userId = config.userId;
      await guildMembersOf(rest).assertMember(rest, context.guildId, userId, signal);
      const dm = await discordCall(
        { doing: `open a direct message with user ${userId}` },
        () =>
          rest.post(Routes.userChannels(), {
            body: { recipient_id: userId },
            signal,
          }) as Promise<APIChannel>,
      );
      channelId = dm.id;
    }
    if (channelId === undefined) throw new Error('validated config has channelId or userId');
    const target =
      config.userId !== undefined ? `user ${config.userId} (DM)` : `channel ${channelId}`;
    const message = await discordCall(
      {
        doing: `post in ${target}`,
        permissions: SEND,
      },
      () =>
        rest.post(Routes.channelMessages(channelId), {
          body: {
            ...messageBody(config),
            nonce: messageNonce(context.idempotencyKey),
            enforce_nonce: true,
          },
          signal,
        }) as Promise<APIMessage>,
    );
    return { messageId: message.id, channelId: message.channel_id };
  },
);

/**
 * `discord.editMessage`: changes a message the bot sent; fields left out stay as they are,
 * `buttons: []` / `embeds: []` remove them. Naturally idempotent (a PATCH to the same state).
 */
export const editMessageExecutor = defineExecutor(
  'discord.editMessage',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await channelGuildsOf(rest).assertInGuild(rest, config.channelId, context.guildId, signal);
    const message = await discordCall(
      {
        doing: `edit message ${config.messageId} in channel ${config.channelId}`,
        permissions: 'View Channel in that channel',
      },
      () =>
        rest.patch(Routes.channelMessage(config.channelId, config.messageId), {
          body: messageBody(config),
          signal,
        }) as Promise<APIMessage>,
    );
    return { messageId: message.id, channelId: message.channel_id };
  },
);

/**
 * `discord.deleteMessage`: deletes a message, with the audit-log reason. A message that is
 * already gone (10008 Unknown Message) counts as deleted — which also makes a retry after a lost
 * answer succeed. An unknown channel (10003) is still an error: it usually means a wrong id.
 */
export const deleteMessageExecutor = defineExecutor(
  'discord.deleteMessage',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await channelGuildsOf(rest).assertInGuild(rest, config.channelId, context.guildId, signal);
    await discordCall(
      {
        doing: `delete message ${config.messageId} in channel ${config.channelId}`,
        permissions: 'Manage Messages in that channel (needed for messages of others)',
      },
      () =>
        rest
          .delete(Routes.channelMessage(config.channelId, config.messageId), {
            reason: auditReason(config.reason, context),
            signal,
          })
          .catch(ignoreCodes(10008)),
    );
    return {};
  },
);

/**
 * `discord.addReaction`: the bot reacts with a unicode emoji or a custom one (`name:id`).
 * Naturally idempotent (`PUT …/reactions/:emoji/@me`).
 */
export const addReactionExecutor = defineExecutor(
  'discord.addReaction',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await channelGuildsOf(rest).assertInGuild(rest, config.channelId, context.guildId, signal);
    await discordCall(
      {
        doing: `react with ${config.emoji} to message ${config.messageId} in channel ${config.channelId}`,
        permissions: 'Read Message History and Add Reactions in that channel',
      },
      () =>
        rest.put(
          Routes.channelMessageOwnReaction(
            config.channelId,
            config.messageId,
            reactionEmoji(config.emoji),
          ),
          { signal },
        ),
    );
    return {};
  },
);
