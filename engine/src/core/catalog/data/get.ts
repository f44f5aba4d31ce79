import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { MEMBER_NEEDS_ID, checkKey, keyFields, keyFieldsUi } from './shared.js';

/**
 * `data.get`: reads a value stored for the server or a member (`null` when unset or expired).
 *
 * @example
 * // config: { key: 'warnings', scope: 'member', memberId: '{{ trigger.options.member }}' }
 * // output: { value: 2 }
 */
export const get = defineNode({
  type: 'data.get',
  kind: 'action',
  group: 'Data',
  title: 'Get value',
  description: 'Reads a value stored for the server or for a member; `value` is `null` when it was never set or has expired.',
  config: Type.Object({ ...keyFields() }, { additionalProperties: false, allOf: MEMBER_NEEDS_ID }),
  output: Type.Object({ value: Type.Unknown({ description: 'The stored value, or null.' }) }),
  ports: { outputs: OUT },
  policy: { startToCloseTimeout: '10s' },
  ui: { icon: 'database', color: COLORS.data, fields: { ...keyFieldsUi } },
  examples: [{ title: 'A member’s warnings', config: { key: 'warnings', scope: 'member', memberId: '{{ trigger.options.member }}' } }],
  check: checkKey,
});
