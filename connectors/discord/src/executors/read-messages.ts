import type { OutputOf, NodeTypeMap } from '@guildflow/engine/core';
import { makeURLSearchParams, Routes, type APIMessage } from 'discord.js';
import { discordCall } from '../errors/classify.js';
import { channelGuildsOf } from '../guard/channel-guilds.js';
import { attemptInfo, defineExecutor } from './define.js';

type ReadMessage = OutputOf<NodeTypeMap['discord.readMessages']>['messages'][number];

/** The node's default `limit` (its declaration's default). */
const DEFAULT_LIMIT = 50;

/**
 * `discord.readMessages`: one `GET /channels/:id/messages?limit=N` after checking the channel is
 * in the run's server. Discord answers newest first; the output is oldest first, as a transcript
 * reads. A read changes nothing, so a retry is harmless. Without Read Message History Discord
 * answers an empty list (not an error) — preflight names that permission.
 *
 * @example
 * const read = readMessagesExecutor({ rest, applicationId });
 * await read({ config: { channelId, limit: 100 }, context }); // { messages: [...], count }
 */
export const readMessagesExecutor = defineExecutor(
  'discord.readMessages',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    const channelId = config.channelId;
    await channelGuildsOf(rest).assertInGuild(rest, channelId, context.guildId, signal);
    const limit = config.limit === undefined ? DEFAULT_LIMIT : Number(config.limit);
    const page = await discordCall(
      {
        doing: `read the messages of channel ${channelId}`,
        permissions: 'View Channel and Read Message History in that channel',
      },
      () =>
        rest.get(Routes.channelMessages(channelId), {
          query: makeURLSearchParams({ limit }),
          signal,
        }) as Promise<APIMessage[]>,
    );
    const messages = [...page].reverse().map(toReadMessage);
    return { messages, count: messages.length };
  },
);

function toReadMessage(message: APIMessage): ReadMessage {
  const author = message.author;
  return {
    id: message.id,
    authorId: author.id,
    author: {
      id: author.id,
      username: author.username,
      mention: `<@${author.id}>`,
      bot: author.bot === true || message.webhook_id !== undefined,
    },
    content: message.content ?? '',
    createdAt: message.timestamp,
  };
}
