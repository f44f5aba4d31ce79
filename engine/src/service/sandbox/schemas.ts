import { Type } from '@sinclair/typebox';
import { SANDBOX_EVENT_SCHEMAS, SANDBOX_EVENT_TYPES } from '../../core/index.js';

// The event bodies are declared with the router events they become (core, sandbox-events.ts).
export { SANDBOX_EVENT_SCHEMAS, SANDBOX_EVENT_TYPES };

const Id = (description: string) => Type.String({ pattern: '^[0-9]{1,20}$', description });

/**
 * Body of `POST /api/sandbox/events` (one of the event types), for the OpenAPI document.
 *
 * @example
 * { guildId: '1300000000000000000', type: 'memberJoined', user: { username: 'zoe' } }
 */
export const SandboxEventSchema = Type.Union(Object.values(SANDBOX_EVENT_SCHEMAS), {
  $id: 'SandboxEvent',
});

/**
 * Answer of `POST /api/sandbox/events`; the fields depend on the event type.
 *
 * @example
 * { messageId: '1315000000000000000' }
 */
export const SandboxEventResultSchema = Type.Object(
  {
    userId: Type.Optional(
      Type.String({ description: 'memberJoined, memberLeft, memberUpdated: the member.' }),
    ),
    changed: Type.Optional(
      Type.Boolean({
        description: 'memberUpdated: false when nothing changed (no update is dispatched).',
      }),
    ),
    roles: Type.Optional(
      Type.Array(Type.String(), { description: 'memberUpdated: the member’s roles after it.' }),
    ),
    pending: Type.Optional(
      Type.Boolean({ description: 'memberUpdated: still in membership screening.' }),
    ),
    memberCount: Type.Optional(Type.Integer()),
    messageId: Type.Optional(Type.String({ description: 'messageCreated: the new message.' })),
    added: Type.Optional(Type.Boolean({ description: 'reactionAdded: false if already there.' })),
    removed: Type.Optional(
      Type.Boolean({ description: 'reactionRemoved: false if it was not there.' }),
    ),
    interactionId: Type.Optional(Type.String({ description: 'buttonClicked, slashCommand.' })),
    commandId: Type.Optional(Type.String()),
    commandRegistered: Type.Optional(
      Type.Boolean({ description: 'slashCommand: false when no graph registered the command.' }),
    ),
  },
  { $id: 'SandboxEventResult' },
);

const open = { additionalProperties: true } as const;

/**
 * `GET /api/sandbox`: the sandbox guilds.
 *
 * @example
 * { botUserId: '1300000000000000001', guilds: [{ id: '1300000000000000000', name: 'Guildflow Sandbox', channels, roles, members }, { id: '1310000000000000000', name: 'Other Sandbox', … }] }
 */
export const SandboxSchema = Type.Object(
  {
    botUserId: Type.String({ description: 'The bot’s user id (authorId of what the bot posts).' }),
    guilds: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          channels: Type.Array(
            Type.Object(
              {
                id: Type.String(),
                name: Type.Union([Type.String(), Type.Null()]),
                type: Type.Integer(),
              },
              open,
            ),
          ),
          roles: Type.Array(
            Type.Object({ id: Type.String(), name: Type.String(), position: Type.Integer() }, open),
          ),
          members: Type.Array(
            Type.Object(
              {
                id: Type.String(),
                username: Type.String(),
                roles: Type.Array(Type.String()),
                pending: Type.Optional(
                  Type.Boolean({
                    description: 'Has not accepted the rules yet (membership screening).',
                  }),
                ),
              },
              open,
            ),
          ),
        },
        open,
      ),
    ),
  },
  { $id: 'Sandbox' },
);

/**
 * Query of `GET /api/sandbox/messages`.
 *
 * @example
 * check(SandboxMessagesQuerySchema, { channelId: '1300000000000000101' }, 'query'); // authors: 'bot'
 */
export const SandboxMessagesQuerySchema = Type.Object(
  {
    guildId: Type.Optional(Id('Only this guild.')),
    channelId: Type.Optional(Id('Only this channel.')),
    dmUserId: Type.Optional(Id('Only the bot’s DMs with this user.')),
    authors: Type.Union([Type.Literal('bot'), Type.Literal('all')], { default: 'bot' }),
  },
  { additionalProperties: false },
);

/**
 * `GET /api/sandbox/messages`: messages in creation order.
 *
 * @example
 * [{ id, channelId, authorId, content: 'Welcome!', embeds: [], components: [], mentions: [], mentionRoles: [], mentionEveryone: false, createdAt }]
 */
export const SandboxMessageListSchema = Type.Array(
  Type.Object(
    {
      id: Type.String(),
      channelId: Type.String(),
      authorId: Type.String(),
      content: Type.String(),
      embeds: Type.Array(Type.Unknown()),
      components: Type.Array(Type.Unknown()),
      mentions: Type.Array(Type.String(), {
        description: 'Users the message pinged (Discord’s `mentions`, after `allowed_mentions`).',
      }),
      mentionRoles: Type.Array(Type.String(), {
        description:
          'Roles the message pinged (`mention_roles`): a `<@&id>` in the text pings only if the message allowed it and the role is mentionable or the author may Mention Everyone.',
      }),
      mentionEveryone: Type.Boolean({ description: 'Whether it pinged @everyone or @here.' }),
      createdAt: Type.String(),
    },
    open,
  ),
  { $id: 'SandboxMessageList' },
);

/**
 * `GET /api/sandbox/guilds/:guildId/members/:userId`.
 *
 * @example
 * { id: '1300000000000000305', username: 'erin', roles: [], timedOutUntil: null, banned: false, kicked: false }
 */
export const SandboxMemberSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    roles: Type.Array(Type.String()),
    timedOutUntil: Type.Union([Type.String(), Type.Null()]),
    banned: Type.Boolean(),
    kicked: Type.Boolean(),
  },
  { ...open, $id: 'SandboxMember' },
);

/**
 * `GET /api/sandbox/commands?guildId=`: the slash commands the bot registered in a sandbox guild
 * (by publishing `trigger.slashCommand` graphs), with their options as Discord declares them.
 *
 * @example
 * [{ name: 'giveaway', description: 'Start a giveaway', options: [{ name: 'prize', type: 3, description: 'What the winners get', required: true }] }]
 */
export const SandboxCommandListSchema = Type.Array(
  Type.Object(
    {
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      options: Type.Array(
        Type.Object(
          {
            name: Type.String(),
            type: Type.Integer({
              description:
                'Discord’s option type: 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 9 mentionable, 10 number.',
            }),
            description: Type.Optional(Type.String()),
            required: Type.Optional(Type.Boolean()),
          },
          open,
        ),
      ),
    },
    open,
  ),
  { $id: 'SandboxCommandList' },
);
