import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Reason, Snowflake } from '../schemas.js';

/**
 * `discord.deleteMessage`: deletes a message (a member's message needs Manage Messages).
 *
 * @example
 * // config: { channelId: '{{ trigger.message.channelId }}', messageId: '{{ trigger.message.id }}', reason: 'Link spam' }
 * getNodeType('discord.deleteMessage') === deleteMessage;
 */
export const deleteMessage = defineNode({
  type: 'discord.deleteMessage',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Delete message',
  description:
    'Deletes a message. Deleting another member’s message needs the Manage Messages permission. A message that is already gone counts as deleted.',
  config: Type.Object(
    {
      channelId: Snowflake('Channel of the message.'),
      messageId: Snowflake('The message to delete.'),
      reason: Reason(),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: {
    permissions: [{ permissions: ['ViewChannel', 'ManageMessages'], channelField: 'channelId' }],
  },
  ui: {
    icon: 'trash',
    color: COLORS.discord,
    fields: { channelId: { widget: 'channel' }, messageId: { widget: 'message' } },
  },
  examples: [
    {
      title: 'Remove the triggering message',
      config: {
        channelId: '{{ trigger.message.channelId }}',
        messageId: '{{ trigger.message.id }}',
        reason: 'Link spam',
      },
    },
  ],
});
