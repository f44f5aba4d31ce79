import { Type } from '@sinclair/typebox';
import { COLORS, GuildRef, OUT } from '../common.js';
import { NoConfig } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { defineEvent, EventGuildMemberSchema } from './events.js';

/** A member joined (also drives `trigger.memberCountReached`). */
export const MemberJoinedEvent = defineEvent('memberJoined', 'A member joined.', {
  member: EventGuildMemberSchema('Who joined.'),
  guild: GuildRef(),
});

/**
 * `trigger.memberJoined`: starts a run when someone joins the server.
 *
 * @example
 * // payload: { member: { id, username, mention, roles, avatarUrl, pending }, guild: { id, name, memberCount } }
 * getNodeType('trigger.memberJoined') === memberJoined;
 */
export const memberJoined = defineRoutedTrigger({
  type: 'trigger.memberJoined',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Member joined',
  description: 'Starts when someone joins the server.',
  config: NoConfig(),
  output: Type.Object({ member: EventGuildMemberSchema('Who joined.'), guild: GuildRef() }),
  ports: { outputs: OUT },
  ui: { icon: 'user-plus', color: COLORS.trigger, fields: {} },
  examples: [{ title: 'Every new member', config: {} }],
  event: MemberJoinedEvent,
  match: () => (e) => ({ member: e.member, guild: e.guild }),
});
