import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { MemberRef } from '../schemas.js';

/**
 * `trigger.buttonClicked`: starts a run when someone clicks a button whose custom id starts
 * with `customIdPrefix` (buttons sent by `discord.sendMessage`).
 *
 * @example
 * // config: { customIdPrefix: 'ticket:open' }
 * // payload: { user, channelId, messageId, customId }
 */
export const buttonClicked = defineNode({
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
    user: MemberRef('Who clicked.'),
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
});
