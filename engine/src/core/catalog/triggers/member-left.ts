import { Type } from '@sinclair/typebox';
import { COLORS, GuildRef, OUT } from '../common.js';
import { NoConfig } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { defineEvent, EventGuildMemberSchema } from './events.js';

/** A member left (or was kicked or banned). */
export const MemberLeftEvent = defineEvent('memberLeft', 'A member left.', {
  member: EventGuildMemberSchema('Who left.'),
  guild: GuildRef(),
});

/**
 * `trigger.memberLeft`: starts a run when someone leaves the server (or is kicked or banned).
 *
 * @example
 * // payload: { member: { id, username, mention, roles, avatarUrl, pending }, guild: { id, name, memberCount } }
 * getNodeType('trigger.memberLeft') === memberLeft;
 */
export const memberLeft = defineRoutedTrigger({
  type: 'trigger.memberLeft',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Member left',
  description: 'Starts when someone leaves the server (including kicks and bans).',
  config: NoConfig(),
  output: Type.Object({ member: EventGuildMemberSchema('Who left.'), guild: GuildRef() }),
  ports: { outputs: OUT },
  ui: { icon: 'user-minus', color: COLORS.trigger, fields: {} },
  examples: [{ title: 'Every leaving member', config: {} }],
  event: MemberLeftEvent,
  match: () => (e) => ({ member: e.member, guild: e.guild }),
});
