import { COLORS, OUT } from '../common.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { defineEvent } from './events.js';
import { reactionAdded } from './reaction-added.js';
import { matchReaction, ReactionConfig, reactionEventFields, reactionOutput } from './reactions.js';

/** A member removed their reaction from a guild message. */
export const ReactionRemovedEvent = defineEvent(
  'reactionRemoved',
  'A reaction was removed.',
  reactionEventFields('Who removed their reaction.'),
);

/**
 * `trigger.reactionRemoved`: starts a run when someone removes their reaction from a message
 * (undoing a reaction role, leaving a poll). Same filters and payload as `trigger.reactionAdded`.
 */
export const reactionRemoved = defineRoutedTrigger({
  type: 'trigger.reactionRemoved',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Reaction removed',
  description:
    'Starts when someone removes their reaction from a message, optionally only in one channel, on one message or with one emoji. Reactions by bots never trigger.',
  config: ReactionConfig,
  output: reactionOutput('Who removed their reaction.'),
  ports: { outputs: OUT },
  ui: { icon: 'smile', color: COLORS.trigger, fields: reactionAdded.ui.fields },
  examples: [
    {
      title: 'Undo a reaction role',
      config: { messageId: '{{ vars.rolesMessageId }}', emoji: '🎮' },
    },
  ],
  event: ReactionRemovedEvent,
  match: matchReaction,
});
