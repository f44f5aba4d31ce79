import { Type } from '@sinclair/typebox';
import type { ConfigIssue } from '../define-node.js';
import { Duration, Expr, Snowflake, StringEnum, requiredField } from '../schemas.js';

/**
 * Pattern of a stored key (templates are allowed too: `warnings:{{ trigger.options.member }}`).
 *
 * @example
 * new RegExp(DATA_KEY_PATTERN).test('warnings'); // true
 */
export const DATA_KEY_PATTERN = '^[A-Za-z0-9_.:-]{1,100}$';

/** The `key`, `scope`, `memberId` fields of the data nodes. */
export function keyFields() {
  return {
    key: Expr(Type.String({ pattern: DATA_KEY_PATTERN }), { description: 'Name of the stored value: letters, digits, `_ . : -`.' }),
    scope: StringEnum(['guild', 'member'], { default: 'guild', description: 'One value for the server, or one per member.' }),
    memberId: Type.Optional(Snowflake('Scope `member`: whose value.')),
  };
}

/** The optional `ttl` field: the value expires this long after it was last written. */
export function Ttl() {
  return Type.Optional(Duration('Forget the value this long after the last write (kept forever when empty).'));
}

/** JSON Schema "scope `member` requires `memberId`". */
export const MEMBER_NEEDS_ID = [
  { if: { type: 'object', properties: { scope: { const: 'member' } }, required: ['scope'] }, then: requiredField('memberId') },
];

/**
 * Cross-field rule: `memberId` only with scope `member`.
 *
 * @example
 * check: checkKey
 */
export function checkKey(config: Readonly<Record<string, unknown>>): ConfigIssue[] {
  return config.scope === 'guild' && config.memberId !== undefined
    ? [{ path: '/memberId', message: '`memberId` applies to scope `member` only.' }]
    : [];
}

/**
 * UI hints of the key fields.
 *
 * @example
 * ui: { icon: 'database', fields: { ...keyFieldsUi } }
 */
export const keyFieldsUi = {
  key: { placeholder: 'warnings' },
  scope: { widget: 'select' },
  memberId: { widget: 'member', placeholder: '{{ trigger.member.id }}' },
} as const;

/**
 * UI hint of the `ttl` field.
 *
 * @example
 * ui: { icon: 'database', fields: { ...keyFieldsUi, ttl: ttlUi } }
 */
export const ttlUi = { widget: 'duration', placeholder: '30d' } as const;
