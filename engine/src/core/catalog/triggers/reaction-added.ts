import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { MemberRef, Snowflake } from '../schemas.js';

/**
 * `trigger.reactionAdded`: starts a run when someone reacts to a message (reaction roles,
 * starboards). Reactions by bots never trigger.
 *
 * @example
 * // config: { messageId: '{{ vars.rulesMessageId }}', emoji: '✅' }
 * // payload: { user, channelId, messageId, emoji }
 */
export const reactionAdded = defineNode({
  type: 'trigger.reactionAdded',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Reaction added',
  description:
    'Starts when someone reacts to a message, optionally only in one channel, on one message or with one emoji. Reactions by bots never trigger.',
  config: Type.Object(
    {
      channelId: Type.Optional(Snowflake('Only reactions in this channel.')),
      messageId: Type.Optional(Snowflake('Only reactions to this message.')),
      emoji: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: 'Only this emoji: a unicode emoji or a custom one as `name:id`.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    user: MemberRef('Who reacted.'),
    channelId: Type.String(),
    messageId: Type.String(),
    emoji: Type.String({ description: 'The unicode emoji, or `name:id` for a custom emoji.' }),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'smile-plus',
    color: COLORS.trigger,
    fields: {
      channelId: { widget: 'channel' },
      messageId: { widget: 'message' },
      emoji: { widget: 'emoji' },
    },
  },
  examples: [
    { title: 'Accept the rules', config: { messageId: '{{ vars.rulesMessageId }}', emoji: '✅' } },
    { title: 'Any reaction in a channel', config: { channelId: '1098765432101234567' } },
  ],
});
