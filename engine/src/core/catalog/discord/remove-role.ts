import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Reason, Snowflake } from '../schemas.js';

/**
 * `discord.removeRole`: takes a role from a member.
 *
 * @example
 * // config: { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}', reason: 'Onboarding done' }
 * getNodeType('discord.removeRole') === removeRole;
 */
export const removeRole = defineNode({
  type: 'discord.removeRole',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Remove role',
  description:
    'Takes a role from a member. The bot needs Manage Roles and a highest role above it. Not having the role is fine.',
  config: Type.Object(
    { userId: Snowflake('The member.'), roleId: Snowflake('The role to take.'), reason: Reason() },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: { permissions: [{ permissions: ['ManageRoles'] }] },
  ui: {
    icon: 'shield-minus',
    color: COLORS.discord,
    fields: { userId: { widget: 'member' }, roleId: { widget: 'role' } },
  },
  examples: [
    {
      title: 'End of onboarding',
      config: {
        userId: '{{ trigger.member.id }}',
        roleId: '{{ vars.newcomerRoleId }}',
        reason: 'Onboarding done',
      },
    },
  ],
});
