import { cachedPattern } from '../../patterns/text-pattern.js';
import { LIMITS } from '../limits.js';
import { expectText, filterError, integerArg, textArg, type FilterDefinition } from './types.js';

/**
 * Filters on text.
 *
 * @example
 * TEXT_FILTERS.some((filter) => filter.name === 'upper'); // true
 */
export const TEXT_FILTERS: FilterDefinition[] = [
  {
    name: 'upper',
    minArgs: 0,
    maxArgs: 0,
    signature: 'upper',
    summary: 'Text in upper case (locale-independent).',
    example: '{{ "hello" | upper }} → HELLO',
    apply: (input, _args, { budget }) => budget.text(expectText('upper', input).toUpperCase()),
  },
  {
    name: 'lower',
    minArgs: 0,
    maxArgs: 0,
    signature: 'lower',
    summary: 'Text in lower case (locale-independent).',
    example: '{{ "HeLLo" | lower }} → hello',
    apply: (input, _args, { budget }) => budget.text(expectText('lower', input).toLowerCase()),
  },
  {
    name: 'trim',
    minArgs: 0,
    maxArgs: 0,
    signature: 'trim',
    summary: 'Text without leading and trailing whitespace.',
    example: '{{ "  hi  " | trim }} → hi',
    apply: (input) => expectText('trim', input).trim(),
  },
  {
    name: 'capitalize',
    minArgs: 0,
    maxArgs: 0,
    signature: 'capitalize',
    summary: 'Text with its first character in upper case; the rest is unchanged.',
    example: '{{ "welcome back" | capitalize }} → Welcome back',
    apply: (input) => {
      const text = expectText('capitalize', input);
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
  },
  {
    name: 'truncate',
    minArgs: 1,
    maxArgs: 2,
    signature: 'truncate(length, end = "…")',
    summary: 'Text cut to at most `length` characters, ending with `end` when it was cut.',
    example: '{{ "a long announcement" | truncate(9) }} → a long a…',
    apply: (input, args, { budget }) => {
      const text = expectText('truncate', input);
      const length = integerArg('truncate', args, 0, 'the length', [0, LIMITS.maxStringLength]);
      const end = textArg('truncate', args, 1, 'the ending', '…');
      if (text.length <= length) return text;
      return budget.text(text.slice(0, Math.max(0, length - end.length)) + end.slice(0, length));
    },
  },
  {
    name: 'replace',
    minArgs: 2,
    maxArgs: 2,
    signature: 'replace(search, replacement)',
    summary: 'Text with every occurrence of `search` replaced (plain text, not a pattern).',
    example: '{{ "a-b-c" | replace("-", " ") }} → a b c',
    apply: (input, args, { budget }) => {
      const text = expectText('replace', input);
      const search = textArg('replace', args, 0, 'the search text');
      const replacement = textArg('replace', args, 1, 'the replacement');
      if (search === '') throw filterError('replace', 'needs a non-empty search text');
      const pieces = text.split(search);
      budget.step(pieces.length);
      budget.reserveText(text.length + (pieces.length - 1) * (replacement.length - search.length));
      return pieces.join(replacement);
    },
  },
  {
    name: 'matches',
    minArgs: 1,
    maxArgs: 1,
    signature: 'matches(pattern)',
    summary:
      'True when the text matches the pattern anywhere (RE2 syntax, case-insensitive; see Patterns). Runs in time linear in the text, whatever the pattern.',
    example: '{{ "join discord.gg/abc" | matches("discord\\\\.gg/\\\\w+") }} → true',
    checkLiteralArgs: ([pattern]) =>
      typeof pattern === 'string' ? problemOf(cachedPattern(pattern)) : undefined,
    apply: (input, args, { budget }) => {
      const text = expectText('matches', input);
      const compiled = cachedPattern(textArg('matches', args, 0, 'the pattern'));
      if ('problem' in compiled) throw filterError('matches', compiled.problem);
      budget.scan(text.length * Math.ceil(compiled.pattern.programSize / 16));
      return compiled.pattern.test(text);
    },
  },
  {
    name: 'split',
    minArgs: 1,
    maxArgs: 1,
    signature: 'split(separator)',
    summary: 'A list of the parts of the text between separators ("" splits into characters).',
    example: '{{ "a,b,c" | split(",") }} → ["a","b","c"]',
    apply: (input, args, { budget }) => {
      const text = expectText('split', input);
      const separator = textArg('split', args, 0, 'the separator');
      const parts =
        separator === '' ? Array.from(text) : text.split(separator, LIMITS.maxArrayLength + 1);
      budget.list(parts.length);
      return parts;
    },
  },
  {
    name: 'urlencode',
    minArgs: 0,
    maxArgs: 0,
    signature: 'urlencode',
    summary: 'Text escaped for use inside a URL (query values, path segments).',
    example: '{{ "a b&c" | urlencode }} → a%20b%26c',
    apply: (input, _args, { budget }) => {
      try {
        return budget.text(encodeURIComponent(expectText('urlencode', input)));
      } catch (error) {
        if (error instanceof URIError)
          throw filterError('urlencode', 'got text with an unpaired surrogate character');
        throw error;
      }
    },
  },
];

function problemOf(compiled: { problem: string } | object): string | undefined {
  return 'problem' in compiled ? compiled.problem : undefined;
}
