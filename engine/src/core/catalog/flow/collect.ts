import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Duration, MemberRef, Snowflake, exactlyOneOf } from '../schemas.js';

/**
 * `flow.collect`: gathers the users who click a button of a message (or react with an emoji)
 * during a window — giveaway entries — one entry per user.
 *
 * @example
 * // config: { messageId: '{{ nodes.post.messageId }}', customId: 'giveaway:{{ run.id }}', duration: '7d' }
 * // output: { users: [{ id, username, mention }], count }
 */
export const collect = defineNode({
  type: 'flow.collect',
  kind: 'control',
  group: 'Flow',
  title: 'Collect entries',
  description:
    'Collects the users who click the button `customId` on a message, or react to it with `emoji`, until `duration` has passed (one entry per user; set exactly one of `customId` and `emoji`). Entries are stored by the engine, so thousands of clicks are fine.',
  config: Type.Object(
    {
      messageId: Snowflake('The message with the button or reactions.'),
      customId: Type.Optional(
        Type.String({ minLength: 1, maxLength: 100, description: 'Count clicks on this button.' }),
      ),
      emoji: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: 'Count reactions with this emoji.',
        }),
      ),
      duration: Duration('How long entries are open.'),
    },
    { additionalProperties: false, oneOf: exactlyOneOf('customId', 'emoji') },
  ),
  output: Type.Object({
    users: Type.Array(MemberRef(), {
      description: 'Everyone who entered, once each, in order of entry.',
    }),
    count: Type.Integer(),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'users',
    color: COLORS.flow,
    fields: {
      messageId: { widget: 'message' },
      emoji: { widget: 'emoji' },
      duration: { widget: 'duration', placeholder: '7d' },
    },
  },
  examples: [
    {
      title: 'Giveaway entries',
      config: {
        messageId: '{{ nodes.post.messageId }}',
        customId: 'giveaway:{{ run.id }}',
        duration: '7d',
      },
    },
    {
      title: 'Reaction poll',
      config: { messageId: '{{ nodes.post.messageId }}', emoji: '👍', duration: '1d' },
    },
  ],
});
