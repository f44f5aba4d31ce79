import type { ScheduleSpec } from '@temporalio/client';
import {
  MIN_SCHEDULE_INTERVAL_MS,
  cronProblem,
  isTimeZone,
  parseDuration,
} from '../../core/index.js';

/** When a `trigger.schedule` graph runs, as a Temporal Schedule spec. */
export type ScheduleTiming =
  | {
      kind: 'repeat' | 'once';
      spec: ScheduleSpec;
      /** 1 for a one-shot (`at`): the schedule takes at most one action. */
      remainingActions?: number;
      /** For logs: `cron "0 9 * * MON" in Europe/Berlin`, `every 1h`, `once at 2025-…Z`. */
      summary: string;
    }
  | { kind: 'past'; at: Date; summary: string };

/**
 * A rendered schedule config that cannot be scheduled (a `{{ vars.… }}` that filled in badly).
 *
 * @example
 * throw new ScheduleConfigError('interval "30s": the interval must be at least 1 minute.');
 */
export class ScheduleConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleConfigError';
  }
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

/**
 * The Temporal Schedule timing of a `trigger.schedule` config whose templates are rendered
 * (`triggerConfigOf`): a cron in its time zone (default UTC), an interval, or one date — an `at`
 * without an offset is wall time in `timezone`. A date not after `now` is `kind: 'past'`.
 * Throws ScheduleConfigError when the rendered config is not a schedule (the core checks only
 * literal values at save time).
 *
 * @example
 * scheduleTiming({ cron: '0 9 * * MON', timezone: 'Europe/Berlin' }, new Date());
 * // { kind: 'repeat', spec: { cronExpressions: ['0 9 * * MON'], timezone: 'Europe/Berlin' }, summary: … }
 */
export function scheduleTiming(config: Record<string, unknown>, now: Date): ScheduleTiming {
  const { cron, interval, at } = config;
  const timezone = typeof config.timezone === 'string' && config.timezone ? config.timezone : 'UTC';
  const set = [cron, interval, at].filter((v) => v !== undefined && v !== '').length;
  if (set !== 1)
    throw new ScheduleConfigError(
      'Set exactly one of cron, interval and at on the schedule trigger.',
    );
  if (!isTimeZone(timezone))
    throw new ScheduleConfigError(
      `Unknown time zone "${timezone}" (use an IANA name such as Europe/Berlin).`,
    );
  if (cron !== undefined && cron !== '') {
    const problem = typeof cron === 'string' ? cronProblem(cron) : 'The cron must be text.';
    if (problem) throw new ScheduleConfigError(`cron ${JSON.stringify(cron)}: ${problem}`);
    const expression = (cron as string).trim();
    return {
      kind: 'repeat',
      spec: { cronExpressions: [expression], timezone },
      summary: `cron "${expression}" in ${timezone}`,
    };
  }
  if (interval !== undefined && interval !== '') {
    let every: number;
    try {
      every = parseDuration(String(interval));
    } catch (error) {
      throw new ScheduleConfigError(
        `interval ${JSON.stringify(interval)}: ${(error as Error).message}`,
      );
    }
    if (every < MIN_SCHEDULE_INTERVAL_MS)
      throw new ScheduleConfigError(
        `interval ${JSON.stringify(interval)}: the interval must be at least 1 minute.`,
      );
    return {
      kind: 'repeat',
      spec: { intervals: [{ every }] },
      summary: `every ${String(interval)}`,
    };
  }
  const when = instantOf(String(at), timezone);
  const summary = `once at ${when.toISOString()}`;
  if (when.getTime() <= now.getTime()) return { kind: 'past', at: when, summary };
  // One exact calendar instant (year included, so it can only ever match once), in UTC.
  return {
    kind: 'once',
    spec: {
      calendars: [
        {
          year: when.getUTCFullYear(),
          month: MONTHS[when.getUTCMonth()] ?? 'JANUARY',
          dayOfMonth: when.getUTCDate(),
          hour: when.getUTCHours(),
          minute: when.getUTCMinutes(),
          second: when.getUTCSeconds(),
        },
      ],
      timezone: 'UTC',
    },
    remainingActions: 1,
    summary,
  };
}

/**
 * The instant of a schedule date: with `Z` or an offset as written; otherwise the wall time in
 * `timezone` (a date alone is its midnight). Sub-second digits are dropped.
 *
 * @example
 * instantOf('2025-12-24T18:00', 'Europe/Berlin').toISOString(); // '2025-12-24T17:00:00.000Z'
 */
export function instantOf(text: string, timezone: string): Date {
  const m = DATE_TIME.exec(text.trim());
  if (!m)
    throw new ScheduleConfigError(
      `at ${JSON.stringify(text)} is not a date like 2025-12-24T18:00:00Z.`,
    );
  const [, y, mo, d, h = '00', mi = '00', s = '00', , offset] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const valid = new Date(wall);
  if (
    valid.getUTCMonth() !== Number(mo) - 1 ||
    valid.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  )
    throw new ScheduleConfigError(`at ${JSON.stringify(text)} is not a real date and time.`);
  if (offset === 'Z') return valid;
  if (offset) {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return new Date(wall - sign * minutes * 60_000);
  }
  // Wall time in a zone: correct by the zone's offset at that instant, twice around DST changes.
  const first = wall - offsetMs(wall, timezone);
  const second = wall - offsetMs(first, timezone);
  return new Date(second);
}

/** How far `timezone`'s wall clock is ahead of UTC at `instant`. */
function offsetMs(instant: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}
