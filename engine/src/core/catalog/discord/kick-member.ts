import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Reason, Snowflake } from '../schemas.js';

/**
 * `discord.kickMember`: removes a member from the server (they may rejoin with an invite).
 *
 * @example
 * // config: { userId: '{{ trigger.options.member }}', reason: 'Third warning' }
 * getNodeType('discord.kickMember') === kickMember;
 */
export const kickMember = defineNode({
  type: 'discord.kickMember',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Kick member',
  description:
    'Removes a member from the server; they can rejoin with an invite. The bot needs Kick Members and a role above theirs.',
  config: Type.Object(
    { userId: Snowflake('The member.'), reason: Reason() },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: { permissions: [{ permissions: ['KickMembers'] }] },
  ui: { icon: 'user-x', color: COLORS.discord, fields: { userId: { widget: 'member' } } },
  examples: [
    {
      title: 'Kick after warnings',
      config: { userId: '{{ trigger.options.member }}', reason: 'Third warning' },
    },
  ],
});
