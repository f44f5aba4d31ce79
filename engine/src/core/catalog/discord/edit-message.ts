import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Snowflake, atLeastOneOf } from '../schemas.js';
import { checkMessage, messageFields, messageFieldsUi } from './shared.js';

/**
 * `discord.editMessage`: changes a message the bot sent; fields left out stay as they are
 * (`buttons: []` removes the buttons).
 *
 * @example
 * // config: { channelId: '{{ nodes.post.channelId }}', messageId: '{{ nodes.post.messageId }}', content: 'Giveaway ended.', buttons: [] }
 * // output: { messageId, channelId }
 */
export const editMessage = defineNode({
  type: 'discord.editMessage',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Edit message',
  description:
    'Changes a message this bot sent. Fields left out stay as they are; `buttons: []` removes the buttons, `embeds: []` the embeds.',
  config: Type.Object(
    {
      channelId: Snowflake('Channel of the message.'),
      messageId: Snowflake('The message to edit.'),
      ...messageFields(),
    },
    {
      additionalProperties: false,
      anyOf: atLeastOneOf('content', 'embeds', 'buttons', 'buttonsFrom'),
    },
  ),
  output: Type.Object({ messageId: Type.String(), channelId: Type.String() }),
  ports: { outputs: OUT },
  requires: {
    permissions: [
      { permissions: ['ViewChannel'], channelField: 'channelId' },
      { permissions: ['EmbedLinks'], when: { embeds: true }, channelField: 'channelId' },
    ],
  },
  ui: {
    icon: 'pencil',
    color: COLORS.discord,
    fields: {
      channelId: { widget: 'channel' },
      messageId: { widget: 'message' },
      ...messageFieldsUi,
    },
  },
  examples: [
    {
      title: 'Close a giveaway',
      config: {
        channelId: '{{ nodes.post.channelId }}',
        messageId: '{{ nodes.post.messageId }}',
        content: 'This giveaway has ended.',
        buttons: [],
      },
    },
  ],
  check: checkMessage,
});
