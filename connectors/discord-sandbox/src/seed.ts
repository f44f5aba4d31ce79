import type { PermissionName } from './permissions.js';

/**
 * Fixed ids of the default sandbox guilds, so tests, templates and docs can rely on them. They
 * are real-looking snowflakes (late 2024), because discord.js reads creation times out of ids.
 * As on Discord, the `@everyone` role has the guild's id and the bot's user id equals the
 * application id.
 *
 * The top-level ids are the main guild, "Guildflow Sandbox" (`guild`, `channels`, `roles`,
 * `users`). `otherGuild` is a second server, "Other Sandbox", with its own channels, roles and
 * members (`13100…` ids instead of `13000…`) — the bot is in both, and carol is a member of
 * both — so tests can show that one server's graphs never reach into another.
 *
 * @example
 * await channel.send(...) // where channel = client.channels.cache.get(SANDBOX_IDS.channels.general)
 * SANDBOX_IDS.otherGuild.users.grace; // a member of the other guild only
 */
export const SANDBOX_IDS = {
  guild: '1300000000000000000',
  application: '1300000000000000001',
  botUser: '1300000000000000001',
  channels: {
    general: '1300000000000000100',
    welcome: '1300000000000000101',
    modLog: '1300000000000000102',
    giveaways: '1300000000000000103',
    tickets: '1300000000000000104',
    announcements: '1300000000000000105',
  },
  roles: {
    everyone: '1300000000000000000',
    newcomer: '1300000000000000201',
    member: '1300000000000000202',
    /** The bot's managed integration role ("Guildflow"), between Member and Moderator. */
    bot: '1300000000000000203',
    moderator: '1300000000000000204',
  },
  users: {
    /** The guild owner (also a Moderator): nobody, the bot included, can moderate her. */
    alice: '1300000000000000301',
    /** A Moderator: ranks above the bot, so kicking or timing him out answers 50013. */
    bob: '1300000000000000302',
    carol: '1300000000000000303',
    dave: '1300000000000000304',
    erin: '1300000000000000305',
    frank: '1300000000000000306',
  },
  otherGuild: {
    id: '1310000000000000000',
    channels: {
      general: '1310000000000000100',
      events: '1310000000000000101',
    },
    roles: {
      everyone: '1310000000000000000',
      member: '1310000000000000201',
      /** The bot's managed integration role there. */
      bot: '1310000000000000202',
    },
    /** Members of the other guild only (carol, `users.carol`, is a member of both). */
    users: {
      /** The other guild's owner. */
      grace: '1310000000000000301',
      heidi: '1310000000000000302',
      ivan: '1310000000000000303',
    },
  },
} as const;

/** The main seeded sandbox guild's id. @example SANDBOX_GUILD_ID === SANDBOX_IDS.guild */
export const SANDBOX_GUILD_ID = SANDBOX_IDS.guild;

/** The sandbox application (and bot user) id. @example SANDBOX_APPLICATION_ID === SANDBOX_IDS.application */
export const SANDBOX_APPLICATION_ID = SANDBOX_IDS.application;

/**
 * The bot token the sandbox accepts unless another is configured. It has a real token's three
 * dot-separated parts (discord.js censors the last one in debug output).
 */
export const DEFAULT_SANDBOX_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.sandbox.guildflow-dev-token';

/** A permission overwrite in a seed: `type` is `role` or `member`. */
export interface OverwriteSeed {
  id: string;
  type: 'role' | 'member';
  allow?: PermissionName[];
  deny?: PermissionName[];
}

export interface ChannelSeed {
  id: string;
  name: string;
  /** Discord channel type; 0 (text) by default. */
  type?: number;
  topic?: string;
  overwrites?: OverwriteSeed[];
}

export interface RoleSeed {
  id: string;
  name: string;
  position: number;
  permissions: PermissionName[];
  color?: number;
  hoist?: boolean;
  /** Anyone may ping it ("Allow anyone to @mention this role"); otherwise only with Mention Everyone. */
  mentionable?: boolean;
  /** Marks the bot's managed integration role. */
  bot?: boolean;
}

export interface MemberSeed {
  id: string;
  username: string;
  globalName?: string;
  roles: string[];
  /** ISO time; defaults to a fixed date so seeded data is stable. */
  joinedAt?: string;
}

export interface GuildSeed {
  id: string;
  name: string;
  ownerId: string;
  systemChannelId?: string;
  /** Must include the `@everyone` role (id = guild id). */
  roles: RoleSeed[];
  channels: ChannelSeed[];
  /** Human members; the bot joins every guild by itself (with the role marked `bot`). */
  members: MemberSeed[];
}

/** What the sandbox starts with (and returns to on reset). */
export interface SandboxSeed {
  application: { id: string; name: string };
  guilds: GuildSeed[];
}

const EVERYONE: PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'ReadMessageHistory',
  'AddReactions',
  'EmbedLinks',
  'AttachFiles',
  'UseExternalEmojis',
  'ChangeNickname',
  'UseApplicationCommands',
  'CreatePublicThreads',
  'SendMessagesInThreads',
];

/** The bot role's seeded permissions (tests that change them start from these). */
export const SANDBOX_BOT_PERMISSIONS: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'ManageThreads',
  'ManageChannels',
  'ManageRoles',
  'ManageMessages',
  'KickMembers',
  'BanMembers',
  'ModerateMembers',
  'AddReactions',
  'ReadMessageHistory',
  'EmbedLinks',
  'AttachFiles',
  'ViewAuditLog',
];

/**
 * The default seed: the main guild "Guildflow Sandbox" with text channels general, welcome
 * (members can't post), mod-log (hidden from @everyone), giveaways, tickets and announcements
 * (the bot may not post there — a natural 50013), roles @everyone < Newcomer < Member <
 * Guildflow (bot) < Moderator (mentionable), six members and the bot; then a second guild, "Other Sandbox"
 * (see {@link otherGuildSeed}).
 */
export function defaultSeed(): SandboxSeed {
  const { guild, channels, roles, users } = SANDBOX_IDS;
  const joined = '2024-11-01T12:00:00.000Z';
  return {
    application: { id: SANDBOX_IDS.application, name: 'Guildflow' },
    guilds: [
      {
        id: guild,
        name: 'Guildflow Sandbox',
        ownerId: users.alice,
        systemChannelId: channels.welcome,
        roles: [
          { id: roles.everyone, name: '@everyone', position: 0, permissions: EVERYONE },
          { id: roles.newcomer, name: 'Newcomer', position: 1, permissions: [], color: 0x57f287 },
          {
            id: roles.member,
            name: 'Member',
            position: 2,
            permissions: [],
            color: 0x3498db,
            hoist: true,
          },
          {
            id: roles.bot,
            name: 'Guildflow',
            position: 3,
            permissions: [...SANDBOX_BOT_PERMISSIONS],
            bot: true,
          },
          {
            id: roles.moderator,
            name: 'Moderator',
            position: 4,
            color: 0xe67e22,
            hoist: true,
            // Staff roles are usually pingable, so a graph (or a member) can call the moderators.
            mentionable: true,
            permissions: [
              'KickMembers',
              'BanMembers',
              'ModerateMembers',
              'ManageMessages',
              'ManageThreads',
              'ViewAuditLog',
            ],
          },
        ],
        channels: [
          { id: channels.general, name: 'general', topic: 'Anything goes' },
          {
            id: channels.welcome,
            name: 'welcome',
            topic: 'Say hi to new members',
            overwrites: [
              { id: roles.everyone, type: 'role', deny: ['SendMessages'] },
              { id: roles.bot, type: 'role', allow: ['SendMessages'] },
            ],
          },
          {
            id: channels.modLog,
            name: 'mod-log',
            topic: 'Moderation actions',
            overwrites: [
              { id: roles.everyone, type: 'role', deny: ['ViewChannel'] },
              { id: roles.moderator, type: 'role', allow: ['ViewChannel'] },
              { id: roles.bot, type: 'role', allow: ['ViewChannel', 'SendMessages'] },
            ],
          },
          { id: channels.giveaways, name: 'giveaways', topic: 'Click to enter' },
          { id: channels.tickets, name: 'tickets', topic: 'Open a ticket with /ticket' },
          {
            id: channels.announcements,
            name: 'announcements',
            topic: 'Only staff post here',
            overwrites: [{ id: roles.everyone, type: 'role', deny: ['SendMessages'] }],
          },
        ],
        members: [
          {
            id: users.alice,
            username: 'alice',
            globalName: 'Alice',
            roles: [roles.moderator],
            joinedAt: joined,
          },
          {
            id: users.bob,
            username: 'bob',
            globalName: 'Bob',
            roles: [roles.moderator],
            joinedAt: joined,
          },
          {
            id: users.carol,
            username: 'carol',
            globalName: 'Carol',
            roles: [roles.member],
            joinedAt: joined,
          },
          {
            id: users.dave,
            username: 'dave',
            globalName: 'Dave',
            roles: [roles.member],
            joinedAt: joined,
          },
          {
            id: users.erin,
            username: 'erin',
            globalName: 'Erin',
            roles: [roles.newcomer],
            joinedAt: joined,
          },
          { id: users.frank, username: 'frank', roles: [], joinedAt: joined },
        ],
      },
      otherGuildSeed(),
    ],
  };
}

/**
 * The second default guild, "Other Sandbox": channels general and events, roles @everyone <
 * Member < Guildflow (bot), members grace (owner), heidi and ivan, who are only there, and
 * carol, who is also in the main guild; the bot joins it too.
 *
 * @example
 * const [, other] = defaultSeed().guilds; // other.id === SANDBOX_IDS.otherGuild.id
 */
export function otherGuildSeed(): GuildSeed {
  const { id, channels, roles, users } = SANDBOX_IDS.otherGuild;
  const joined = '2024-11-02T12:00:00.000Z';
  return {
    id,
    name: 'Other Sandbox',
    ownerId: users.grace,
    systemChannelId: channels.general,
    roles: [
      { id: roles.everyone, name: '@everyone', position: 0, permissions: EVERYONE },
      { id: roles.member, name: 'Member', position: 1, permissions: [], color: 0x9b59b6 },
      {
        id: roles.bot,
        name: 'Guildflow',
        position: 2,
        permissions: [...SANDBOX_BOT_PERMISSIONS],
        bot: true,
      },
    ],
    channels: [
      { id: channels.general, name: 'general', topic: 'Chat of the other server' },
      { id: channels.events, name: 'events', topic: 'Polls and giveaways' },
    ],
    members: [
      { id: users.grace, username: 'grace', globalName: 'Grace', roles: [], joinedAt: joined },
      { id: users.heidi, username: 'heidi', roles: [roles.member], joinedAt: joined },
      { id: users.ivan, username: 'ivan', roles: [roles.member], joinedAt: joined },
      {
        id: SANDBOX_IDS.users.carol,
        username: 'carol',
        globalName: 'Carol',
        roles: [roles.member],
        joinedAt: joined,
      },
    ],
  };
}
