import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode, type ConfigIssue } from '../define.js';
import { MemberRef, Snowflake, isTemplate } from '../schemas.js';

/**
 * `trigger.messageCreated`: starts a run for a new message, optionally filtered by channel,
 * text and pattern. Bot messages (ours included) never trigger unless `includeBots` is set.
 *
 * @example
 * // config: { channelId: '{{ vars.suggestionsChannelId }}', contains: 'suggestion' }
 * // payload: { message: { id, channelId, content }, author: { id, username, mention } }
 */
export const messageCreated = defineNode({
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
            'Only messages matching this regular expression (JavaScript syntax, case-insensitive).',
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
    author: MemberRef('Who posted it.'),
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
    const issues: ConfigIssue[] = [];
    const pattern = config.pattern;
    if (typeof pattern === 'string' && !isTemplate(pattern)) {
      try {
        new RegExp(pattern, PATTERN_FLAGS);
        if (NESTED_QUANTIFIER.test(pattern))
          issues.push({
            path: '/pattern',
            message:
              'This pattern repeats a group that itself repeats or alternates, like (a+)+, which can take exponential time on some messages: rewrite it without the nested repetition.',
          });
      } catch {
        issues.push({ path: '/pattern', message: 'This is not a valid regular expression.' });
      }
    }
    return issues;
  },
});

const PATTERN_FLAGS = 'iu';
// A pattern with a quantified group that itself repeats (`(a+)+`, `(\w*)*`, `(a|aa)+`) can take
// exponential time on a crafted message, and member-typed text must never stall the gateway.
const NESTED_QUANTIFIER =
  /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]|\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*[+*{]/;

/**
 * Compiles a `trigger.messageCreated` pattern as the router runs it (case-insensitive, unicode),
 * or undefined when it is not a valid regular expression or could backtrack catastrophically —
 * the same rules `check` reports at save time, so a pattern published before a rule existed
 * matches nothing rather than stalling the gateway.
 *
 * @example
 * safePattern('^!suggest\\b')?.test('!suggest more emotes'); // true
 * safePattern('(a+)+$'); // undefined
 */
export function safePattern(pattern: string): RegExp | undefined {
  if (NESTED_QUANTIFIER.test(pattern)) return undefined;
  try {
    return new RegExp(pattern, PATTERN_FLAGS);
  } catch {
    return undefined;
  }
}
