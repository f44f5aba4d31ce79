import { Type } from '@sinclair/typebox';
import { COLORS, GuildRef, OUT } from '../common.js';
import { Snowflake, StringEnum } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { configString, defineEvent, EventGuildMemberSchema } from './events.js';

/** What changed about the member, as the gateway could tell it. */
const changeFields = {
  rolesAdded: Type.Array(Type.String(), {
    description:
      'Role ids the member gained (`[]` when none, or when the member was not known before the change).',
  }),
  rolesRemoved: Type.Array(Type.String(), {
    description:
      'Role ids the member lost (`[]` when none, or when the member was not known before the change).',
  }),
  screeningPassed: Type.Boolean({
    description:
      'The member just passed membership screening (accepted the rules): `pending` went from true to false.',
  }),
};

/** A member changed: roles, screening, nickname, timeout or avatar (GUILD_MEMBER_UPDATE). */
export const MemberUpdatedEvent = defineEvent('memberUpdated', 'A member changed.', {
  member: Type.Composite([
    EventGuildMemberSchema('The member, after the change.'),
    Type.Object({ bot: Type.Boolean() }),
  ]),
  guild: GuildRef(),
  ...changeFields,
});

/** What `change` narrows the trigger to. */
export const MEMBER_CHANGES = ['any', 'roles', 'screening'] as const;

/**
 * `trigger.memberUpdated`: starts a run when a member changes — any change, a role change, or
 * passing membership screening — optionally only when one role was added. Bots never trigger.
 *
 * @example
 * // config: { change: 'roles', roleId: '{{ vars.verifiedRoleId }}' }
 * // payload: { member: { id, username, mention, roles, avatarUrl, pending }, guild, rolesAdded, rolesRemoved, screeningPassed }
 */
export const memberUpdated = defineRoutedTrigger({
  type: 'trigger.memberUpdated',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Member updated',
  description:
    'Starts when a member changes: any change (roles, screening, nickname, timeout, avatar), only role changes, or only passing membership screening (accepting the rules); `roleId` narrows it to when that role was added. Changes of bots never trigger.',
  config: Type.Object(
    {
      change: Type.Optional(
        StringEnum(MEMBER_CHANGES, {
          default: 'any',
          description:
            '`any` change, `roles` (a role added or removed) or `screening` (the member passed membership screening).',
        }),
      ),
      roleId: Type.Optional(Snowflake('Only when this role was added to the member.')),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    member: EventGuildMemberSchema('The member, after the change.'),
    guild: GuildRef(),
    ...changeFields,
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'user-round',
    color: COLORS.trigger,
    fields: {
      change: { widget: 'select' },
      roleId: { widget: 'role', help: 'Leave empty for any role.' },
    },
  },
  examples: [
    { title: 'Accepted the rules', config: { change: 'screening' } },
    {
      title: 'Got the verified role',
      config: { change: 'roles', roleId: '{{ vars.verifiedRoleId }}' },
    },
    { title: 'Any change', config: {} },
  ],
  event: MemberUpdatedEvent,
  match: (config) => {
    const change = MEMBER_CHANGES.find((c) => c === config.change) ?? 'any';
    const roleId = configString(config.roleId);
    return (e) => {
      if (e.member.bot) return undefined;
      const rolesChanged = e.rolesAdded.length > 0 || e.rolesRemoved.length > 0;
      if (change === 'roles' && !rolesChanged) return undefined;
      if (change === 'screening' && !e.screeningPassed) return undefined;
      if (roleId !== undefined && !e.rolesAdded.includes(roleId)) return undefined;
      const { bot: _bot, ...member } = e.member;
      return {
        member,
        guild: e.guild,
        rolesAdded: e.rolesAdded,
        rolesRemoved: e.rolesRemoved,
        screeningPassed: e.screeningPassed,
      };
    };
  },
});
