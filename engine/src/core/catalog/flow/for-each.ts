import { Type } from '@sinclair/typebox';
import { COLORS } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr } from '../schemas.js';

/** Hard cap on `flow.forEach` iterations, whatever `max` says. */
export const FOR_EACH_HARD_CAP = 1000;

/**
 * Iterations of a `flow.forEach` without `max`.
 *
 * @example
 * const max = config.max ?? FOR_EACH_DEFAULT_MAX; // 100
 */
export const FOR_EACH_DEFAULT_MAX = 100;

/**
 * `flow.forEach`: runs the `item` branch once per item, one after another (the item is
 * `item` in expressions), then continues on `done`.
 *
 * @example
 * // config: { items: '{{ nodes.winners.picked }}', max: 10 }
 * // port `item` per item (scope `item`), then port `done` with { count }
 */
export const forEach = defineNode({
  type: 'flow.forEach',
  kind: 'control',
  group: 'Flow',
  title: 'For each',
  description:
    'Runs the branch on `item` once per item, one iteration after another, with the item as `item` in expressions; then continues on `done`. At most `max` items (default 100, never more than 1,000).',
  config: Type.Object(
    {
      items: Expr(Type.Array(Type.Unknown()), { description: 'The list to iterate over.' }),
      max: Type.Optional(
        Expr(Type.Integer({ minimum: 1, maximum: FOR_EACH_HARD_CAP }), {
          default: FOR_EACH_DEFAULT_MAX,
          description: 'Iterate over at most this many items (1–1000).',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({ count: Type.Integer({ description: 'Iterations run (on `done`).' }) }),
  ports: {
    outputs: [
      {
        id: 'item',
        label: 'Each item',
        description: 'Runs once per item; `item` is the current item.',
      },
      { id: 'done', label: 'Done', description: 'After the last iteration: `{ count }`.' },
    ],
  },
  ui: {
    icon: 'repeat',
    color: COLORS.flow,
    fields: {
      items: { widget: 'expression', placeholder: '{{ nodes.winners.picked }}' },
      max: { widget: 'number' },
    },
  },
  examples: [
    { title: 'Congratulate each winner', config: { items: '{{ nodes.winners.picked }}', max: 10 } },
  ],
});
