import { type Operation, sandboxDown } from './operation.js';

/** The Discord sandbox: guilds, injected events, slash commands, messages, member permissions. */
export const SANDBOX_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/sandbox',
    summary: 'The sandbox guilds',
    description:
      'The Discord sandbox’s guilds with their channels, roles and members (one shared playground with made-up members: every signed-in caller may use it).',
    answers: [[200, 'Sandbox', 'The guilds and the bot’s user id.'], sandboxDown],
  },
  {
    method: 'post',
    path: '/api/sandbox/events',
    summary: 'Inject member activity into the sandbox',
    description:
      '`type` is a trigger name without its prefix: `memberJoined { user: { username } }`, `memberLeft { userId }`, `messageCreated { channelId, userId, content }`, `reactionAdded { channelId, messageId, userId, emoji }`, `buttonClicked { channelId, messageId, userId, customId }`, `slashCommand { channelId, userId, name, options }`. The gateway delivers it like Discord, so published graphs run.',
    body: 'SandboxEvent',
    answers: [
      [200, 'SandboxEventResult', 'Injected.'],
      [
        400,
        'Error',
        '`invalid_request` (unknown type: the message lists the types) or `invalid_json`.',
      ],
      [404, 'Error', '`not_found`: no such guild, channel, member or message in the sandbox.'],
      [
        409,
        'Error',
        '`sandbox_refused`: Discord would not let the member do this (permissions, timeout).',
      ],
      [415, 'Error', '`unsupported_media_type`: send JSON.'],
      sandboxDown,
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox/commands',
    summary: 'The slash commands of a sandbox guild',
    description:
      'What the bot registered there (published `trigger.slashCommand` graphs), with the options members fill in — for forms that run a command as a member (POST /api/sandbox/events, type `slashCommand`).',
    query: [
      { name: 'guildId', description: 'The sandbox guild (required).', schema: { type: 'string' } },
    ],
    answers: [
      [200, 'SandboxCommandList', 'In registration order.'],
      [400, 'Error', '`invalid_request`: no guild id.'],
      sandboxDown,
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox/messages',
    summary: 'What the bot posted in the sandbox',
    query: [
      { name: 'guildId', description: 'Only this guild.', schema: { type: 'string' } },
      { name: 'channelId', description: 'Only this channel.', schema: { type: 'string' } },
      {
        name: 'dmUserId',
        description: 'Only the bot’s DMs with this user.',
        schema: { type: 'string' },
      },
      {
        name: 'authors',
        description: '`bot` (default) or `all` (members’ messages too).',
        schema: { type: 'string' },
      },
    ],
    answers: [
      [200, 'SandboxMessageList', 'In creation order.'],
      [400, 'Error', '`invalid_request`.'],
      [404, 'Error', '`not_found`: no such guild or channel.'],
      sandboxDown,
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox/guilds/{guildId}/members/{userId}',
    summary: 'A sandbox member’s state',
    answers: [
      [200, 'SandboxMember', 'Roles, timeout, ban and kick.'],
      [400, 'Error', '`invalid_request`: ids are digits.'],
      [404, 'Error', '`not_found`: never a member of that guild.'],
      sandboxDown,
    ],
  },
];
