import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr, Snowflake } from '../schemas.js';

/** Most messages one `discord.readMessages` returns (Discord's page size). */
export const READ_MESSAGES_MAX = 100;

/**
 * `discord.readMessages`: the most recent messages of a channel or thread, oldest first — for
 * transcripts, summaries and "what was said before" checks.
 *
 * @example
 * // config: { channelId: '{{ nodes.thread.channelId }}', limit: 100 }
 * // output: { messages: [{ id, authorId, author: { id, username, mention, bot }, content, createdAt }], count: 12 }
 */
export const readMessages = defineNode({
  type: 'discord.readMessages',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Read messages',
  description:
    'Reads the most recent messages of a text channel or thread (up to 100), oldest first. Needs View Channel and Read Message History (without Read Message History Discord answers no messages). On a real bot, the text of other members’ messages is empty unless the Message Content intent is turned on in the Developer Portal.',
  config: Type.Object(
    {
      channelId: Snowflake('The text channel or thread to read.'),
      limit: Type.Optional(
        Expr(Type.Integer({ minimum: 1, maximum: READ_MESSAGES_MAX }), {
          default: 50,
          description: `How many of the most recent messages (1–${READ_MESSAGES_MAX}).`,
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    messages: Type.Array(
      Type.Object({
        id: Type.String(),
        authorId: Type.String(),
        author: Type.Object({
          id: Type.String(),
          username: Type.String(),
          mention: Type.String({ description: '`<@id>`.' }),
          bot: Type.Boolean({ description: 'Sent by a bot (this one included) or a webhook.' }),
        }),
        content: Type.String({
          description: 'The text as sent ("" for a message with only embeds or attachments).',
        }),
        createdAt: Type.String({ description: 'When it was sent (ISO date).' }),
      }),
      { description: 'Oldest first; at most `limit`.' },
    ),
    count: Type.Integer({ description: 'How many messages `messages` holds.' }),
  }),
  ports: { outputs: OUT },
  requires: {
    permissions: [
      { permissions: ['ViewChannel', 'ReadMessageHistory'], channelField: 'channelId' },
    ],
  },
  ui: {
    icon: 'scroll-text',
    color: COLORS.discord,
    fields: { channelId: { widget: 'channel' }, limit: { widget: 'number' } },
  },
  examples: [
    {
      title: 'Transcript of a ticket thread',
      config: { channelId: '{{ nodes.openThread.channelId }}', limit: 100 },
    },
  ],
});
