import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { MEMBER_NEEDS_ID, Ttl, checkKey, keyFields, keyFieldsUi, ttlUi } from './shared.js';

/**
 * `data.set`: stores a JSON value for the server or a member, optionally expiring.
 *
 * @example
 * // config: { key: 'lastGiveaway', scope: 'guild', value: '{{ now }}' }
 * // output: { value }
 */
export const set = defineNode({
  type: 'data.set',
  kind: 'action',
  group: 'Data',
  title: 'Set value',
  description: 'Stores a value (any JSON up to 16 KB) for the server or for a member, kept across runs; with `ttl` it expires that long after this write.',
  config: Type.Object(
    { ...keyFields(), value: Type.Unknown({ description: 'The value; may be an expression.' }), ttl: Ttl() },
    { additionalProperties: false, allOf: MEMBER_NEEDS_ID },
  ),
  output: Type.Object({ value: Type.Unknown({ description: 'The stored value.' }) }),
  ports: { outputs: OUT },
  policy: { startToCloseTimeout: '10s' },
  ui: { icon: 'database', color: COLORS.data, fields: { ...keyFieldsUi, ttl: ttlUi, value: { widget: 'json' } } },
  examples: [
    { title: 'Remember the last giveaway', config: { key: 'lastGiveaway', scope: 'guild', value: '{{ now }}' } },
    { title: 'Opt-out flag for a month', config: { key: 'dmOptOut', scope: 'member', memberId: '{{ trigger.user.id }}', value: true, ttl: '30d' } },
  ],
  check: checkKey,
});
