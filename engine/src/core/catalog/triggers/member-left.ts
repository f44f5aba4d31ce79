import { Type } from '@sinclair/typebox';
import { COLORS, GuildRef, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { MemberRef, NoConfig } from '../schemas.js';

/**
 * `trigger.memberLeft`: starts a run when someone leaves the server (or is kicked or banned).
 *
 * @example
 * // payload: { member: { id, username, mention }, guild: { id, name, memberCount } }
 * getNodeType('trigger.memberLeft') === memberLeft;
 */
export const memberLeft = defineNode({
  type: 'trigger.memberLeft',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Member left',
  description: 'Starts when someone leaves the server (including kicks and bans).',
  config: NoConfig(),
  output: Type.Object({ member: MemberRef('Who left.'), guild: GuildRef() }),
  ports: { outputs: OUT },
  ui: { icon: 'user-minus', color: COLORS.trigger, fields: {} },
  examples: [{ title: 'Every leaving member', config: {} }],
});
