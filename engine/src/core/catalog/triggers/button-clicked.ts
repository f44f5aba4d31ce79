import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { configString, defineEvent, EventInteractionSchema, EventUserSchema } from './events.js';

/** A button was clicked in a guild. */
export const ButtonClickedEvent = defineEvent('buttonClicked', 'A button was clicked.', {
  user: EventUserSchema('Who clicked.'),
  channelId: Type.String(),
  messageId: Type.String(),
  customId: Type.String(),
  interaction: EventInteractionSchema,
});

/**
 * `trigger.buttonClicked`: starts a run when someone clicks a button whose custom id starts
 * with `customIdPrefix` (buttons sent by `discord.sendMessage`).
 *
 * @example
 * // config: { customIdPrefix: 'ticket:open' }
 * // payload: { user, channelId, messageId, customId }
 */
export const buttonClicked = defineRoutedTrigger({
  type: 'trigger.buttonClicked',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Button clicked',
  description:
    'Starts when someone clicks a button whose custom id starts with the prefix. Answer the click with `discord.reply` (within 3 seconds Discord shows the click as handled).',
  config: Type.Object(
    {
      customIdPrefix: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Matches buttons whose custom id starts with this.',
      }),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    user: EventUserSchema('Who clicked.'),
    channelId: Type.String(),
    messageId: Type.String(),
    customId: Type.String({ description: 'The full custom id of the clicked button.' }),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'mouse-pointer-click',
    color: COLORS.trigger,
    fields: { customIdPrefix: { placeholder: 'ticket:open' } },
  },
  examples: [{ title: 'Open a ticket', config: { customIdPrefix: 'ticket:open' } }],
  event: ButtonClickedEvent,
  match: (config) => {
    const prefix = configString(config.customIdPrefix);
    return (e) =>
      prefix !== undefined && e.customId.startsWith(prefix)
        ? { user: e.user, channelId: e.channelId, messageId: e.messageId, customId: e.customId }
        : undefined;
  },
});
