import type { ActionContext, ConfigOf, NodeTypeMap } from '@guildflow/engine/core';
import {
  ChannelType,
  OverwriteType,
  PermissionFlagsBits,
  Routes,
  type APIChannel,
  type APIOverwrite,
  type REST,
} from 'discord.js';
import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { discordCall } from '../errors/classify.js';
import { channelGuildsOf } from '../guard/channel-guilds.js';
import { attemptInfo, auditReason, defineExecutor } from './define.js';

type CreateConfig = ConfigOf<NodeTypeMap['discord.createChannel']>;
type PermissionName = keyof typeof PermissionFlagsBits;

const THREAD_TYPES: readonly number[] = [
  ChannelType.AnnouncementThread,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
];

/** What "read-only" takes away when a text channel is archived. */
const WRITE =
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.AddReactions;

/** How far before the step was scheduled a channel may be dated and still be "ours" (clock skew). */
const CLOCK_SKEW_MS = 10_000;
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * `discord.createChannel`: a text channel (in category `parentId`, with permission overwrites —
 * plus one keeping View Channel, Send Messages and Read Message History for the bot itself, so a
 * private channel does not lock it out) or a private thread in channel `parentId` (not
 * invitable, `members` added). Output
 * `{ channelId, mention }`. Not naturally idempotent, so a retry (attempt > 1) first looks for
 * the channel an earlier attempt may have created — same name and parent, created by the bot
 * since the step was scheduled — and reuses it.
 */
export const createChannelExecutor = defineExecutor(
  'discord.createChannel',
  async ({ config, context }, { rest, applicationId }) => {
    const channel =
      config.channelType === 'privateThread'
        ? await createThread(rest, config, context, applicationId)
        : await createTextChannel(rest, config, context, applicationId);
    channelGuildsOf(rest).remember(channel.id, context.guildId);
    return { channelId: channel.id, mention: `<#${channel.id}>` };
  },
);

async function createTextChannel(
  rest: REST,
  config: CreateConfig,
  context: ActionContext,
  botUserId: string,
): Promise<APIChannel> {
  const { attempt, scheduledAtMs, signal } = attemptInfo(context);
  const site = {
    doing: `create channel #${config.name}`,
    permissions:
      'Manage Channels (and Manage Roles plus every permission it allows or denies in the overwrites)',
  };
  if (attempt > 1) {
    const existing = await discordCall(
      site,
      () => rest.get(Routes.guildChannels(context.guildId), { signal }) as Promise<APIChannel[]>,
    );
    const name = textChannelName(config.name);
    const found = existing.find(
      (c) =>
        c.type === ChannelType.GuildText &&
        c.name === name &&
        ('parent_id' in c ? (c.parent_id ?? undefined) : undefined) === config.parentId &&
        createdAt(c.id) >= scheduledAtMs - CLOCK_SKEW_MS,
    );
    if (found) return found;
  }
  return discordCall(
    site,
    () =>
      rest.post(Routes.guildChannels(context.guildId), {
        body: {
          name: config.name,
          type: ChannelType.GuildText,
          ...(config.parentId !== undefined ? { parent_id: config.parentId } : {}),
          ...(config.topic !== undefined ? { topic: config.topic } : {}),
          ...(config.permissionOverwrites
            ? {
                permission_overwrites: withBot(
                  config.permissionOverwrites,
                  context.guildId,
                  botUserId,
                ),
              }
            : {}),
        },
        reason: auditReason(config.reason, context),
        signal,
      }) as Promise<APIChannel>,
  );
}

async function createThread(
  rest: REST,
  config: CreateConfig,
  context: ActionContext,
  botUserId: string,
): Promise<APIChannel> {
  const { attempt, scheduledAtMs, signal } = attemptInfo(context);
  const parentId = config.parentId ?? '';
  const site = {
    doing: `open private thread "${config.name}" in channel ${parentId}`,
    permissions: 'Create Private Threads and Send Messages in Threads in that channel',
  };
  await channelGuildsOf(rest).assertInGuild(rest, parentId, context.guildId, signal);
  let thread: APIChannel | undefined;
  if (attempt > 1) {
    const active = await discordCall(
      site,
      () =>
        rest.get(Routes.guildActiveThreads(context.guildId), { signal }) as Promise<{
          threads: APIChannel[];
        }>,
    );
    thread = active.threads.find(
      (c) =>
        c.type === ChannelType.PrivateThread &&
        c.name === config.name.trim() &&
        c.parent_id === parentId &&
        c.owner_id === botUserId &&
        createdAt(c.id) >= scheduledAtMs - CLOCK_SKEW_MS,
    );
  }
  thread ??= await discordCall(
    site,
    () =>
      rest.post(Routes.threads(parentId), {
        body: { name: config.name, type: ChannelType.PrivateThread, invitable: false },
        reason: auditReason(config.reason, context),
        signal,
      }) as Promise<APIChannel>,
  );
  const threadId = thread.id;
  for (const userId of config.members ?? []) {
    await discordCall(
      {
        doing: `add user ${userId} to thread ${threadId}`,
        permissions: 'Send Messages in Threads in that channel',
      },
      () => rest.put(Routes.threadMembers(threadId, userId), { signal }),
    );
  }
  return thread;
}

/**
 * `discord.archiveChannel`: a thread is archived (and locked unless `lock: false`); a text
 * channel becomes read-only — Send Messages, Send Messages in Threads, Create Threads and Add
 * Reactions are denied to @everyone and removed from every role and member overwrite that
 * allowed them, so ticket members cannot write either — and moves to `categoryId` when given,
 * in one request. Idempotent: an archived thread is left as it is, and re-archiving a channel
 * sets the same overwrites again.
 */
export const archiveChannelExecutor = defineExecutor(
  'discord.archiveChannel',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    const site = {
      doing: `archive channel ${config.channelId}`,
      permissions: 'Manage Channels and Manage Roles there (Manage Threads for threads)',
    };
    const channel = await discordCall(
      site,
      () => rest.get(Routes.channel(config.channelId), { signal }) as Promise<APIChannel>,
    );
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    if (guildId !== context.guildId)
      throw ApplicationFailure.create({
        type: ERROR_TYPES.unknownResource,
        message: `Channel ${config.channelId} is not a channel of this server: a graph can only act in the server it belongs to.`,
        nonRetryable: true,
      });
    const reason = auditReason(config.reason, context);
    if (THREAD_TYPES.includes(channel.type)) {
      const archived = 'thread_metadata' in channel && channel.thread_metadata?.archived === true;
      if (!archived)
        await discordCall(site, () =>
          rest.patch(Routes.channel(config.channelId), {
            body: { archived: true, locked: config.lock ?? true },
            reason,
            signal,
          }),
        );
      return {};
    }
    const current = 'permission_overwrites' in channel ? (channel.permission_overwrites ?? []) : [];
    await discordCall(site, () =>
      rest.patch(Routes.channel(config.channelId), {
        body: {
          permission_overwrites: readOnly(current, context.guildId),
          ...(config.categoryId !== undefined ? { parent_id: config.categoryId } : {}),
        },
        reason,
        signal,
      }),
    );
    return {};
  },
);

/**
 * The overwrites of a read-only channel: write permissions denied to @everyone and removed from
 * every allow.
 *
 * @example
 * readOnly([], guildId); // [{ id: guildId, type: 0, allow: '0', deny: '…' }]
 */
export function readOnly(overwrites: readonly APIOverwrite[], guildId: string): APIOverwrite[] {
  const out = overwrites.map((o) => ({
    id: o.id,
    type: o.type,
    allow: (BigInt(o.allow) & ~WRITE).toString(),
    deny: (o.id === guildId ? BigInt(o.deny) | WRITE : BigInt(o.deny)).toString(),
  }));
  if (!out.some((o) => o.id === guildId))
    out.push({ id: guildId, type: OverwriteType.Role, allow: '0', deny: WRITE.toString() });
  return out;
}

/** What the bot keeps in a channel it creates with overwrites (to post there and archive it). */
const BOT_ACCESS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory;

/**
 * The configured overwrites, plus one for the bot itself unless one targets it already: a
 * private ticket channel denies View Channel to @everyone, which would lock the bot out of the
 * channel it just created.
 */
function withBot(
  overwrites: NonNullable<CreateConfig['permissionOverwrites']>,
  guildId: string,
  botUserId: string,
): APIOverwrite[] {
  const out = overwrites.map((o) => overwrite(o, guildId));
  if (!out.some((o) => o.id === botUserId))
    out.push({
      id: botUserId,
      type: OverwriteType.Member,
      allow: BOT_ACCESS.toString(),
      deny: '0',
    });
  return out;
}

function overwrite(
  o: NonNullable<CreateConfig['permissionOverwrites']>[number],
  guildId: string,
): APIOverwrite {
  return {
    id: o.type === 'everyone' ? guildId : (o.id ?? ''),
    type: o.type === 'member' ? OverwriteType.Member : OverwriteType.Role,
    allow: bits(o.allow),
    deny: bits(o.deny),
  };
}

function bits(names: readonly PermissionName[] | undefined): string {
  return (names ?? []).reduce((sum, name) => sum | PermissionFlagsBits[name], 0n).toString();
}

/** Discord stores text channel names lower-cased, with dashes for spaces. */
function textChannelName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

function createdAt(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
