/**
 * Durations as users write them in configs and expressions: `30s`, `10m`, `2h`, `7d`, `1w`,
 * combinations (`1h30m`, `1h 30m`), `500ms`, unit words (`5 minutes`), and ISO 8601 (`PT2H`,
 * `P7D`, `P1W`, `P1DT2H30M`). Months and years have no fixed length and are rejected.
 * Pure: no clock, no locale.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * The longest duration accepted: 100 years of 365 days.
 *
 * @example
 * parseDuration('36500d') === MAX_DURATION_MS; // true
 */
export const MAX_DURATION_MS = 36_500 * DAY;

const UNITS: Record<string, [canonical: string, ms: number]> = {};
for (const [canonical, ms, names] of [
  ['ms', 1, 'ms msec msecs millisecond milliseconds'],
  ['s', SECOND, 's sec secs second seconds'],
  ['m', MINUTE, 'm min mins minute minutes'],
  ['h', HOUR, 'h hr hrs hour hours'],
  ['d', DAY, 'd day days'],
  ['w', WEEK, 'w wk wks week weeks'],
] as const) {
  for (const name of names.split(' ')) UNITS[name] = [canonical, ms];
}
const AMBIGUOUS = new Set([
  'mo',
  'mon',
  'mos',
  'month',
  'months',
  'y',
  'yr',
  'yrs',
  'year',
  'years',
]);
const EXAMPLES = 'use 30s, 10m, 2h, 7d, 1w, a combination like 1h30m, or ISO 8601 like PT2H';
const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const ISO = new RegExp(
  `^P(?!$)(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?=\\d)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
  'i',
);
const COMPACT_PART = /(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*/y;

/**
 * Thrown by `parseDuration` and `formatDuration` for text that is not a duration.
 *
 * @example
 * try { parseDuration('soon'); } catch (error) { if (error instanceof DurationError) console.log(error.message); }
 */
export class DurationError extends Error {
  override readonly name = 'DurationError';
}

function monthsError(): DurationError {
  return new DurationError(
    'months and years have no fixed length; use days or weeks instead (e.g. 30d or 52w)',
  );
}

function checked(ms: number, text: string): number {
  if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) {
    throw new DurationError(`the duration '${text}' is longer than the maximum of 36500 days`);
  }
  return Math.round(ms);
}

function parseIso(text: string): number {
  const match = ISO.exec(text);
  if (!match) throw new DurationError(`'${text}' is not a valid ISO 8601 duration; ${EXAMPLES}`);
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  if (years !== undefined || months !== undefined) throw monthsError();
  const value = (part: string | undefined): number =>
    part === undefined ? 0 : Number(part.replace(',', '.'));
  return checked(
    value(weeks) * WEEK +
      value(days) * DAY +
      value(hours) * HOUR +
      value(minutes) * MINUTE +
      value(seconds) * SECOND,
    text,
  );
}

function parseCompact(text: string): number {
  const seen = new Set<string>();
  let total = 0;
  COMPACT_PART.lastIndex = 0;
  while (COMPACT_PART.lastIndex < text.length) {
    const at = COMPACT_PART.lastIndex;
    const match = COMPACT_PART.exec(text);
    if (!match) {
      if (/^\d+(?:\.\d+)?$/.test(text))
        throw new DurationError(`'${text}' has no unit; ${EXAMPLES}`);
      throw new DurationError(
        `'${text}' is not a duration (unexpected '${text.slice(at, at + 10)}'); ${EXAMPLES}`,
      );
    }
    const [, amount = '0', rawUnit = ''] = match;
    if (rawUnit === 'M' || AMBIGUOUS.has(rawUnit.toLowerCase())) throw monthsError();
    const unit = UNITS[rawUnit.toLowerCase()];
    if (!unit) throw new DurationError(`unknown unit '${rawUnit}' in '${text}'; ${EXAMPLES}`);
    if (seen.has(unit[0]))
      throw new DurationError(`the unit '${unit[0]}' appears twice in '${text}'`);
    seen.add(unit[0]);
    total += Number(amount) * unit[1];
  }
  return checked(total, text);
}

/**
 * Parses a duration into milliseconds. Throws DurationError with a clear message otherwise
 * (bare numbers without a unit, negative values, months/years, unknown units, more than 36500 days).
 *
 * @example
 * parseDuration('1h30m'); // 5_400_000
 * parseDuration('P1DT2H'); // 93_600_000
 * parseDuration('500ms'); // 500
 */
export function parseDuration(text: string): number {
  if (typeof text !== 'string')
    throw new DurationError(`a duration must be text like 10m, got ${typeof text}`);
  const trimmed = text.trim();
  if (trimmed === '') throw new DurationError(`the duration is empty; ${EXAMPLES}`);
  if (trimmed.length > 64) throw new DurationError('the duration text is too long');
  if (trimmed.startsWith('-'))
    throw new DurationError(`durations cannot be negative ('${trimmed}')`);
  if (/^p/i.test(trimmed)) return parseIso(trimmed);
  return parseCompact(trimmed);
}

/**
 * True when `parseDuration` accepts the text.
 *
 * @example
 * isDuration('7d'); // true
 * isDuration('1 month'); // false
 */
export function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Human text for a number of milliseconds, largest units first, zero parts left out:
 * `2h 5m`, `1d 3h`, `1m 30s`, `250ms`, `0s`. Negative values get a leading `-`.
 * The result is accepted by `parseDuration`.
 *
 * @example
 * formatDuration(7_500_000); // '2h 5m'
 * formatDuration(0); // '0s'
 */
export function formatDuration(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new DurationError(
      `a duration in milliseconds must be a finite number, got ${String(ms)}`,
    );
  }
  let rest = Math.round(Math.abs(ms));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
    ['ms', 1],
  ] as const) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(`${amount}${unit}`);
  }
  if (parts.length === 0) return '0s';
  return (ms < 0 ? '-' : '') + parts.join(' ');
}

const SPELLED: readonly [singular: string, ms: number][] = [
  ['week', WEEK],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
  ['second', SECOND],
  ['millisecond', 1],
];

/**
 * A duration in words, largest units first (for showing what a typed duration means):
 * `2 hours`, `1 week 3 days`, `1 hour 30 minutes`, `0 seconds`.
 *
 * @example
 * describeDuration(parseDuration('PT2H')); // '2 hours'
 * describeDuration(parseDuration('90m')); // '1 hour 30 minutes'
 */
export function describeDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new DurationError(`cannot describe ${String(ms)} ms`);
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [unit, size] of SPELLED) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(`${amount} ${unit}${amount === 1 ? '' : 's'}`);
  }
  return parts.length === 0 ? '0 seconds' : parts.join(' ');
}
