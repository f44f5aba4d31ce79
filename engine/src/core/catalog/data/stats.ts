import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Duration, Expr, Snowflake, issueIf, literalDurationMs } from '../schemas.js';

const DAY_MS = 86_400_000;
const MAX_PERIOD_MS = 90 * DAY_MS;
const MAX_OFFSET_MS = 90 * DAY_MS;
/** Counters are kept 100 days from their UTC day; the oldest day read must still be there. */
const MAX_REACH_MS = 99 * DAY_MS;

/**
 * `data.stats`: server activity over a period — messages, joins, leaves, active members and the
 * top members and channels (weekly recaps).
 *
 * @example
 * // config: { period: '7d', top: 5 } (add offset: '7d' for the week before)
 * // output: { since, until, messages, joins, leaves, activeMembers, topMembers: [...], topChannels: [...] }
 */
export const stats = defineNode({
  type: 'data.stats',
  kind: 'action',
  group: 'Data',
  title: 'Server stats',
  description:
    'Counts messages, joins, leaves and active members (members who posted) over the last `period` (up to 90 days), optionally in one channel, with the top `top` members and channels by messages. Counters are per UTC day: the period starts at the start of the UTC day `period` before its end. With `offset`, it ends at the start of the UTC day `offset` ago instead of now, so `period: 7d, offset: 7d` is the week before `period: 7d` with no day counted twice. `period` + `offset` is at most 99 days (counters are kept 100 days).',
  config: Type.Object(
    {
      period: Type.Optional(Duration('How far back (up to 90 days).', { default: '7d' })),
      offset: Type.Optional(
        Duration('End the period this long ago (up to 90 days) instead of now (none: it ends now).'),
      ),
      channelId: Type.Optional(Snowflake('Only this channel (messages and active members).')),
      top: Type.Optional(Expr(Type.Integer({ minimum: 0, maximum: 25 }), { default: 5, description: 'How many top members and channels (0–25).' })),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    since: Type.String({ description: 'ISO start of the period.' }),
    until: Type.String({
      description: 'ISO end of the period: now, or with `offset` the start of the UTC day `offset` ago (not included).',
    }),
    messages: Type.Integer(),
    joins: Type.Integer(),
    leaves: Type.Integer(),
    activeMembers: Type.Integer({ description: 'Members who posted at least once.' }),
    topMembers: Type.Array(
      Type.Object({ id: Type.String(), username: Type.String(), mention: Type.String(), messages: Type.Integer() }),
      { description: 'Most messages first.' },
    ),
    topChannels: Type.Array(Type.Object({ id: Type.String(), mention: Type.String(), messages: Type.Integer() }), { description: 'Most messages first.' }),
  }),
  ports: { outputs: OUT },
  ui: { icon: 'bar-chart', color: COLORS.data, fields: { period: { widget: 'duration', placeholder: '7d' }, channelId: { widget: 'channel' }, top: { widget: 'number' } } },
  examples: [
    { title: 'Weekly recap', config: { period: '7d', top: 5 } },
    { title: 'One channel, last day', config: { period: '1d', channelId: '{{ vars.generalChannelId }}', top: 3 } },
    { title: 'The week before', config: { period: '7d', offset: '7d', top: 5 } },
  ],
  check: (config) => {
    const period = config.period === undefined ? 7 * DAY_MS : literalDurationMs(config.period);
    const offset = config.offset === undefined ? 0 : literalDurationMs(config.offset);
    return [
      ...issueIf(period !== undefined && period > MAX_PERIOD_MS, '/period', 'Stats cover at most 90 days.'),
      ...issueIf(offset !== undefined && offset > MAX_OFFSET_MS, '/offset', 'The offset is at most 90 days.'),
      ...issueIf(
        period !== undefined && offset !== undefined && offset <= MAX_OFFSET_MS && period + offset > MAX_REACH_MS,
        '/offset',
        '`period` + `offset` is at most 99 days (activity counters are kept 100 days).',
      ),
    ];
  },
});
