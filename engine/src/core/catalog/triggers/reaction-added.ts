import { COLORS, OUT } from '../common.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { defineEvent } from './events.js';
import { matchReaction, ReactionConfig, reactionEventFields, reactionOutput } from './reactions.js';

/** A reaction was added to a guild message. */
export const ReactionAddedEvent = defineEvent(
  'reactionAdded',
  'A reaction was added.',
  reactionEventFields('Who reacted.'),
);

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
  config: ReactionConfig,
  output: reactionOutput('Who reacted.'),
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
  match: matchReaction,
});
