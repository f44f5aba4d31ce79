import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { MemberRef, Snowflake } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { configString, defineEvent, EventActorSchema } from './events.js';

/** A reaction was added to a guild message. */
export const ReactionAddedEvent = defineEvent('reactionAdded', 'A reaction was added.', {
  user: EventActorSchema('Who reacted.'),
  channelId: Type.String(),
  messageId: Type.String(),
  emoji: Type.String({ description: 'The unicode emoji, or `name:id` for a custom one.' }),
});

/**
 * `trigger.reactionAdded`: starts a run when someone reacts to a message (reaction roles,
 * starboards). Reactions by bots never trigger.
 *
 * @example
 * // config: { messageId: '{{ vars.rulesMessageId }}', emoji: '✅' }
 * // payload: { user, channelId, messageId, emoji }
 */
export const reactionAdded = defineRoutedTrigger({
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
  event: ReactionAddedEvent,
  match: (config) => {
    const channelId = configString(config.channelId);
    const messageId = configString(config.messageId);
    const emoji = configString(config.emoji);
    return (e) => {
      if (e.user.bot) return undefined;
      if (channelId !== undefined && e.channelId !== channelId) return undefined;
      if (messageId !== undefined && e.messageId !== messageId) return undefined;
      if (emoji !== undefined && e.emoji !== emoji) return undefined;
      const { bot: _bot, ...user } = e.user;
      return { user, channelId: e.channelId, messageId: e.messageId, emoji: e.emoji };
    };
  },
});
