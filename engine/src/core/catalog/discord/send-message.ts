import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Snowflake, atLeastOneOf, exactlyOneOf } from '../schemas.js';
import { checkMessage, messageFields, messageFieldsUi } from './shared.js';

/**
 * `discord.sendMessage`: posts a message in a channel, or as a DM with `userId`; text, embeds
 * and buttons.
 *
 * @example
 * // config: { channelId: '{{ vars.welcomeChannelId }}', content: 'Welcome {{ trigger.member.mention }}!' }
 * // output: { messageId, channelId }
 */
export const sendMessage = defineNode({
  type: 'discord.sendMessage',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Send message',
  description:
    'Posts a message in a channel, or sends it as a direct message to a member of this server with `userId` (set exactly one). Text up to 2,000 characters, up to 10 embeds and up to 25 buttons in 5 rows (listed in `buttons`, or one per item of a list with `buttonsFrom`); needs `content` or `embeds`.',
  config: Type.Object(
    {
      channelId: Type.Optional(Snowflake('Channel to post in.')),
      userId: Type.Optional(Snowflake('Member of this server to send a direct message to.')),
      ...messageFields(),
    },
    {
      additionalProperties: false,
      oneOf: exactlyOneOf('channelId', 'userId'),
      anyOf: atLeastOneOf('content', 'embeds'),
    },
  ),
  output: Type.Object({
    messageId: Type.String(),
    channelId: Type.String({ description: 'The channel (or DM channel) it was posted in.' }),
  }),
  ports: { outputs: OUT },
  requires: {
    permissions: [
      { permissions: ['ViewChannel', 'SendMessages'], channelField: 'channelId' },
      { permissions: ['EmbedLinks'], when: { embeds: true }, channelField: 'channelId' },
    ],
  },
  ui: {
    icon: 'send',
    color: COLORS.discord,
    fields: {
      channelId: { widget: 'channel' },
      userId: { widget: 'member', help: 'For a direct message instead of a channel.' },
      ...messageFieldsUi,
    },
  },
  examples: [
    {
      title: 'Welcome message',
      config: {
        channelId: '{{ vars.welcomeChannelId }}',
        content:
          'Welcome {{ trigger.member.mention }}! You are member #{{ trigger.guild.memberCount }}.',
      },
    },
    {
      title: 'Giveaway with a button',
      config: {
        channelId: '1098765432101234567',
        embeds: [
          {
            title: '🎉 Giveaway',
            description: 'Click to enter! Ends {{ now | timestamp }}.',
            color: '#F59E0B',
          },
        ],
        buttons: [{ label: 'Enter', customId: 'giveaway:{{ run.id }}', style: 'success' }],
      },
    },
    {
      title: 'A button per role of a list',
      config: {
        channelId: '{{ trigger.channelId }}',
        content: 'Pick your roles:',
        buttonsFrom: {
          items: '{{ vars.roles }}',
          label: 'label',
          id: 'roleId',
          emoji: 'emoji',
          customIdPrefix: 'rolemenu:{{ vars.menuId }}:',
          style: 'secondary',
        },
      },
    },
    {
      title: 'Direct message',
      config: { userId: '{{ trigger.member.id }}', content: 'Thanks for joining!' },
    },
  ],
  check: checkMessage,
});
