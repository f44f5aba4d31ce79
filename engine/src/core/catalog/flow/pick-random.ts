import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr } from '../schemas.js';

/**
 * `flow.pickRandom`: picks `count` different items of a list at random (replay-safe: the
 * workflow's seeded randomness) — giveaway winners.
 *
 * @example
 * // config: { items: '{{ nodes.entries.users }}', count: 3 }
 * // output: { picked: [ … ] }
 */
export const pickRandom = defineNode({
  type: 'flow.pickRandom',
  kind: 'control',
  group: 'Flow',
  title: 'Pick random',
  description:
    'Picks `count` different items of a list at random (fewer when the list is shorter). The choice is recorded, so a replay picks the same winners.',
  config: Type.Object(
    {
      items: Expr(Type.Array(Type.Unknown()), {
        description: 'The list, usually an expression like `{{ nodes.entries.users }}`.',
      }),
      count: Type.Optional(
        Expr(Type.Integer({ minimum: 1, maximum: 1000 }), {
          default: 1,
          description: 'How many to pick.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    picked: Type.Array(Type.Unknown(), { description: 'The picked items, in random order.' }),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'dice',
    color: COLORS.flow,
    fields: {
      items: { widget: 'expression', placeholder: '{{ nodes.entries.users }}' },
      count: { widget: 'number' },
    },
  },
  examples: [{ title: 'Three winners', config: { items: '{{ nodes.entries.users }}', count: 3 } }],
});
