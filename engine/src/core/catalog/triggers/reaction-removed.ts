import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { MemberRef } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { configString, defineEvent, EventActorSchema } from './events.js';
import { reactionAdded } from './reaction-added.js';

/** A member removed their reaction from a guild message. */
export const ReactionRemovedEvent = defineEvent('reactionRemoved', 'A reaction was removed.', {
  user: EventActorSchema('Who removed their reaction.'),
  channelId: Type.String(),
  messageId: Type.String(),
  emoji: Type.String({ description: 'The unicode emoji, or `name:id` for a custom one.' }),
});

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
  config: reactionAdded.config,
  output: Type.Object({
    user: MemberRef('Who removed their reaction.'),
    channelId: Type.String(),
    messageId: Type.String(),
    emoji: Type.String({ description: 'The unicode emoji, or `name:id` for a custom emoji.' }),
  }),
  ports: { outputs: OUT },
  ui: { icon: 'smile', color: COLORS.trigger, fields: reactionAdded.ui.fields },
  examples: [
    {
      title: 'Undo a reaction role',
      config: { messageId: '{{ vars.rolesMessageId }}', emoji: '🎮' },
    },
  ],
  event: ReactionRemovedEvent,
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
