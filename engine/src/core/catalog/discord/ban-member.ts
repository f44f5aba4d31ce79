import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr, Reason, Snowflake } from '../schemas.js';
import { DISCORD_LIMITS } from './shared.js';

/**
 * `discord.banMember`: bans a user, optionally deleting their recent messages (up to 7 days).
 *
 * @example
 * // config: { userId: '{{ trigger.author.id }}', reason: 'Scam links', deleteMessageSeconds: 86400 }
 * getNodeType('discord.banMember') === banMember;
 */
export const banMember = defineNode({
  type: 'discord.banMember',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Ban member',
  description:
    'Bans a user from the server, optionally deleting their messages of the last seconds (up to 7 days). The bot needs Ban Members.',
  config: Type.Object(
    {
      userId: Snowflake('The user (need not be a member any more).'),
      reason: Reason(),
      deleteMessageSeconds: Type.Optional(
        Expr(Type.Integer({ minimum: 0, maximum: DISCORD_LIMITS.deleteMessageSeconds }), {
          default: 0,
          description: 'Delete their messages of this many past seconds (0–604800, i.e. 7 days).',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: { permissions: [{ permissions: ['BanMembers'] }] },
  ui: {
    icon: 'gavel',
    color: COLORS.discord,
    fields: {
      userId: { widget: 'member' },
      deleteMessageSeconds: { widget: 'number', placeholder: '86400' },
    },
  },
  examples: [
    {
      title: 'Ban a scammer',
      config: {
        userId: '{{ trigger.author.id }}',
        reason: 'Scam links',
        deleteMessageSeconds: 86400,
      },
    },
  ],
});
