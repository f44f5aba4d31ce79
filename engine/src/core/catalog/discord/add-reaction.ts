import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Snowflake } from '../schemas.js';

/**
 * `discord.addReaction`: the bot reacts to a message (e.g. to seed a reaction giveaway).
 *
 * @example
 * // config: { channelId: '{{ nodes.post.channelId }}', messageId: '{{ nodes.post.messageId }}', emoji: '🎉' }
 * getNodeType('discord.addReaction') === addReaction;
 */
export const addReaction = defineNode({
  type: 'discord.addReaction',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Add reaction',
  description:
    'Reacts to a message as the bot, with a unicode emoji or a custom one of this server (`name:id`).',
  config: Type.Object(
    {
      channelId: Snowflake('Channel of the message.'),
      messageId: Snowflake('The message.'),
      emoji: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'A unicode emoji or `name:id`.',
      }),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: {
    permissions: [
      {
        permissions: ['ViewChannel', 'ReadMessageHistory', 'AddReactions'],
        channelField: 'channelId',
      },
    ],
  },
  ui: {
    icon: 'smile',
    color: COLORS.discord,
    fields: {
      channelId: { widget: 'channel' },
      messageId: { widget: 'message' },
      emoji: { widget: 'emoji' },
    },
  },
  examples: [
    {
      title: 'Seed a giveaway',
      config: {
        channelId: '{{ nodes.post.channelId }}',
        messageId: '{{ nodes.post.messageId }}',
        emoji: '🎉',
      },
    },
  ],
});
