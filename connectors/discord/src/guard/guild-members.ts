import { Routes, type REST } from 'discord.js';
import { LRUCache } from 'lru-cache';
import { discordCall } from '../errors/classify.js';

/**
 * How long a confirmed membership is trusted without asking Discord again: a member who left
 * stops receiving direct messages from the server's graphs within this time.
 */
export const MEMBERSHIP_TTL_MS = 60_000;
/** Memberships remembered per REST client (the busiest servers' recent DM recipients). */
const DEFAULT_CAPACITY = 10_000;

/**
 * Who is a member of which server, confirmed with Discord and remembered briefly, per worker
 * process. The bot is shared by every server, so a direct message goes out under its name to
 * anyone it shares any server with: a graph may only DM members of its own server, or any
 * server's graph could message people it has no business with. The first DM to a user costs
 * one `GET /guilds/:guild/members/:user`; later ones within {@link MEMBERSHIP_TTL_MS} none.
 * Refusals are not remembered, so a user who just joined can be greeted at once.
 */
export class GuildMembers {
  private readonly confirmed: LRUCache<string, true>;

  constructor(options: { capacity?: number; ttlMs?: number } = {}) {
    this.confirmed = new LRUCache({
      max: options.capacity ?? DEFAULT_CAPACITY,
      ttl: options.ttlMs ?? MEMBERSHIP_TTL_MS,
    });
  }

  /**
   * Resolves when `userId` is a member of `guildId`; throws a non-retryable `UnknownResource`
   * failure (the node's `error` port) when Discord answers that the user is not a member (10007)
   * or does not exist (10013), and the classified Discord failure when it cannot be asked.
   */
  async assertMember(
    rest: REST,
    guildId: string,
    userId: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const key = `${guildId}:${userId}`;
    if (this.confirmed.has(key)) return;
    await discordCall(
      {
        doing: `send a direct message to user ${userId}`,
        unknown: {
          10007:
            'the user is not a member of this server, and a graph may only send direct messages to members of its own server: check the user id',
          10013: 'no Discord user has this id: check the user id',
        },
      },
      () => rest.get(Routes.guildMember(guildId, userId), { signal }),
    );
    this.confirmed.set(key, true);
  }
}

const shared = new WeakMap<REST, GuildMembers>();

/** The membership memory shared by every executor bound to this REST client. */
export function guildMembersOf(rest: REST): GuildMembers {
  let members = shared.get(rest);
  if (!members) {
    members = new GuildMembers();
    shared.set(rest, members);
  }
  return members;
}
