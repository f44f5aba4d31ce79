import type { Answer, Operation } from './operation.js';

const discordDown: Answer = [
  503,
  'Error',
  '`discord_unavailable`: no bot is configured (DISCORD_TOKEN or the sandbox), or Discord (the sandbox) does not answer or rate-limits the bot.',
];

/**
 * The routes the builder UI needs besides the graph API: how to sign in, which guilds to open,
 * the guild data of its pickers and the last run of each graph.
 *
 * @example
 * [...OPERATIONS, ...BUILDER_OPERATIONS];
 */
export const BUILDER_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/auth/methods',
    summary: 'How people can sign in here',
    description:
      'The sign-in page offers “Sign in with Discord” only when this answers `discord: true`.',
    public: true,
    answers: [[200, 'SignInMethods', 'The sign-in link always works; Discord when configured.']],
  },
  {
    method: 'get',
    path: '/api/guilds',
    summary: 'The guilds you can open',
    description:
      'The admin: every guild the bot is in (the sandbox guilds, or Discord’s), plus guilds that have graphs without the bot. A signed-in user: the guilds Discord confirmed they manage, named when the bot is in them. When Discord cannot be read the list still answers, with `discordError` saying why.',
    answers: [[200, 'GuildList', 'The guilds, the bot’s first, in Discord’s order.']],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/discord',
    summary: 'Channels, roles and members of a guild (for pickers)',
    description:
      'Read as the bot from Discord or the sandbox and kept for 15 s. Members: the first 1,000, or with `q` up to 100 whose username starts with it (on Discord, listing members needs the bot’s Server Members intent; without it the list is empty).',
    query: [
      {
        name: 'q',
        description: 'Search members by the start of their username (1–100 characters).',
        schema: { type: 'string' },
      },
    ],
    answers: [
      [200, 'GuildDiscord', 'The guild’s channels, roles and members.'],
      [400, 'Error', '`invalid_request`: `q` is empty or too long.'],
      [
        404,
        'Error',
        '`not_found`: a guild you may not manage, or one the bot is not in (invite it).',
      ],
      discordDown,
    ],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/runs/latest',
    summary: 'The last run of each graph',
    description:
      'One run per graph of the guild that has run (the running one if any, else the one that ended last), read from Temporal visibility in a few queries — the graph list’s “last run” column in one request.',
    answers: [
      [200, 'RunList', 'At most one run per graph; graphs that never ran are absent.'],
      [
        503,
        'Error',
        '`temporal_unavailable` or `store_unavailable`: the last runs cannot be read right now.',
      ],
    ],
  },
];
