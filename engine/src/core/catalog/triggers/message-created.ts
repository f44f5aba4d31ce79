import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { compilePattern, type TextPattern } from '../../patterns/text-pattern.js';
import { Snowflake, isTemplate } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { configString, defineEvent, EventActorSchema, EventUserSchema } from './events.js';

/** A message was posted in a guild channel. */
export const MessageCreatedEvent = defineEvent('messageCreated', 'A message was posted.', {
  message: Type.Object({ id: Type.String(), channelId: Type.String(), content: Type.String() }),
  author: EventActorSchema('Who posted it.'),
  replyTo: Type.Optional(
    Type.String({
      description: 'The message this one replies to (routes to `flow.waitFor` event `reply`).',
    }),
  ),
});

/**
 * `trigger.messageCreated`: starts a run for a new message, optionally filtered by channel,
 * text and pattern. Bot messages (ours included) never trigger unless `includeBots` is set.
 *
 * @example
 * // config: { channelId: '{{ vars.suggestionsChannelId }}', contains: 'suggestion' }
 * // payload: { message: { id, channelId, content }, author: { id, username, mention, roles } }
 */
export const messageCreated = defineRoutedTrigger({
  type: 'trigger.messageCreated',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Message posted',
  description:
    'Starts when a message is posted, optionally only in one channel, containing some text or matching a pattern. Messages by bots (this bot included) never trigger unless `includeBots` is on.',
  config: Type.Object(
    {
      channelId: Type.Optional(
        Snowflake('Only messages in this channel (any channel when empty).'),
      ),
      contains: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'Only messages containing this text (case-insensitive).',
        }),
      ),
      pattern: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          description:
            "Only messages matching this pattern (a regular expression in RE2 syntax — JavaScript's without lookaround or backreferences; case-insensitive; it runs in time linear in the message, whatever the pattern).",
        }),
      ),
      includeBots: Type.Optional(
        Type.Boolean({ default: false, description: 'Also trigger on messages by bots.' }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    message: Type.Object({
      id: Type.String(),
      channelId: Type.String(),
      content: Type.String({ description: 'What the author typed: data, never a template.' }),
    }),
    author: EventUserSchema('Who posted it.'),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'message-square',
    color: COLORS.trigger,
    fields: {
      channelId: { widget: 'channel', help: 'Leave empty for every channel.' },
      contains: { placeholder: 'suggestion' },
      pattern: {
        placeholder: '^!report\\b',
        help: 'A regular expression; prefer `contains` for plain text.',
      },
      includeBots: { widget: 'toggle' },
    },
  },
  examples: [
    { title: 'Suggestions channel', config: { channelId: '{{ vars.suggestionsChannelId }}' } },
    { title: 'A keyword anywhere', config: { contains: 'giveaway', includeBots: false } },
    { title: 'A command-like pattern', config: { pattern: '^!report\\s+\\S+' } },
  ],
  check: (config) => {
    const pattern = config.pattern;
    if (typeof pattern !== 'string' || isTemplate(pattern)) return [];
    const compiled = compilePattern(pattern);
    return 'problem' in compiled ? [{ path: '/pattern', message: compiled.problem }] : [];
  },
  event: MessageCreatedEvent,
  match: (config) => {
    const channelId = configString(config.channelId);
    const contains = configString(config.contains)?.toLowerCase();
    const rawPattern = configString(config.pattern);
    const pattern = rawPattern === undefined ? undefined : messagePattern(rawPattern);
    const includeBots = config.includeBots === true;
    return (e) => {
      if (e.author.bot && !includeBots) return undefined;
      if (channelId !== undefined && e.message.channelId !== channelId) return undefined;
      if (contains !== undefined && !e.message.content.toLowerCase().includes(contains))
        return undefined;
      if (rawPattern !== undefined && !pattern?.test(e.message.content)) return undefined;
      const { bot: _bot, ...author } = e.author;
      return { message: e.message, author };
    };
  },
});

/**
 * Compiles a `trigger.messageCreated` pattern as the router runs it (linear-time, case-insensitive),
 * or undefined when it cannot be used — the same rules `check` reports at save time, so a
 * pattern published before a rule existed matches nothing rather than stalling the gateway.
 *
 * @example
 * messagePattern('^!suggest\\b')?.test('!suggest more emotes'); // true
 * messagePattern('(\\w+) \\1'); // undefined: backreferences cannot run in linear time
 */
export function messagePattern(pattern: string): TextPattern | undefined {
  const compiled = compilePattern(pattern);
  return 'pattern' in compiled ? compiled.pattern : undefined;
}
