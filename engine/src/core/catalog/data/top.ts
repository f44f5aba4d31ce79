import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr, Snowflake, StringEnum } from '../schemas.js';
import { keyFields, keyFieldsUi } from './shared.js';

/** Most entries `data.top` returns (a leaderboard message, not a dump of the store). */
export const TOP_MAX_COUNT = 25;

/**
 * `data.top`: the members with the highest (or lowest) stored number under a key — leaderboards
 * of points, levels, warnings — and optionally one member's rank.
 *
 * @example
 * // config: { key: 'points', count: 10, memberId: '{{ trigger.member.id }}' }
 * // output: { entries: [{ rank: 1, memberId: '42', mention: '<@42>', value: 120 }], total: 37, member: { rank: 5, value: 64 } }
 */
export const top = defineNode({
  type: 'data.top',
  kind: 'action',
  group: 'Data',
  title: 'Leaderboard',
  description:
    'The members with the highest (`order` desc) or lowest (asc) number stored per member under `key` in this server, with their rank; ties are ordered by member id (compared as text). Values that are not numbers or have expired are left out. With `memberId`, also that member’s rank and value (null when they have none).',
  config: Type.Object(
    {
      key: keyFields().key,
      count: Type.Optional(
        Expr(Type.Integer({ minimum: 1, maximum: TOP_MAX_COUNT }), {
          default: 10,
          description: `How many entries (1–${TOP_MAX_COUNT}).`,
        }),
      ),
      order: Type.Optional(
        StringEnum(['desc', 'asc'], { default: 'desc', description: '`desc`: highest first; `asc`: lowest first.' }),
      ),
      memberId: Type.Optional(Snowflake('Also report this member’s rank and value.')),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    entries: Type.Array(
      Type.Object({
        rank: Type.Integer({ description: '1-based.' }),
        memberId: Type.String(),
        mention: Type.String(),
        value: Type.Number(),
      }),
      { description: 'Best first (by `order`), at most `count`.' },
    ),
    total: Type.Integer({ description: 'Members with a number stored under the key.' }),
    member: Type.Object(
      {
        rank: Type.Union([Type.Integer(), Type.Null()], { description: 'The rank of `memberId`, or null (no number stored, or no `memberId`).' }),
        value: Type.Union([Type.Number(), Type.Null()], { description: 'Their value, or null.' }),
      },
      { description: 'Meaningful only with `memberId`; nulls otherwise.' },
    ),
  }),
  ports: { outputs: OUT },
  policy: { startToCloseTimeout: '10s' },
  ui: {
    icon: 'trophy',
    color: COLORS.data,
    fields: { key: keyFieldsUi.key, count: { widget: 'number' }, order: { widget: 'select' }, memberId: keyFieldsUi.memberId },
  },
  examples: [
    { title: 'Top 10 by points', config: { key: 'points', count: 10 } },
    { title: 'Leaderboard with my rank', config: { key: 'points', count: 5, memberId: '{{ trigger.member.id }}' } },
  ],
});
