import { Type } from '@sinclair/typebox';
import { Cron } from 'croner';
import { COLORS, OUT } from '../common.js';
import { defineNode, type ConfigIssue } from '../define-node.js';
import {
  DateTime,
  Duration,
  Expr,
  exactlyOneOf,
  isTemplate,
  literalDurationMs,
} from '../schemas.js';

/**
 * JSON Schema `pattern` of a cron expression: five fields (minute hour day-of-month month
 * day-of-week) or a macro such as `@daily`. Only the shape: {@link cronProblem} parses it fully.
 *
 * @example
 * new RegExp(CRON_PATTERN).test('0 9 * * MON'); // true
 */
export const CRON_PATTERN =
  '^(?:@(?:yearly|annually|monthly|weekly|daily|hourly)|[0-9*/,A-Za-z?#-]+(?:[ \\t]+[0-9*/,A-Za-z?#-]+){4})$';

/**
 * Shortest interval between scheduled runs.
 *
 * @example
 * if (parseDuration(interval) < MIN_SCHEDULE_INTERVAL_MS) issues.push(…);
 */
export const MIN_SCHEDULE_INTERVAL_MS = 60_000;

// Temporal Schedules (which run the cron) know none of these: `#` even starts a comment there, so
// `1#2` would silently mean "every Monday". Month and weekday names (JUL, WED) are fine.
const UNSUPPORTED_CRON = /[?#]|(?<![A-Za-z])(?:LW|L|W)(?![A-Za-z])/i;
// A fixed origin keeps the "never matches" check deterministic (a five-field cron repeats
// within 28 years, so any origin gives the same answer).
const CRON_ORIGIN = new Date(Date.UTC(2001, 0, 1));

/**
 * Why a (literal) cron expression cannot be scheduled, or undefined when it can: parsed with
 * croner the way Temporal Schedules read it (five fields or a macro; when both day-of-month
 * and day-of-week are set, a day must match both), without the `L`, `W`, `?` and `#`
 * extensions Temporal lacks, and matching at least one date.
 *
 * @example
 * cronProblem('0 9 * * MON'); // undefined
 * cronProblem('61 * * * *');  // 'Invalid value for minute: 61 …'
 */
export function cronProblem(cron: string): string | undefined {
  if (!new RegExp(CRON_PATTERN).test(cron.trim()))
    return 'Write five fields (minute hour day-of-month month day-of-week), e.g. "0 9 * * MON", or a macro such as @daily.';
  if (UNSUPPORTED_CRON.test(cron))
    return 'Schedules do not support the cron extensions L, W, ? and #: list the days instead (e.g. "0 9 1-7 * MON" for the first Monday).';
  let job: Cron;
  try {
    job = new Cron(cron.trim(), { mode: '5-part', domAndDow: true });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /^CronPattern: /,
      '',
    );
    return `Not a valid cron expression: ${reason}. Fields: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12 or JAN-DEC) day-of-week (0-7 or SUN-SAT).`;
  }
  if (job.nextRun(CRON_ORIGIN) === null)
    return 'This cron never matches a date (e.g. 30 February, or a day-of-month and a weekday that never coincide).';
  return undefined;
}

/**
 * The next `count` times a (literal, schedulable) cron fires after `from`, read in `timezone`
 * (IANA; UTC when omitted) the way {@link cronProblem} reads it. Empty when the cron or the
 * time zone is not usable (`cronProblem` and `isTimeZone` say why).
 *
 * @example
 * nextCronRuns('0 9 * * MON', 'Europe/Berlin', 2, new Date('2025-06-01T00:00:00Z'));
 * // [2025-06-02T07:00:00.000Z, 2025-06-09T07:00:00.000Z]
 */
export function nextCronRuns(
  cron: string,
  timezone: string | undefined,
  count: number,
  from: Date,
): Date[] {
  if (cronProblem(cron) !== undefined) return [];
  if (timezone !== undefined && !isTimeZone(timezone)) return [];
  const job = new Cron(cron.trim(), {
    mode: '5-part',
    domAndDow: true,
    ...(timezone === undefined ? {} : { timezone }),
  });
  return job.nextRuns(count, from);
}

/**
 * `trigger.schedule`: starts runs on a cron schedule (in a time zone), at a fixed interval, or
 * once at a date — exactly one of `cron`, `interval`, `at`.
 *
 * @example
 * // config: { cron: '0 9 * * MON', timezone: 'Europe/Berlin' }
 * // payload: { scheduledAt: '2025-06-02T07:00:00.000Z' }
 */
export const schedule = defineNode({
  type: 'trigger.schedule',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Schedule',
  description:
    'Starts on a schedule: a cron expression in a time zone, a fixed interval (at least 1 minute), or once at a date. Set exactly one of `cron`, `interval` and `at`.',
  config: Type.Object(
    {
      cron: Type.Optional(
        Expr(Type.String({ pattern: CRON_PATTERN }), {
          description: 'Five-field cron (minute hour day month weekday) or @daily, @weekly, ….',
        }),
      ),
      timezone: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 64,
          default: 'UTC',
          description:
            'IANA time zone of `cron` and of an `at` without offset, e.g. Europe/Berlin.',
        }),
      ),
      interval: Type.Optional(Duration('Run every … (at least 1 minute).')),
      at: Type.Optional(DateTime('Run once at this date.')),
    },
    { additionalProperties: false, oneOf: exactlyOneOf('cron', 'interval', 'at') },
  ),
  output: Type.Object({
    scheduledAt: Type.String({ description: 'ISO time this run was scheduled for.' }),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'clock',
    color: COLORS.trigger,
    fields: {
      cron: { widget: 'cron', placeholder: '0 9 * * MON' },
      timezone: { widget: 'timezone', placeholder: 'Europe/Berlin' },
      interval: { widget: 'duration', placeholder: '1h' },
      at: { widget: 'datetime' },
    },
  },
  examples: [
    {
      title: 'Every Monday at 9:00 in Berlin',
      config: { cron: '0 9 * * MON', timezone: 'Europe/Berlin' },
    },
    { title: 'Every 6 hours', config: { interval: '6h' } },
    { title: 'Once, at launch', config: { at: '2025-12-24T18:00:00Z' } },
  ],
  check: (config) => {
    const issues: ConfigIssue[] = [];
    const { cron, timezone, interval } = config;
    if (typeof cron === 'string' && !isTemplate(cron)) {
      const problem = cronProblem(cron);
      if (problem) issues.push({ path: '/cron', message: problem });
    }
    if (typeof timezone === 'string' && !isTemplate(timezone)) {
      if (config.cron === undefined && config.at === undefined)
        issues.push({ path: '/timezone', message: 'A time zone applies to `cron` or `at` only.' });
      else if (!isTimeZone(timezone))
        issues.push({
          path: '/timezone',
          message: `Unknown time zone "${timezone}" (use an IANA name such as Europe/Berlin).`,
        });
    }
    const ms = literalDurationMs(interval);
    if (ms !== undefined && ms < MIN_SCHEDULE_INTERVAL_MS)
      issues.push({ path: '/interval', message: 'The interval must be at least 1 minute.' });
    return issues;
  },
});

/**
 * True for an IANA time zone name the runtime knows.
 *
 * @example
 * isTimeZone('Europe/Berlin'); // true
 */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
