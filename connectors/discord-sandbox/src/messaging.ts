import type { Core } from './core.js';
import { DiscordErrors } from './errors.js';
import { Intents } from './gateway/intents.js';
import { resolveMentions, type AllowedMentions } from './mentions.js';
import { apiMember, apiMessage } from './serialize.js';
import { snowflake } from './snowflake.js';
import type {
  ChannelRecord,
  MessageInteractionRef,
  MessageRecord,
  ReactionRecord,
} from './types.js';

/** Message flag bits the sandbox cares about. */
export const MessageFlags = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

/** The content of a new or edited message. */
export interface MessageContent {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  /** What the content may ping; absent = every mention in it (Discord's default). */
  allowedMentions?: AllowedMentions | undefined;
}

/** Everything needed to create a message. */
export interface NewMessage extends MessageContent {
  channel: ChannelRecord;
  authorId: string;
  type?: number;
  nonce?: string | number | null;
  tts?: boolean;
  messageReference?: MessageRecord['messageReference'];
  webhookId?: string | null;
  interaction?: MessageInteractionRef | null;
}

/**
 * Stores a message and dispatches MESSAGE_CREATE — also for the bot's own messages, as Discord
 * does — except for ephemeral ones, which only their recipient ever sees.
 */
export function createMessage(core: Core, input: NewMessage): MessageRecord {
  const now = Date.now();
  const repliedTo = input.messageReference
    ? core.state.messages.get(input.messageReference.message_id)
    : undefined;
  const mentions = resolveMentions(
    core.state,
    input.channel,
    input.authorId,
    input.content ?? '',
    input.allowedMentions,
    repliedTo,
  );
  const message: MessageRecord = {
    id: snowflake(now),
    channelId: input.channel.id,
    guildId: input.channel.guildId,
    authorId: input.authorId,
    type: input.type ?? (input.messageReference ? 19 : 0),
    content: input.content ?? '',
    embeds: input.embeds ?? [],
    components: input.components ?? [],
    flags: input.flags ?? 0,
    nonce: input.nonce ?? null,
    tts: input.tts ?? false,
    mentionEveryone: mentions.everyone,
    mentionUserIds: mentions.userIds,
    mentionRoleIds: mentions.roleIds,
    messageReference: input.messageReference ?? null,
    webhookId: input.webhookId ?? null,
    interaction: input.interaction ?? null,
    reactions: [],
    createdAt: new Date(now).toISOString(),
    editedAt: null,
    deletedAt: null,
  };
  core.state.messages.set(message.id, message);
  if (!(message.flags & MessageFlags.Ephemeral)) {
    input.channel.lastMessageId = message.id;
    if (input.channel.thread) input.channel.thread.messageCount += 1;
    core.gateway.dispatch('MESSAGE_CREATE', messageEvent(core, message), messageScope(message));
  }
  return message;
}

/**
 * Applies an edit and dispatches MESSAGE_UPDATE. New content is parsed for mentions afresh with
 * the edit's `allowed_mentions` — or Discord's defaults without one, whatever the original
 * message allowed.
 */
export function editMessage(
  core: Core,
  message: MessageRecord,
  patch: MessageContent,
): MessageRecord {
  if (patch.content !== undefined) {
    message.content = patch.content;
    const channel = core.state.channels.get(message.channelId);
    if (channel) {
      const mentions = resolveMentions(
        core.state,
        channel,
        message.authorId,
        patch.content,
        patch.allowedMentions,
      );
      message.mentionUserIds = mentions.userIds;
      message.mentionRoleIds = mentions.roleIds;
      message.mentionEveryone = mentions.everyone;
    }
  }
  if (patch.embeds !== undefined) message.embeds = patch.embeds;
  if (patch.components !== undefined) message.components = patch.components;
  if (patch.flags !== undefined) message.flags = patch.flags;
  message.editedAt = new Date().toISOString();
  if (!(message.flags & MessageFlags.Ephemeral)) {
    core.gateway.dispatch('MESSAGE_UPDATE', messageEvent(core, message), messageScope(message));
  }
  return message;
}

/** Marks a message deleted (kept for the control API) and dispatches MESSAGE_DELETE. */
export function deleteMessage(core: Core, message: MessageRecord): void {
  message.deletedAt = new Date().toISOString();
  if (message.flags & MessageFlags.Ephemeral) return;
  core.gateway.dispatch(
    'MESSAGE_DELETE',
    {
      id: message.id,
      channel_id: message.channelId,
      ...(message.guildId ? { guild_id: message.guildId } : {}),
    },
    {
      guildId: message.guildId,
      intent: message.guildId ? Intents.GuildMessages : Intents.DirectMessages,
    },
  );
}

/**
 * Parses a reaction emoji as it appears in a route or event: a Unicode emoji, or `name:id` /
 * `a:name:id` for a custom one. The sandbox guild has no custom emojis, and plain ASCII words
 * are not emojis, so both answer 10014 Unknown Emoji — the mistake Discord reports the same way.
 *
 * @example
 * parseEmoji('👍'); // { key: '👍', emoji: { id: null, name: '👍' } }
 */
export function parseEmoji(raw: string): { key: string; emoji: ReactionRecord['emoji'] } {
  const text = raw.trim();
  if (!text || text.includes(':') || /^[\x20-\x7e]+$/.test(text) || text.length > 32)
    throw DiscordErrors.unknownEmoji();
  return { key: text, emoji: { id: null, name: text } };
}

/**
 * Adds a user's reaction; returns false when it was already there (Discord answers 204 either
 * way and dispatches nothing the second time).
 */
export function addReaction(
  core: Core,
  message: MessageRecord,
  userId: string,
  rawEmoji: string,
): boolean {
  const { key, emoji } = parseEmoji(rawEmoji);
  let reaction = message.reactions.find((r) => r.emoji.name === key);
  if (!reaction) {
    reaction = { emoji, users: [] };
    message.reactions.push(reaction);
  }
  if (reaction.users.includes(userId)) return false;
  reaction.users.push(userId);
  const guild = message.guildId ? core.state.guilds.get(message.guildId) : undefined;
  const member = guild?.members.get(userId);
  const author = core.state.users.get(message.authorId);
  core.gateway.dispatch(
    'MESSAGE_REACTION_ADD',
    {
      user_id: userId,
      channel_id: message.channelId,
      message_id: message.id,
      ...(message.guildId ? { guild_id: message.guildId } : {}),
      ...(guild && member ? { member: apiMember(core.state, guild, member) } : {}),
      emoji,
      message_author_id: author?.id ?? message.authorId,
      burst: false,
      burst_colors: [],
      type: 0,
    },
    {
      guildId: message.guildId,
      intent: message.guildId ? Intents.GuildMessageReactions : Intents.DirectMessageReactions,
    },
  );
  return true;
}

/**
 * Removes a user's reaction and dispatches MESSAGE_REACTION_REMOVE; returns false when there
 * was none (nothing is dispatched).
 */
export function removeReaction(
  core: Core,
  message: MessageRecord,
  userId: string,
  rawEmoji: string,
): boolean {
  const { key, emoji } = parseEmoji(rawEmoji);
  const reaction = message.reactions.find((r) => r.emoji.name === key);
  if (!reaction?.users.includes(userId)) return false;
  reaction.users = reaction.users.filter((u) => u !== userId);
  if (!reaction.users.length) message.reactions = message.reactions.filter((r) => r !== reaction);
  core.gateway.dispatch(
    'MESSAGE_REACTION_REMOVE',
    {
      user_id: userId,
      channel_id: message.channelId,
      message_id: message.id,
      ...(message.guildId ? { guild_id: message.guildId } : {}),
      emoji,
      burst: false,
      type: 0,
    },
    {
      guildId: message.guildId,
      intent: message.guildId ? Intents.GuildMessageReactions : Intents.DirectMessageReactions,
    },
  );
  return true;
}

/** MESSAGE_CREATE/UPDATE data: the message plus guild_id and the author's partial member. */
function messageEvent(core: Core, message: MessageRecord): Record<string, unknown> {
  const data = apiMessage(core.state, message);
  if (message.guildId) {
    const guild = core.state.guilds.get(message.guildId);
    const member = guild?.members.get(message.authorId);
    if (guild && member?.present && !message.webhookId)
      data.member = apiMember(core.state, guild, member, { withUser: false });
  }
  return data;
}

function messageScope(message: MessageRecord): {
  guildId: string | null;
  intent: number;
  messageContent: true;
} {
  return {
    guildId: message.guildId,
    intent: message.guildId ? Intents.GuildMessages : Intents.DirectMessages,
    messageContent: true,
  };
}
