import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { Routes, type APIChannel, type REST } from 'discord.js';
import { discordCall } from '../errors/classify.js';

/** Channels remembered per REST client (a channel never moves to another server). */
const DEFAULT_CAPACITY = 50_000;

/**
 * Which server each channel belongs to, remembered per worker process. Executors that address a
 * channel by id alone (send, edit, delete, react, archive, open a thread) check it before acting,
 * so a graph of one server can never make the bot act in another server's channels — ids are
 * easy to copy, and the bot is in many servers. The first use of a channel costs one
 * `GET /channels/:id` (which also reports a missing channel or access early); later uses none.
 *
 * @example
 * const channels = new ChannelGuilds();
 * await channels.assertInGuild(rest, channelId, context.guildId);
 */
export class ChannelGuilds {
  private readonly guildOf = new Map<string, string | null>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /**
   * Resolves when the channel is in `guildId`; throws a non-retryable `UnknownResource` failure
   * when it is in another server or is a DM channel, and the classified Discord failure when it
   * cannot be read.
   */
  async assertInGuild(
    rest: REST,
    channelId: string,
    guildId: string,
    signal?: AbortSignal,
  ): Promise<void> {
    let owner = this.guildOf.get(channelId);
    if (owner === undefined) {
      const channel = await discordCall(
        {
          doing: `use channel ${channelId}`,
          permissions: 'View Channel there',
        },
        () => rest.get(Routes.channel(channelId), { signal }) as Promise<APIChannel>,
      );
      owner = 'guild_id' in channel && channel.guild_id ? channel.guild_id : null;
      this.remember(channelId, owner);
    }
    if (owner !== guildId)
      throw ApplicationFailure.create({
        type: ERROR_TYPES.unknownResource,
        message: `Channel ${channelId} is not a channel of this server: a graph can only act in the server it belongs to.`,
        nonRetryable: true,
      });
  }

  /** Records a channel's server (e.g. one the bot just created), without a request. */
  remember(channelId: string, guildId: string | null): void {
    if (this.guildOf.size >= this.capacity) {
      const oldest = this.guildOf.keys().next().value;
      if (oldest !== undefined) this.guildOf.delete(oldest);
    }
    this.guildOf.set(channelId, guildId);
  }
}

const shared = new WeakMap<REST, ChannelGuilds>();

/** The channel→server memory shared by every executor bound to this REST client. */
export function channelGuildsOf(rest: REST): ChannelGuilds {
  let channels = shared.get(rest);
  if (!channels) {
    channels = new ChannelGuilds();
    shared.set(rest, channels);
  }
  return channels;
}
