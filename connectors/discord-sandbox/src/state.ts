import { DiscordErrors } from './errors.js';
import { ALL_PERMISSIONS, bits, channelPermissions } from './permissions.js';
import type { SandboxSeed } from './seed.js';
import type {
  ActionRecord,
  ChannelRecord,
  CommandRecord,
  GuildRecord,
  InteractionRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from './types.js';

/** Timestamps of seeded guilds and channels (stable, so snapshots don't churn). */
const SEEDED_AT = '2024-11-01T00:00:00.000Z';

/**
 * Everything the sandbox knows: users, guilds (roles, channels, members, bans), messages,
 * interactions, commands, and the log of what the bot did. Lookups throw the Discord error a
 * missing resource gets (10003 Unknown Channel, 10007 Unknown Member…), so route handlers read
 * like the happy path.
 *
 * @example
 * const state = new SandboxState(defaultSeed());
 * state.channel(SANDBOX_IDS.channels.general).name; // 'general'
 */
export class SandboxState {
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commands = new Map<string, CommandRecord>();
  /** DM channel id by recipient user id (the bot has one DM channel per user, as on Discord). */
  readonly dmChannels = new Map<string, string>();
  readonly actions: ActionRecord[] = [];
  /** `authorId:nonce` → the message it created, for `enforce_nonce` dedupe. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  applicationId = '';
  applicationName = '';
  private actionSeq = 0;

  constructor(private readonly seed: SandboxSeed) {
    this.load();
  }

  /** The bot's user id (Discord gives bots their application's id). */
  get botUserId(): string {
    return this.applicationId;
  }

  /** Drops everything and loads the seed again. */
  load(): void {
    this.users.clear();
    this.guilds.clear();
    this.channels.clear();
    this.messages.clear();
    this.interactions.clear();
    this.commands.clear();
    this.dmChannels.clear();
    this.actions.length = 0;
    this.nonces.clear();
    this.actionSeq = 0;
    const { application } = this.seed;
    this.applicationId = application.id;
    this.applicationName = application.name;
    this.users.set(application.id, {
      id: application.id,
      username: application.name,
      globalName: null,
      bot: true,
    });
    for (const g of this.seed.guilds) {
      const roles = new Map<string, RoleRecord>();
      for (const r of g.roles) {
        roles.set(r.id, {
          id: r.id,
          name: r.name,
          color: r.color ?? 0,
          position: r.position,
          permissions: bits(r.permissions),
          hoist: r.hoist ?? false,
          mentionable: r.mentionable ?? false,
          botId: r.bot ? application.id : null,
        });
      }
      const guild: GuildRecord = {
        id: g.id,
        name: g.name,
        ownerId: g.ownerId,
        systemChannelId: g.systemChannelId ?? null,
        createdAt: SEEDED_AT,
        roles,
        channelIds: [],
        members: new Map(),
        bans: new Map(),
      };
      this.guilds.set(g.id, guild);
      g.channels.forEach((c, position) => {
        this.addChannel(guild, {
          ...blankChannel(c.id, c.type ?? 0, g.id, c.name, SEEDED_AT),
          position,
          topic: c.topic ?? null,
          overwrites: (c.overwrites ?? []).map((o) => ({
            id: o.id,
            type: o.type === 'role' ? 0 : 1,
            allow: bits(o.allow ?? []),
            deny: bits(o.deny ?? []),
          })),
        });
      });
      for (const m of g.members) {
        if (!this.users.has(m.id))
          this.users.set(m.id, {
            id: m.id,
            username: m.username,
            globalName: m.globalName ?? null,
            bot: false,
          });
        guild.members.set(m.id, newMember(m.id, m.roles, m.joinedAt ?? SEEDED_AT));
      }
      const botRole = [...roles.values()].find((r) => r.botId);
      guild.members.set(
        application.id,
        newMember(application.id, botRole ? [botRole.id] : [], SEEDED_AT),
      );
    }
  }

  /** Adds a channel to the global index and to its guild. */
  addChannel(guild: GuildRecord | null, channel: ChannelRecord): ChannelRecord {
    this.channels.set(channel.id, channel);
    if (guild) guild.channelIds.push(channel.id);
    return channel;
  }

  guild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw DiscordErrors.unknownGuild();
    return guild;
  }

  /** A live (not deleted) channel. */
  channel(id: string): ChannelRecord {
    const channel = this.channels.get(id);
    if (!channel || channel.deletedAt) throw DiscordErrors.unknownChannel();
    return channel;
  }

  /** The guild a guild channel belongs to. */
  guildOf(channel: ChannelRecord): GuildRecord | null {
    return channel.guildId ? this.guild(channel.guildId) : null;
  }

  /** A live message in the given channel. */
  message(channelId: string, id: string): MessageRecord {
    const message = this.messages.get(id);
    if (!message || message.channelId !== channelId || message.deletedAt)
      throw DiscordErrors.unknownMessage();
    return message;
  }

  user(id: string): UserRecord {
    const user = this.users.get(id);
    if (!user) throw DiscordErrors.unknownUser();
    return user;
  }

  /** A current member (left, kicked and banned members are unknown, as on Discord). */
  member(guild: GuildRecord, userId: string): MemberRecord {
    const member = guild.members.get(userId);
    if (!member?.present) throw DiscordErrors.unknownMember();
    return member;
  }

  role(guild: GuildRecord, id: string): RoleRecord {
    const role = guild.roles.get(id);
    if (!role) throw DiscordErrors.unknownRole();
    return role;
  }

  /** Live channels of a guild, threads included. */
  guildChannels(guild: GuildRecord): ChannelRecord[] {
    return guild.channelIds
      .map((id) => this.channels.get(id))
      .filter((c): c is ChannelRecord => !!c && !c.deletedAt);
  }

  /** Current members of a guild. */
  presentMembers(guild: GuildRecord): MemberRecord[] {
    return [...guild.members.values()].filter((m) => m.present);
  }

  /** The bot's permissions in a channel (everything in DMs). */
  botPermissionsIn(channel: ChannelRecord): bigint {
    const guild = this.guildOf(channel);
    if (!guild) return ALL_PERMISSIONS;
    return channelPermissions(guild, channel, this.botUserId, (id) => this.channels.get(id));
  }

  /** Records something the bot did. */
  record(action: Omit<ActionRecord, 'id' | 'at'>): ActionRecord {
    this.actionSeq += 1;
    const entry: ActionRecord = { id: this.actionSeq, at: new Date().toISOString(), ...action };
    this.actions.push(entry);
    return entry;
  }
}

/** A channel record with defaults for everything but identity. */
export function blankChannel(
  id: string,
  type: number,
  guildId: string | null,
  name: string | null,
  createdAt: string,
): ChannelRecord {
  return {
    id,
    type,
    guildId,
    name,
    position: 0,
    topic: null,
    parentId: null,
    overwrites: [],
    nsfw: false,
    rateLimitPerUser: 0,
    lastMessageId: null,
    recipientId: null,
    thread: null,
    createdAt,
    deletedAt: null,
  };
}

/** A fresh, present membership. */
export function newMember(userId: string, roles: string[], joinedAt: string): MemberRecord {
  return {
    userId,
    roles: [...roles],
    nick: null,
    joinedAt,
    communicationDisabledUntil: null,
    pending: false,
    present: true,
    kicked: false,
    banned: false,
    leftAt: null,
  };
}
