import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { atLeastOneOf } from '../schemas.js';
import { checkMessage, messageFields, messageFieldsUi } from './shared.js';

/**
 * Triggers whose run can `discord.reply`: they start from a Discord interaction.
 *
 * @example
 * INTERACTION_TRIGGERS.includes(triggerNode(doc)?.type ?? ''); // may the graph reply?
 */
export const INTERACTION_TRIGGERS: readonly string[] = Object.freeze([
  'trigger.slashCommand',
  'trigger.buttonClicked',
]);

/**
 * `discord.reply`: answers the interaction that started the run (a slash command or a button
 * click), optionally visible only to that user.
 *
 * @example
 * // config: { content: 'Warned {{ trigger.options.member }}.', ephemeral: true }
 * // output: { messageId }
 */
export const reply = defineNode({
  type: 'discord.reply',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Reply',
  description:
    'Answers the interaction that started the run (`trigger.slashCommand` or `trigger.buttonClicked`); with `ephemeral` only that user sees it. Later replies in the same run are follow-ups.',
  config: Type.Object(
    {
      ...messageFields(),
      ephemeral: Type.Optional(
        Type.Boolean({
          default: false,
          description: 'Visible only to the user who clicked or typed the command.',
        }),
      ),
    },
    { additionalProperties: false, anyOf: atLeastOneOf('content', 'embeds') },
  ),
  output: Type.Object({ messageId: Type.String() }),
  ports: { outputs: OUT },
  ui: {
    icon: 'reply',
    color: COLORS.discord,
    fields: { ...messageFieldsUi, ephemeral: { widget: 'toggle' } },
  },
  examples: [
    {
      title: 'Private confirmation',
      config: { content: 'Done! {{ trigger.user.mention }}', ephemeral: true },
    },
    {
      title: 'Public answer with an embed',
      config: {
        embeds: [
          { title: 'Server stats', description: '{{ nodes.stats.messages }} messages this week' },
        ],
      },
    },
  ],
  check: checkMessage,
});
