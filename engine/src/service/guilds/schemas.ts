import { Type, type Static } from '@sinclair/typebox';

/**
 * One guild the caller can open in the builder.
 *
 * @example
 * { id: '1300000000000000000', name: 'Guildflow Sandbox', botPresent: true }
 */
export const GuildSummarySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.Union([Type.String(), Type.Null()], {
      description: 'Null when the bot is not in the guild (Guildflow cannot read its name).',
    }),
    icon: Type.Optional(Type.String({ description: 'URL of the guild icon on Discord’s CDN.' })),
    botPresent: Type.Boolean({
      description:
        'The bot is in this guild: its channels, roles and members can be read and its graphs can act there.',
    }),
    sandbox: Type.Optional(
      Type.Literal(true, {
        description:
          'A server of the Discord sandbox (GET /api/sandbox): its members can be acted as through POST /api/sandbox/events.',
      }),
    ),
  },
  { $id: 'GuildSummary' },
);

/**
 * `GET /api/guilds`.
 *
 * @example
 * { guilds: [{ id: '1300000000000000000', name: 'Guildflow Sandbox', botPresent: true }] }
 */
export const GuildListSchema = Type.Object(
  {
    guilds: Type.Array(Type.Ref('GuildSummary')),
    discordError: Type.Optional(
      Type.String({
        description:
          'Set when the bot’s servers could not be read (the list then holds only what Guildflow knows without Discord).',
      }),
    ),
  },
  { $id: 'GuildList' },
);

const MemberSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String({ description: 'Server nickname, else global name, else username.' }),
});
export type GuildDiscordMember = Static<typeof MemberSchema>;

/**
 * `GET /api/guilds/:guildId/discord`: what the builder's channel, role and member pickers offer.
 *
 * @example
 * { guild: { id: '13…0', name: 'Guildflow Sandbox' }, channels: [{ id: '13…101', name: 'welcome', type: 0, parentId: null }], roles: [{ id: '13…201', name: 'Newcomer', color: 0, position: 1, managed: false, mentionable: true }], members: [{ id: '13…301', username: 'alice', displayName: 'Alice' }] }
 */
export const GuildDiscordSchema = Type.Object(
  {
    guild: Type.Object({ id: Type.String(), name: Type.String() }),
    channels: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        type: Type.Integer({
          description:
            'Discord’s channel type: 0 text, 2 voice, 4 category, 5 announcement, 13 stage, 15 forum, 16 media.',
        }),
        parentId: Type.Union([Type.String(), Type.Null()], { description: 'The category.' }),
      }),
      { description: 'In Discord’s order (position); threads are not listed.' },
    ),
    roles: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        color: Type.Integer(),
        position: Type.Integer(),
        managed: Type.Boolean({
          description: 'Owned by an integration (a bot’s role): nobody can assign it.',
        }),
        mentionable: Type.Boolean(),
      }),
      { description: 'Highest first; `@everyone` is left out.' },
    ),
    members: Type.Array(MemberSchema, {
      description:
        'The first 1,000 members by id, or with `?q=` up to 100 whose username starts with it. Empty on Discord when the bot lacks the Server Members intent.',
    }),
  },
  { $id: 'GuildDiscord' },
);
export type GuildDiscord = Static<typeof GuildDiscordSchema>;

/** Query of `GET /api/guilds/:guildId/discord`. */
export const GuildDiscordQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Search members by username.' }),
    ),
  },
  { additionalProperties: false },
);
