import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Reason, Snowflake } from '../schemas.js';

/**
 * `discord.archiveChannel`: closes a channel without deleting it: a thread is archived (and
 * locked), a text channel is made read-only for @everyone and moved to `categoryId` if given.
 *
 * @example
 * // config: { channelId: '{{ nodes.ticket.channelId }}', categoryId: '{{ vars.archiveCategoryId }}' }
 * getNodeType('discord.archiveChannel') === archiveChannel;
 */
export const archiveChannel = defineNode({
  type: 'discord.archiveChannel',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Archive channel',
  description:
    'Closes a channel without deleting it: a thread is archived (and locked unless `lock` is off); a text channel becomes read-only for @everyone and moves to `categoryId` when given. Archiving twice is fine.',
  config: Type.Object(
    {
      channelId: Snowflake('The channel or thread.'),
      categoryId: Type.Optional(Snowflake('Text channels: the archive category to move it to.')),
      lock: Type.Optional(
        Type.Boolean({ default: true, description: 'Threads: only moderators can reopen it.' }),
      ),
      reason: Reason(),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: { permissions: [{ permissions: ['ManageChannels'], channelField: 'channelId' }] },
  ui: {
    icon: 'archive',
    color: COLORS.discord,
    fields: {
      channelId: { widget: 'channel' },
      categoryId: { widget: 'category' },
      lock: { widget: 'toggle' },
    },
  },
  examples: [
    {
      title: 'Close a ticket',
      config: {
        channelId: '{{ nodes.ticket.channelId }}',
        categoryId: '{{ vars.archiveCategoryId }}',
        reason: 'Ticket resolved',
      },
    },
  ],
});
