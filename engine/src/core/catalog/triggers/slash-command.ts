import { Type, type TSchema } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import type { ConfigIssue } from '../define-node.js';
import { StringEnum } from '../schemas.js';
import { defineRoutedTrigger } from './define-trigger.js';
import { configString, defineEvent, EventInteractionSchema, EventUserSchema } from './events.js';

/** A slash command was used in a guild, with its option values by name (ids for entities). */
export const SlashCommandEvent = defineEvent('slashCommand', 'A slash command was used.', {
  user: EventUserSchema('Who used the command.'),
  channelId: Type.String(),
  command: Type.String(),
  options: Type.Record(Type.String(), Type.Unknown()),
  interaction: EventInteractionSchema,
});

/**
 * Pattern of slash command and option names (Discord: lowercase, 1–32 characters; this catalog
 * accepts the ASCII subset).
 *
 * @example
 * new RegExp(COMMAND_NAME_PATTERN).test('warn'); // true
 */
export const COMMAND_NAME_PATTERN = '^[-_a-z0-9]{1,32}$';

/**
 * Option types of a slash command; `user`, `channel`, `role` and `mentionable` values are ids.
 *
 * @example
 * COMMAND_OPTION_TYPES.includes('user'); // true
 */
export const COMMAND_OPTION_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'user',
  'channel',
  'role',
  'mentionable',
] as const;

/**
 * `trigger.slashCommand`: declares a guild slash command (registered when the graph is
 * published) and starts a run each time someone uses it. Its config is literal.
 *
 * @example
 * // config: { name: 'warn', description: 'Warn a member', options: [{ name: 'member', type: 'user', description: 'Who', required: true }] }
 * // payload: { user, channelId, command: 'warn', options: { member: '1234…' } }
 */
export const slashCommand = defineRoutedTrigger({
  type: 'trigger.slashCommand',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Slash command',
  description:
    'Declares a slash command of this server (registered when the graph is published) and starts when someone uses it. Answer with `discord.reply` (Discord expects an answer within 3 seconds).',
  config: Type.Object(
    {
      name: Type.String({
        pattern: COMMAND_NAME_PATTERN,
        description: 'The command, without `/`: lowercase letters, digits, `-` and `_`.',
      }),
      description: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Shown in Discord’s command picker.',
      }),
      options: Type.Optional(
        Type.Array(
          Type.Object(
            {
              name: Type.String({ pattern: COMMAND_NAME_PATTERN }),
              type: StringEnum(COMMAND_OPTION_TYPES, { default: 'string' }),
              description: Type.String({ minLength: 1, maxLength: 100 }),
              required: Type.Optional(Type.Boolean({ default: false })),
            },
            { additionalProperties: false },
          ),
          { maxItems: 25, default: [], description: 'Up to 25 options; required ones first.' },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    user: EventUserSchema('Who used the command.'),
    channelId: Type.String(),
    command: Type.String({ description: 'The command name.' }),
    options: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Option values by name (ids for user, channel, role and mentionable options).',
    }),
  }),
  outputFor: (config) => {
    const options = Array.isArray(config.options) ? (config.options as unknown[]) : [];
    const properties: Record<string, TSchema> = {};
    for (const option of options) {
      const { name, type, description } = (option ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string' || name === '') continue;
      const about = typeof description === 'string' ? description : undefined;
      properties[name] = optionValueSchema(typeof type === 'string' ? type : 'string', about);
    }
    return Type.Object({
      user: EventUserSchema('Who used the command.'),
      channelId: Type.String(),
      command: Type.String({ description: 'The command name.' }),
      options: Type.Object(properties, { description: 'Option values by name.' }),
    });
  },
  ports: { outputs: OUT },
  literal: ['name', 'description', 'options'],
  ui: {
    icon: 'slash',
    color: COLORS.trigger,
    fields: {
      name: { placeholder: 'warn' },
      description: { placeholder: 'Warn a member' },
      options: { widget: 'commandOptions' },
    },
  },
  examples: [
    {
      title: '/warn member reason',
      config: {
        name: 'warn',
        description: 'Warn a member',
        options: [
          { name: 'member', type: 'user', description: 'Who to warn', required: true },
          { name: 'reason', type: 'string', description: 'Why', required: false },
        ],
      },
    },
    { title: '/ticket', config: { name: 'ticket', description: 'Open a support ticket' } },
  ],
  check: (config) => {
    const issues: ConfigIssue[] = [];
    const options = Array.isArray(config.options) ? (config.options as unknown[]) : [];
    const seen = new Set<string>();
    let optionalSeen = false;
    options.forEach((option, i) => {
      if (typeof option !== 'object' || option === null) return;
      const { name, required } = option as { name?: unknown; required?: unknown };
      if (typeof name === 'string') {
        if (seen.has(name))
          issues.push({
            path: `/options/${i}/name`,
            message: `Option "${name}" is declared twice.`,
          });
        seen.add(name);
      }
      if (required === true && optionalSeen) {
        issues.push({
          path: `/options/${i}/required`,
          message: 'Required options must come before optional ones (a Discord rule).',
        });
      }
      if (required !== true) optionalSeen = true;
    });
    return issues;
  },
  event: SlashCommandEvent,
  match: (config) => {
    const name = configString(config.name);
    return (e) =>
      e.command === name
        ? { user: e.user, channelId: e.channelId, command: e.command, options: e.options }
        : undefined;
  },
});

/** The value an option of this type arrives as (user, channel, role, mentionable: an id). */
function optionValueSchema(type: string, description: string | undefined): TSchema {
  const options = description === undefined ? {} : { description };
  if (type === 'integer') return Type.Integer(options);
  if (type === 'number') return Type.Number(options);
  if (type === 'boolean') return Type.Boolean(options);
  if (type === 'string') return Type.String(options);
  return Type.String({ description: `${description ?? 'The chosen one'} (${type} id).` });
}
