import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Reason, Snowflake } from '../schemas.js';

/**
 * `discord.addRole`: gives a member a role (the bot's highest role must be above it).
 *
 * @example
 * // config: { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' }
 * getNodeType('discord.addRole') === addRole;
 */
export const addRole = defineNode({
  type: 'discord.addRole',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Add role',
  description:
    'Gives a member a role. The bot needs Manage Roles and a highest role above the one it gives. Having the role already is fine.',
  config: Type.Object(
    { userId: Snowflake('The member.'), roleId: Snowflake('The role to give.'), reason: Reason() },
    { additionalProperties: false },
  ),
  output: Type.Object({}),
  ports: { outputs: OUT },
  requires: { permissions: [{ permissions: ['ManageRoles'] }] },
  ui: {
    icon: 'shield-plus',
    color: COLORS.discord,
    fields: { userId: { widget: 'member' }, roleId: { widget: 'role' } },
  },
  examples: [
    {
      title: 'Newcomer role',
      config: { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' },
    },
  ],
});
