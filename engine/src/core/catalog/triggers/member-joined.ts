import { Type } from '@sinclair/typebox';
import { COLORS, GuildRef, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { MemberRef, NoConfig } from '../schemas.js';

/**
 * `trigger.memberJoined`: starts a run when someone joins the server.
 *
 * @example
 * // payload: { member: { id, username, mention }, guild: { id, name, memberCount } }
 * getNodeType('trigger.memberJoined') === memberJoined;
 */
export const memberJoined = defineNode({
  type: 'trigger.memberJoined',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Member joined',
  description: 'Starts when someone joins the server.',
  config: NoConfig(),
  output: Type.Object({ member: MemberRef('Who joined.'), guild: GuildRef() }),
  ports: { outputs: OUT },
  ui: { icon: 'user-plus', color: COLORS.trigger, fields: {} },
  examples: [{ title: 'Every new member', config: {} }],
});
