import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr } from '../schemas.js';
import { MEMBER_NEEDS_ID, Ttl, checkKey, keyFields, keyFieldsUi, ttlUi } from './shared.js';

/**
 * `data.increment`: adds to a stored number atomically (an unset value counts as 0) — warning
 * counters, points.
 *
 * @example
 * // config: { key: 'warnings', scope: 'member', memberId: '{{ trigger.options.member }}', by: 1, ttl: '30d' }
 * // output: { value: 3 }
 */
export const increment = defineNode({
  type: 'data.increment',
  kind: 'action',
  group: 'Data',
  title: 'Increment',
  description: 'Adds `by` (default 1, may be negative) to a stored number, atomically; an unset or non-numeric value counts as 0. Runs once per step even when retried.',
  config: Type.Object(
    {
      ...keyFields(),
      by: Type.Optional(Expr(Type.Number({ minimum: -1e12, maximum: 1e12 }), { default: 1, description: 'How much to add.' })),
      ttl: Ttl(),
    },
    { additionalProperties: false, allOf: MEMBER_NEEDS_ID },
  ),
  output: Type.Object({ value: Type.Number({ description: 'The new value.' }) }),
  ports: { outputs: OUT },
  policy: { startToCloseTimeout: '10s' },
  ui: { icon: 'plus-circle', color: COLORS.data, fields: { ...keyFieldsUi, ttl: ttlUi, by: { widget: 'number' } } },
  examples: [
    { title: 'Count a warning', config: { key: 'warnings', scope: 'member', memberId: '{{ trigger.options.member }}', by: 1, ttl: '30d' } },
    { title: 'Server-wide counter', config: { key: 'tickets', scope: 'guild' } },
  ],
  check: checkKey,
});
