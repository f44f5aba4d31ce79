import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode, type ConfigIssue } from '../define.js';
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
 * day-of-week) or a macro such as `@daily`. Fully parsed when the schedule is created.
 *
 * @example
 * new RegExp(CRON_PATTERN).test('0 9 * * MON'); // true
 */
export const CRON_PATTERN =
  '^(?:@(?:yearly|annually|monthly|weekly|daily|hourly)|[0-9*/,A-Za-z?#-]+(?:[ \\t]+[0-9*/,A-Za-z?#-]+){4})$';

/** Shortest interval between scheduled runs. */
const MIN_INTERVAL_MS = 60_000;

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
    const { timezone, interval } = config;
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
    if (ms !== undefined && ms < MIN_INTERVAL_MS)
      issues.push({ path: '/interval', message: 'The interval must be at least 1 minute.' });
    return issues;
  },
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
