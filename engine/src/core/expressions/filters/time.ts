import { DurationError, formatDuration, parseDuration } from '../../duration.js';
import { DATE_PARTS, toEpochMs, toIso } from '../dates.js';
import { typeName } from '../values.js';
import { filterError, textArg, type FilterDefinition } from './types.js';

const TIMESTAMP_STYLES = new Set(['t', 'T', 'd', 'D', 'f', 'F', 'R']);

function instant(filter: string, value: unknown): number {
  const ms = toEpochMs(value);
  if (ms !== undefined) return ms;
  const shown = typeof value === 'string' ? `'${value.slice(0, 40)}'` : typeName(value);
  throw filterError(
    filter,
    `expects a date (ISO text like 2024-05-01T18:00:00Z, or epoch milliseconds), got ${shown}`,
  );
}

function durationMs(filter: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    try {
      return parseDuration(value);
    } catch (error) {
      if (error instanceof DurationError)
        throw filterError(filter, `got an invalid duration: ${error.message}`);
      throw error;
    }
  }
  throw filterError(
    filter,
    `expects a duration (text like 2h or milliseconds), got ${typeName(value)}`,
  );
}

function shifted(filter: string, input: unknown, duration: unknown, sign: 1 | -1): string {
  const iso = toIso(instant(filter, input) + sign * durationMs(filter, duration));
  if (iso === undefined) throw filterError(filter, 'gives a date out of range');
  return iso;
}

/**
 * Filters on dates, times and durations.
 *
 * @example
 * TIME_FILTERS.some((filter) => filter.name === 'timestamp'); // true
 */
export const TIME_FILTERS: FilterDefinition[] = [
  {
    name: 'timestamp',
    minArgs: 0,
    maxArgs: 1,
    signature: 'timestamp(style = "R")',
    summary:
      'A Discord timestamp `<t:unix:style>` that every reader sees in their own time zone. Styles: t, T (time), d, D (date), f, F (date and time), R (relative, "in 2 days").',
    example: '{{ "2024-05-01T18:00:00Z" | timestamp("F") }} → <t:1714586400:F>',
    apply: (input, args) => {
      const style = textArg('timestamp', args, 0, 'the style', 'R');
      if (!TIMESTAMP_STYLES.has(style))
        throw filterError(
          'timestamp',
          `style must be one of t, T, d, D, f, F, R, got '${style.slice(0, 10)}'`,
        );
      return `<t:${Math.floor(instant('timestamp', input) / 1000)}:${style}>`;
    },
  },
  {
    name: 'duration',
    minArgs: 0,
    maxArgs: 0,
    signature: 'duration',
    summary: 'Human text for a duration given in milliseconds or as duration text.',
    example: '{{ 7500000 | duration }} → 2h 5m',
    apply: (input) => formatDuration(durationMs('duration', input)),
  },
  {
    name: 'plus',
    minArgs: 1,
    maxArgs: 1,
    signature: 'plus(duration)',
    summary: 'The date plus a duration (text like "7d" or milliseconds), as ISO text.',
    example: '{{ now | plus("7d") | timestamp }} → <t:1715169600:R>',
    apply: (input, args) => shifted('plus', input, args[0], 1),
  },
  {
    name: 'minus',
    minArgs: 1,
    maxArgs: 1,
    signature: 'minus(duration)',
    summary: 'The date minus a duration, as ISO text.',
    example: '{{ "2024-05-08T00:00:00Z" | minus("1d") }} → 2024-05-07T00:00:00.000Z',
    apply: (input, args) => shifted('minus', input, args[0], -1),
  },
  {
    name: 'date',
    minArgs: 0,
    maxArgs: 1,
    signature: 'date(part = "iso")',
    summary:
      'The date as ISO text, or one UTC part of it: date (2024-05-01), time (18:00), datetime, year, month, day, hour, minute, second, weekday (Monday…), unix (seconds), ms.',
    example: '{{ "2024-05-01T18:00:00Z" | date("weekday") }} → Wednesday',
    apply: (input, args) => {
      const part = textArg('date', args, 0, 'the part', 'iso');
      const format = Object.prototype.hasOwnProperty.call(DATE_PARTS, part)
        ? DATE_PARTS[part]
        : undefined;
      if (!format)
        throw filterError(
          'date',
          `part must be one of ${Object.keys(DATE_PARTS).join(', ')}, got '${part.slice(0, 20)}'`,
        );
      return format(new Date(instant('date', input)));
    },
  },
];
