import { RE2JS } from 're2js';
import { BoundedCache } from '../expressions/cache.js';

/**
 * A user-supplied regular expression, compiled for a linear-time engine (RE2): matching costs
 * time proportional to the text, whatever the pattern, so no message a member types can stall
 * the gateway or a run. Case-insensitive; Unicode-aware.
 */
export interface TextPattern {
  readonly source: string;
  /** Size of the compiled program: matching costs about the text's length times this. */
  readonly programSize: number;
  /** True when the pattern matches anywhere in `text`. */
  test(text: string): boolean;
}

/** Longest pattern accepted anywhere (trigger filters are shorter; see their schema). */
export const MAX_PATTERN_LENGTH = 500;

/**
 * Largest compiled program accepted. Matching time is linear in the text times the program size,
 * and counted repetitions multiply it (`(.{100}){10}` is 1,023 steps: ~60 ms on a 4,000-character
 * message); ordinary patterns stay under 50.
 */
export const MAX_PATTERN_PROGRAM = 200;

/** Where to read about the accepted syntax, quoted in every refusal. */
const SYNTAX_HINT = 'see "Patterns" in docs/expressions.md';

// RE2 cannot run these in linear time, so they are refused with a message that says why,
// rather than RE2's parser error (`invalid escape sequence: \1`).
const UNSUPPORTED: readonly { test: RegExp; what: string }[] = [
  { test: /\(\?<?[=!]/, what: 'lookaround — (?=…), (?!…), (?<=…), (?<!…) —' },
  { test: /\\[1-9]|\\k</, what: 'backreferences — \\1, \\k<name> —' },
];

/**
 * Compiles a pattern, or explains in one sentence why it cannot be used. Never throws; costs
 * time linear in the pattern's length.
 *
 * @example
 * const compiled = compilePattern('^!report\\s+\\S+');
 * if ('pattern' in compiled) compiled.pattern.test('!REPORT spam'); // true
 * compilePattern('(\\w+) \\1'); // { problem: 'Backreferences — \\1, \\k<name> — cannot be used…' }
 */
export function compilePattern(source: string): { pattern: TextPattern } | { problem: string } {
  if (source.length > MAX_PATTERN_LENGTH)
    return { problem: `A pattern may be at most ${MAX_PATTERN_LENGTH} characters long.` };
  for (const { test, what } of UNSUPPORTED) {
    if (test.test(stripEscapedBackslashes(source))) {
      return {
        problem: `Patterns run on a linear-time engine (RE2) so that no message can stall the bot, and ${what} cannot run there: rewrite the pattern without them (${SYNTAX_HINT}).`,
      };
    }
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : '';
    return {
      problem: `This is not a valid pattern${detail ? ` (${detail})` : ''}: patterns use RE2 syntax, like JavaScript's without lookaround or backreferences, and \\x{…} instead of \\u… (${SYNTAX_HINT}).`,
    };
  }
  if (compiled.programSize() > MAX_PATTERN_PROGRAM) {
    return {
      problem: `This pattern is too complex to check on every message (it expands to ${compiled.programSize()} steps, at most ${MAX_PATTERN_PROGRAM} are allowed): use smaller counted repetitions than {n}, or fewer of them.`,
    };
  }
  return {
    pattern: {
      source,
      programSize: compiled.programSize(),
      test: (text) => compiled.matcher(text).find(),
    },
  };
}

// `\\1` is a backslash followed by `1`, not a backreference: drop escaped backslashes first.
function stripEscapedBackslashes(source: string): string {
  return source.replace(/\\\\/g, '');
}

const cache = new BoundedCache<{ pattern: TextPattern } | { problem: string }>(200);

/**
 * {@link compilePattern} with a small cache, for patterns compiled while rendering (the same
 * `matches("…")` argument in every run). Deterministic: the cache only saves work.
 *
 * @example
 * cachedPattern('discord\\.gg/');
 */
export function cachedPattern(source: string): { pattern: TextPattern } | { problem: string } {
  const hit = cache.get(source);
  if (hit) return hit;
  const compiled = compilePattern(source);
  cache.set(source, compiled);
  return compiled;
}
