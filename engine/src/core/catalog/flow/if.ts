import { Type } from '@sinclair/typebox';
import { COLORS } from '../common.js';
import { defineNode } from '../define-node.js';

/**
 * `flow.if`: takes the `true` or the `false` port depending on a condition.
 *
 * @example
 * // config: { condition: 'trigger.guild.memberCount >= 100' }  (or '{{ … }}', or a boolean)
 * // output: { result: true }, port `true`
 */
export const ifNode = defineNode({
  type: 'flow.if',
  kind: 'control',
  group: 'Flow',
  title: 'If',
  description:
    'Continues on `true` or `false`. The condition is an expression, written bare (`vars.count > 3`) or as `{{ … }}`; non-empty strings, non-zero numbers and `true` count as true.',
  config: Type.Object(
    {
      condition: Type.Union([Type.Boolean(), Type.String({ minLength: 1, maxLength: 2000 })], {
        description: 'An expression such as `trigger.guild.memberCount >= 100`.',
      }),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({ result: Type.Boolean() }),
  ports: {
    outputs: [
      { id: 'true', label: 'True' },
      { id: 'false', label: 'False' },
    ],
  },
  conditions: ['condition'],
  ui: {
    icon: 'git-branch',
    color: COLORS.flow,
    fields: { condition: { widget: 'condition', placeholder: 'trigger.guild.memberCount >= 100' } },
  },
  examples: [
    { title: 'A milestone', config: { condition: 'trigger.guild.memberCount % 100 == 0' } },
    { title: 'Template form', config: { condition: '{{ nodes.warnings.value >= 3 }}' } },
  ],
});
