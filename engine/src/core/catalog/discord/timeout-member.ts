import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Duration, Reason, Snowflake, issueIf, literalDurationMs } from '../schemas.js';
import { DISCORD_LIMITS } from './shared.js';

const MAX_TIMEOUT_MS = DISCORD_LIMITS.timeoutDays * 86_400_000;

/**
 * `discord.timeoutMember`: times a member out (no messages, reactions or voice) for up to 28 days.
 *
 * @example
 * // config: { userId: '{{ trigger.options.member }}', duration: '1h', reason: 'Spam' }
 * // output: { until: '2025-06-01T13:00:00.000Z' }
 */
export const timeoutMember = defineNode({
  type: 'discord.timeoutMember',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Time out member',
  description:
    'Times a member out for a duration of at most 28 days (Discord’s limit). The bot needs Moderate Members.',
  config: Type.Object(
    {
      userId: Snowflake('The member.'),
      duration: Duration('How long, at most 28 days.', { default: '10m' }),
      reason: Reason(),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({ until: Type.String({ description: 'ISO time the timeout ends.' }) }),
  ports: { outputs: OUT },
  requires: { permissions: [{ permissions: ['ModerateMembers'] }] },
  ui: {
    icon: 'timer-off',
    color: COLORS.discord,
    fields: { userId: { widget: 'member' }, duration: { widget: 'duration', placeholder: '10m' } },
  },
  examples: [
    {
      title: 'One hour for spam',
      config: { userId: '{{ trigger.author.id }}', duration: '1h', reason: 'Spam' },
    },
  ],
  check: (config) => {
    const ms = literalDurationMs(config.duration);
    return [
      ...issueIf(
        ms !== undefined && ms > MAX_TIMEOUT_MS,
        '/duration',
        'A timeout lasts at most 28 days.',
      ),
      ...issueIf(ms === 0, '/duration', 'A timeout must last longer than 0 seconds.'),
    ];
  },
});
