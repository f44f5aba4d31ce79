import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Duration, Expr, Snowflake, literalDurationMs } from '../schemas.js';

const MAX_PERIOD_MS = 90 * 86_400_000;

/**
 * `data.stats`: server activity over a period — messages, joins, leaves, active members and the
 * top members and channels (weekly recaps).
 *
 * @example
 * // config: { period: '7d', top: 5 }
 * // output: { since, until, messages, joins, leaves, activeMembers, topMembers: [...], topChannels: [...] }
 */
export const stats = defineNode({
  type: 'data.stats',
  kind: 'action',
  group: 'Data',
  title: 'Server stats',
  description:
    'Counts messages, joins, leaves and active members (members who posted) over the last `period` (up to 90 days), optionally in one channel, with the top `top` members and channels by messages.',
  config: Type.Object(
    {
      period: Type.Optional(Duration('How far back (up to 90 days).', { default: '7d' })),
      channelId: Type.Optional(Snowflake('Only this channel (messages and active members).')),
      top: Type.Optional(Expr(Type.Integer({ minimum: 0, maximum: 25 }), { default: 5, description: 'How many top members and channels (0–25).' })),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    since: Type.String({ description: 'ISO start of the period.' }),
    until: Type.String({ description: 'ISO end of the period (now).' }),
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
  ],
  check: (config) => {
    const ms = literalDurationMs(config.period);
    return ms !== undefined && ms > MAX_PERIOD_MS ? [{ path: '/period', message: 'Stats cover at most 90 days.' }] : [];
  },
});
