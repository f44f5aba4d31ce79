/**
 * The sandbox's in-memory model. Records hold what Discord would store; `serialize.ts` turns
 * them into Discord's JSON shapes, so the model stays free of wire-format details.
 */

/** A Discord user (humans and the bot). */
export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

/** A guild role. `@everyone` has the guild's id, as on Discord. */
export interface RoleRecord {
  id: string;
  name: string;
  color: number;
  position: number;
  permissions: bigint;
  hoist: boolean;
  mentionable: boolean;
  /** Set for the bot's integration role (Discord creates one per bot and nobody can assign it). */
  botId: string | null;
}

/** A channel permission overwrite; `type` 0 = role, 1 = member. */
export interface OverwriteRecord {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** Thread-only fields. */
export interface ThreadInfo {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  invitable: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  members: string[];
  messageCount: number;
}

/** A guild channel, thread, or DM channel. */
export interface ChannelRecord {
  id: string;
  type: number;
  guildId: string | null;
  name: string | null;
  position: number;
  topic: string | null;
  parentId: string | null;
  overwrites: OverwriteRecord[];
  nsfw: boolean;
  rateLimitPerUser: number;
  lastMessageId: string | null;
  /** DM channels: the other user. */
  recipientId: string | null;
  thread: ThreadInfo | null;
  createdAt: string;
  deletedAt: string | null;
}

/** A user's membership of a guild; kept after they leave so the control API can report it. */
export interface MemberRecord {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
  communicationDisabledUntil: string | null;
  /** Has not passed membership screening yet (Discord's `pending`). */
  pending: boolean;
  present: boolean;
  kicked: boolean;
  banned: boolean;
  leftAt: string | null;
}

export interface BanRecord {
  userId: string;
  reason: string | null;
  at: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  systemChannelId: string | null;
  createdAt: string;
  roles: Map<string, RoleRecord>;
  channelIds: string[];
  members: Map<string, MemberRecord>;
  bans: Map<string, BanRecord>;
}

/** One emoji's reactions on a message. */
export interface ReactionRecord {
  emoji: { id: string | null; name: string; animated?: boolean };
  users: string[];
}

/** The interaction a message answers (Discord's `interaction_metadata`). */
export interface MessageInteractionRef {
  id: string;
  type: number;
  name: string | null;
  userId: string;
  originalResponseMessageId: string | null;
}

export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  type: number;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  nonce: string | number | null;
  tts: boolean;
  mentionEveryone: boolean;
  /** Users the message pinged (Discord's `mentions`). */
  mentionUserIds: string[];
  /** Roles the message pinged (Discord's `mention_roles`). */
  mentionRoleIds: string[];
  messageReference: { message_id: string; channel_id: string; guild_id?: string } | null;
  webhookId: string | null;
  interaction: MessageInteractionRef | null;
  reactions: ReactionRecord[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** One thing that happened to an interaction, in order. */
export interface InteractionResponseLog {
  kind:
    'callback' | 'editOriginal' | 'deleteOriginal' | 'followUp' | 'editFollowUp' | 'deleteFollowUp';
  at: string;
  /** The callback type (4, 5, 6, 7, 9…) for `callback`. */
  type?: number;
  messageId: string | null;
  body: unknown;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 = application command, 3 = message component. */
  type: number;
  guildId: string;
  channelId: string;
  userId: string;
  createdAt: string;
  command: { id: string; name: string; registered: boolean; options: unknown[] } | null;
  component: { messageId: string; customId: string; componentType: number } | null;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  responseType: number | null;
  ephemeral: boolean;
  originalMessageId: string | null;
  followUpMessageIds: string[];
  responses: InteractionResponseLog[];
  /** The payload dispatched as INTERACTION_CREATE (kept for the control API). */
  payload: Record<string, unknown>;
}

export interface CommandRecord {
  id: string;
  guildId: string | null;
  name: string;
  type: number;
  description: string;
  options: unknown[];
  defaultMemberPermissions: string | null;
  nsfw: boolean;
  version: string;
  raw: Record<string, unknown>;
  registeredAt: string;
}

/** Something the bot did through REST, as recorded for tests and the builder. */
export interface ActionRecord {
  id: number;
  at: string;
  type: string;
  guildId: string | null;
  channelId?: string;
  messageId?: string;
  userId?: string;
  roleId?: string;
  interactionId?: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Where a gateway event may go and which intent it needs. */
export interface DispatchScope {
  guildId: string | null;
  /** The intent bit a session needs to receive it; null = every session. */
  intent: number | null;
  /** MESSAGE_CREATE/UPDATE: blank the content for sessions without MESSAGE_CONTENT. */
  messageContent?: boolean;
}

/** The gateway, as the rest of the sandbox sees it. */
export interface Dispatcher {
  dispatch(event: string, data: Record<string, unknown>, scope: DispatchScope): void;
}
