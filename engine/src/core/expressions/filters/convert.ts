import { getMember, isPlainObject, toJson, toText, typeName } from '../values.js';
import { filterError, integerArg, textArg, type FilterDefinition } from './types.js';

// Unambiguous (linear on any input): digits, then an optional fraction, then an exponent.
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Longer texts are not numbers (checked before the pattern runs). */
const MAX_NUMBER_TEXT = 400;
const SNOWFLAKE = /^\d{1,25}$/;
const MENTIONS: Record<string, (id: string) => string> = {
  user: (id) => `<@${id}>`,
  role: (id) => `<@&${id}>`,
  channel: (id) => `<#${id}>`,
};

function discordId(input: unknown): string | undefined {
  const value = isPlainObject(input) ? getMember(input, 'id') : input;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && SNOWFLAKE.test(value.trim())) return value.trim();
  return undefined;
}

/**
 * Conversions between types, fallbacks and Discord mentions.
 *
 * @example
 * CONVERT_FILTERS.map((filter) => filter.name); // ['default', 'string', 'json', 'number', 'mention']
 */
export const CONVERT_FILTERS: FilterDefinition[] = [
  {
    name: 'default',
    minArgs: 1,
    maxArgs: 1,
    signature: 'default(value)',
    summary: 'The input, or `value` when the input is missing (undefined), null or empty text.',
    example: '{{ trigger.options.reason | default("no reason") }} → no reason',
    apply: (input, args) =>
      input === undefined || input === null || input === '' ? args[0] : input,
  },
  {
    name: 'string',
    minArgs: 0,
    maxArgs: 0,
    signature: 'string',
    summary: 'The value as text, exactly as a template would print it (lists and objects as JSON).',
    example: '{{ trigger.guild.memberCount | string | length }} → 3',
    apply: (input, _args, { budget }) => toText(input, budget),
  },
  {
    name: 'json',
    minArgs: 0,
    maxArgs: 1,
    signature: 'json(indent = 0)',
    summary: 'The value as JSON text, optionally indented by `indent` spaces (0–8).',
    example: '{{ vars.config | json }} → {"a":1}',
    apply: (input, args, { budget }) =>
      toJson(
        input === undefined ? null : input,
        integerArg('json', args, 0, 'the indent', [0, 8], 0),
        budget,
      ),
  },
  {
    name: 'number',
    minArgs: 0,
    maxArgs: 1,
    signature: 'number(fallback?)',
    summary: 'Text like "42" or "-1.5" as a number; `fallback` (if given) when it is not a number.',
    example: '{{ trigger.options.amount | number(0) }} → 42',
    apply: (input, args) => {
      if (typeof input === 'number') return input;
      if (typeof input === 'boolean') return input ? 1 : 0;
      const text = typeof input === 'string' ? input.trim() : undefined;
      if (text !== undefined && text.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(text)) {
        return Number(text);
      }
      if (args.length > 0) return args[0];
      const shown = typeof input === 'string' ? `'${input.slice(0, 40)}'` : typeName(input);
      throw filterError(
        'number',
        `cannot convert ${shown} to a number (give a fallback: | number(0))`,
      );
    },
  },
  {
    name: 'mention',
    minArgs: 0,
    maxArgs: 1,
    signature: 'mention(kind = "user")',
    summary:
      'A Discord mention for an id (or an object with an `id`): `user` → <@id>, `role` → <@&id>, `channel` → <#id>.',
    example: '{{ trigger.member.id | mention }} → <@123456789012345678>',
    apply: (input, args) => {
      const kind = textArg('mention', args, 0, 'the kind', 'user');
      const format = Object.prototype.hasOwnProperty.call(MENTIONS, kind)
        ? MENTIONS[kind]
        : undefined;
      if (!format)
        throw filterError(
          'mention',
          `kind must be user, role or channel, got '${kind.slice(0, 20)}'`,
        );
      const id = discordId(input);
      if (id === undefined)
        throw filterError('mention', `expects a Discord id (digits), got ${typeName(input)}`);
      return format(id);
    },
  },
];
