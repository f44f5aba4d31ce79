import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Duration, Expr, MemberRef, Snowflake, exactlyOneOf, issueIf } from '../schemas.js';

const Roles = () =>
  Type.Array(Type.String(), {
    description: 'Their role ids when they entered, without @everyone (`[]` when unknown).',
  });

/**
 * `flow.collect`: gathers the users who click a button of a message (or react with an emoji)
 * during a window — giveaway entries — one entry per user; optionally only members with a
 * role, with bonus entries per role, and a button that ends the window early.
 *
 * @example
 * // config: { messageId: '{{ nodes.post.messageId }}', customId: 'giveaway:{{ run.id }}', duration: '7d' }
 * // output: { users: [{ id, username, mention, roles }], count }
 */
export const collect = defineNode({
  type: 'flow.collect',
  kind: 'control',
  group: 'Flow',
  title: 'Collect entries',
  description:
    'Collects the users who click the button `customId` on a message, or react to it with `emoji`, until `duration` has passed (one entry per user; set exactly one of `customId` and `emoji`). With `roleId` only members with that role are counted; with `bonusEntries` members with those roles get extra entries in `tickets`; with `endCustomId` a click on that button by a member with `endRoleId` closes the window at once. Entries are stored by the engine, so thousands of clicks are fine.',
  config: Type.Object(
    {
      messageId: Snowflake('The message with the button or reactions.'),
      customId: Type.Optional(
        Type.String({ minLength: 1, maxLength: 100, description: 'Count clicks on this button.' }),
      ),
      emoji: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: 'Count reactions with this emoji.',
        }),
      ),
      duration: Duration('How long entries are open.'),
      roleId: Type.Optional(
        Snowflake(
          'Only members with this role are counted; clicks and reactions of others are not.',
        ),
      ),
      bonusEntries: Type.Optional(
        Expr(
          Type.Array(
            Type.Object(
              {
                roleId: Snowflake('Members with this role…'),
                extraEntries: Expr(Type.Integer({ minimum: 1, maximum: 100 }), {
                  description: '…get this many entries more in `tickets`.',
                }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 25 },
          ),
          {
            description:
              'Extra entries per role (a member with several of these roles gets them all), counted in `tickets`.',
          },
        ),
      ),
      endCustomId: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: 'A button on the message that closes the window before `duration`.',
        }),
      ),
      endRoleId: Type.Optional(
        Snowflake(
          'Who may end it: a click on `endCustomId` by a member with this role closes the window; others are ignored.',
        ),
      ),
    },
    { additionalProperties: false, oneOf: exactlyOneOf('customId', 'emoji') },
  ),
  output: Type.Object({
    users: Type.Array(
      Type.Composite([
        MemberRef(),
        Type.Object({
          roles: Type.Optional(Roles()),
          entries: Type.Optional(
            Type.Integer({
              description: 'Their entries: 1 plus their bonus (with `bonusEntries`).',
            }),
          ),
        }),
      ]),
      { description: 'Everyone who entered, once each, in order of entry.' },
    ),
    count: Type.Integer(),
    tickets: Type.Optional(
      Type.Array(MemberRef(), {
        description:
          'With `bonusEntries`: every entry, each user as many times as they have entries; draw from it with `flow.pickRandom` for a weighted draw (`tickets | without(winners)` keeps winners distinct).',
      }),
    ),
    endedBy: Type.Optional(
      MemberRef('Who closed the window early with `endCustomId` (absent when it ran its course).'),
    ),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'users',
    color: COLORS.flow,
    fields: {
      messageId: { widget: 'message' },
      emoji: { widget: 'emoji' },
      duration: { widget: 'duration', placeholder: '7d' },
      roleId: { widget: 'role', help: 'Leave empty to count everyone.' },
      endRoleId: { widget: 'role' },
    },
  },
  examples: [
    {
      title: 'Giveaway entries',
      config: {
        messageId: '{{ nodes.post.messageId }}',
        customId: 'giveaway:{{ run.id }}',
        duration: '7d',
      },
    },
    {
      title: 'Reaction poll',
      config: { messageId: '{{ nodes.post.messageId }}', emoji: '👍', duration: '1d' },
    },
    {
      title: 'Members only, boosters twice, hosts may end it',
      config: {
        messageId: '{{ nodes.post.messageId }}',
        customId: 'giveaway:{{ run.id }}',
        duration: '1d',
        roleId: '{{ vars.memberRoleId }}',
        bonusEntries: [{ roleId: '{{ vars.boosterRoleId }}', extraEntries: 1 }],
        endCustomId: 'giveaway-end:{{ run.id }}',
        endRoleId: '{{ vars.hostRoleId }}',
      },
    },
  ],
  check: (config) => [
    ...issueIf(
      config.endCustomId !== undefined && config.endRoleId === undefined,
      '/endRoleId',
      '`endCustomId` needs `endRoleId`: the role of the members who may end the window early.',
    ),
    ...issueIf(
      config.endRoleId !== undefined && config.endCustomId === undefined,
      '/endCustomId',
      '`endRoleId` applies with `endCustomId` (the button that ends the window early).',
    ),
    ...issueIf(
      config.endCustomId !== undefined && config.endCustomId === config.customId,
      '/endCustomId',
      '`endCustomId` must differ from `customId`: one button enters, the other ends.',
    ),
  ],
});
