import { Type } from '@sinclair/typebox';
import { COLORS } from '../common.js';
import { defineNode } from '../define-node.js';
import { Duration, MemberRef, Snowflake, StringEnum, issueIf } from '../schemas.js';

/**
 * `flow.waitFor`: waits for a click on a button of a message, a reaction to it or a reply to
 * it — optionally from one user, or only from members with one role — and continues on
 * `received`, or on `timeout`.
 *
 * @example
 * // config: { event: 'button', messageId: '{{ nodes.ask.messageId }}', customId: 'confirm', userId: '{{ trigger.user.id }}', timeout: '10m' }
 * // port `received`: { user, customId }; port `timeout`: {}
 */
export const waitFor = defineNode({
  type: 'flow.waitFor',
  kind: 'control',
  group: 'Flow',
  title: 'Wait for',
  description:
    'Waits for a button click on a message (`customId` narrows it to one button), a reaction to it, or a reply to it — from `userId` when set, from a member with the role `roleId` when set (anyone else is ignored and the wait goes on) — and continues on `received`; after `timeout` on `timeout`.',
  config: Type.Object(
    {
      event: StringEnum(['button', 'reaction', 'reply'], { description: 'What to wait for.' }),
      messageId: Snowflake('The message clicked, reacted to or replied to.'),
      customId: Type.Optional(
        Type.String({ minLength: 1, maxLength: 100, description: 'Buttons: only this custom id.' }),
      ),
      userId: Type.Optional(Snowflake('Only from this user.')),
      roleId: Type.Optional(
        Snowflake(
          'Only from a member who has this role; clicks, reactions and replies of others are ignored and the wait goes on.',
        ),
      ),
      timeout: Duration('Give up after.', { default: '1h' }),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    user: Type.Optional(
      Type.Composite(
        [
          MemberRef(),
          Type.Object({
            roles: Type.Optional(
              Type.Array(Type.String(), {
                description: 'Their role ids in this server, without @everyone.',
              }),
            ),
          }),
        ],
        { description: 'Who clicked, reacted or replied (port `received`).' },
      ),
    ),
    customId: Type.Optional(Type.String()),
    emoji: Type.Optional(Type.String()),
    content: Type.Optional(
      Type.String({ description: 'The reply’s text: data, never a template.' }),
    ),
  }),
  ports: {
    outputs: [
      {
        id: 'received',
        label: 'Received',
        description: 'The event came: `{ user, customId?, emoji?, content? }`.',
      },
      { id: 'timeout', label: 'Timed out', description: 'Nothing came in time: `{}`.' },
    ],
  },
  ui: {
    icon: 'bell',
    color: COLORS.flow,
    fields: {
      event: { widget: 'select' },
      messageId: { widget: 'message' },
      userId: { widget: 'member' },
      roleId: { widget: 'role', help: 'Leave empty to take anyone (or only `userId`).' },
      timeout: { widget: 'duration', placeholder: '10m' },
    },
  },
  examples: [
    {
      title: 'Confirm button',
      config: {
        event: 'button',
        messageId: '{{ nodes.ask.messageId }}',
        customId: 'confirm',
        userId: '{{ trigger.user.id }}',
        timeout: '10m',
      },
    },
    {
      title: 'A moderator approves',
      config: {
        event: 'button',
        messageId: '{{ nodes.ask.messageId }}',
        customId: 'approve',
        roleId: '{{ vars.moderatorRoleId }}',
        timeout: '1d',
      },
    },
    {
      title: 'A reply within a day',
      config: { event: 'reply', messageId: '{{ nodes.ask.messageId }}', timeout: '1d' },
    },
  ],
  check: (config) =>
    issueIf(
      config.customId !== undefined && config.event !== 'button',
      '/customId',
      '`customId` applies to button events only.',
    ),
});
