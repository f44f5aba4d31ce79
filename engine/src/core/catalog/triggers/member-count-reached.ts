import { Type } from '@sinclair/typebox';
import { COLORS, GuildRef, OUT } from '../common.js';
import { Expr } from '../schemas.js';
import { EventGuildMemberSchema } from './events.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { MemberJoinedEvent } from './member-joined.js';

/**
 * `trigger.memberCountReached`: starts a run when a join brings the server to one of the
 * milestone member counts (once per milestone).
 *
 * @example
 * // config: { milestones: [100, 500, 1000] }
 * // payload: { milestone: 500, member, guild: { id, name, memberCount } }
 */
export const memberCountReached = defineRoutedTrigger({
  type: 'trigger.memberCountReached',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Member count reached',
  description:
    'Starts when a join brings the server to one of the milestone member counts; each milestone fires once.',
  config: Type.Object(
    {
      milestones: Expr(
        Type.Array(Type.Integer({ minimum: 1, maximum: 100_000_000 }), {
          minItems: 1,
          maxItems: 100,
          uniqueItems: true,
        }),
        { description: 'Member counts to celebrate.', examples: [[100, 500, 1000]] },
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    milestone: Type.Integer({ description: 'The milestone reached.' }),
    member: EventGuildMemberSchema('The member whose join reached it.'),
    guild: GuildRef(),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'trophy',
    color: COLORS.trigger,
    fields: { milestones: { widget: 'list', placeholder: '100, 500, 1000' } },
  },
  examples: [{ title: 'Round numbers', config: { milestones: [100, 250, 500, 1000] } }],
  event: MemberJoinedEvent,
  match: (config) => {
    const milestones = new Set(
      Array.isArray(config.milestones) ? config.milestones.filter(Number.isInteger) : [],
    );
    return (e) =>
      milestones.has(e.guild.memberCount)
        ? { milestone: e.guild.memberCount, member: e.member, guild: e.guild }
        : undefined;
  },
});
