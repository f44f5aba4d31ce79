import { messagePattern } from '../../core/index.js';
import type { TriggerRecord } from '../storage/index.js';
import type { RouterEvent } from './router-event.js';

/** A published trigger compiled for matching: its filters are parsed once, not per event. */
export interface CompiledTrigger {
  graphId: string;
  guildId: string;
  triggerType: string;
  version: number;
  updatedAt: number;
  replyEphemeral: boolean;
  /** The event kind it listens to. */
  kind: RouterEvent['kind'];
  /** The trigger payload for a matching event, or undefined when the event does not match. */
  match(event: RouterEvent): unknown;
}

type Matcher = (config: Record<string, unknown>) => (event: RouterEvent) => unknown;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const MATCHERS: Record<string, { kind: RouterEvent['kind']; matcher: Matcher }> = {
  'trigger.memberJoined': {
    kind: 'memberJoined',
    matcher: () => (e) =>
      e.kind === 'memberJoined' ? { member: e.member, guild: e.guild } : undefined,
  },
  'trigger.memberLeft': {
    kind: 'memberLeft',
    matcher: () => (e) =>
      e.kind === 'memberLeft' ? { member: e.member, guild: e.guild } : undefined,
  },
  'trigger.memberCountReached': {
    kind: 'memberJoined',
    matcher: (config) => {
      const milestones = new Set(
        Array.isArray(config.milestones) ? config.milestones.filter(Number.isInteger) : [],
      );
      return (e) =>
        e.kind === 'memberJoined' && milestones.has(e.guild.memberCount)
          ? { milestone: e.guild.memberCount, member: e.member, guild: e.guild }
          : undefined;
    },
  },
  'trigger.messageCreated': {
    kind: 'messageCreated',
    matcher: (config) => {
      const channelId = str(config.channelId);
      const contains = str(config.contains)?.toLowerCase();
      const rawPattern = str(config.pattern);
      const pattern = rawPattern === undefined ? undefined : messagePattern(rawPattern);
      const includeBots = config.includeBots === true;
      return (e) => {
        if (e.kind !== 'messageCreated') return undefined;
        if (e.author.bot && !includeBots) return undefined;
        if (channelId !== undefined && e.message.channelId !== channelId) return undefined;
        if (contains !== undefined && !e.message.content.toLowerCase().includes(contains))
          return undefined;
        if (rawPattern !== undefined && !pattern?.test(e.message.content)) return undefined;
        const { bot: _bot, ...author } = e.author;
        return { message: e.message, author };
      };
    },
  },
  'trigger.reactionAdded': {
    kind: 'reactionAdded',
    matcher: (config) => {
      const channelId = str(config.channelId);
      const messageId = str(config.messageId);
      const emoji = str(config.emoji);
      return (e) => {
        if (e.kind !== 'reactionAdded' || e.user.bot) return undefined;
        if (channelId !== undefined && e.channelId !== channelId) return undefined;
        if (messageId !== undefined && e.messageId !== messageId) return undefined;
        if (emoji !== undefined && e.emoji !== emoji) return undefined;
        const { bot: _bot, ...user } = e.user;
        return { user, channelId: e.channelId, messageId: e.messageId, emoji: e.emoji };
      };
    },
  },
  'trigger.buttonClicked': {
    kind: 'buttonClicked',
    matcher: (config) => {
      const prefix = str(config.customIdPrefix);
      return (e) =>
        e.kind === 'buttonClicked' && prefix !== undefined && e.customId.startsWith(prefix)
          ? { user: e.user, channelId: e.channelId, messageId: e.messageId, customId: e.customId }
          : undefined;
    },
  },
  'trigger.slashCommand': {
    kind: 'slashCommand',
    matcher: (config) => {
      const name = str(config.name);
      return (e) =>
        e.kind === 'slashCommand' && e.command === name
          ? { user: e.user, channelId: e.channelId, command: e.command, options: e.options }
          : undefined;
    },
  },
};

/**
 * The trigger types the router starts runs for (schedules, webhooks, Stripe events and manual
 * runs start elsewhere).
 *
 * @example
 * ROUTED_TRIGGER_TYPES.includes('trigger.memberJoined'); // true
 */
export const ROUTED_TRIGGER_TYPES: readonly string[] = Object.keys(MATCHERS);

/**
 * Compiles an active trigger record, or undefined for a type the router does not route.
 *
 * @example
 * const compiled = compileTrigger(record);
 * compiled?.match(event); // the payload, or undefined
 */
export function compileTrigger(record: TriggerRecord): CompiledTrigger | undefined {
  const entry = MATCHERS[record.triggerType];
  if (!entry) return undefined;
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(record.configJson) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return {
    graphId: record._id,
    guildId: record.guildId,
    triggerType: record.triggerType,
    version: record.version,
    updatedAt: new Date(record.updatedAt).getTime(),
    replyEphemeral: record.replyEphemeral === true,
    kind: entry.kind,
    match: entry.matcher(config),
  };
}
