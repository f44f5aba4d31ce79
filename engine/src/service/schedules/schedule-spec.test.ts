import { describe, expect, it } from 'vitest';
import { ScheduleConfigError, instantOf, scheduleTiming } from './schedule-spec.js';

const now = new Date('2026-06-01T00:00:00Z');

describe('scheduleTiming', () => {
  it('maps cron (default UTC), interval and a future date to Temporal specs', () => {
    expect(scheduleTiming({ cron: ' 0 9 * * MON ', timezone: 'Europe/Berlin' }, now)).toMatchObject(
      {
        kind: 'repeat',
        spec: { cronExpressions: ['0 9 * * MON'], timezone: 'Europe/Berlin' },
      },
    );
    expect(scheduleTiming({ cron: '@daily' }, now)).toMatchObject({ spec: { timezone: 'UTC' } });
    expect(scheduleTiming({ interval: 'PT90M' }, now)).toMatchObject({
      kind: 'repeat',
      spec: { intervals: [{ every: 5_400_000 }] },
    });
    expect(scheduleTiming({ at: '2026-12-24T18:00:00+01:00' }, now)).toEqual({
      kind: 'once',
      spec: {
        calendars: [
          { year: 2026, month: 'DECEMBER', dayOfMonth: 24, hour: 17, minute: 0, second: 0 },
        ],
        timezone: 'UTC',
      },
      remainingActions: 1,
      summary: 'once at 2026-12-24T17:00:00.000Z',
    });
    expect(scheduleTiming({ at: '2026-05-31T23:59:59Z' }, now)).toMatchObject({ kind: 'past' });
  });

  it('refuses a rendered config that is not a schedule', () => {
    const bad = [
      {},
      { cron: '0 9 * * *', interval: '1h' },
      { cron: '0 0 * * 1#2' },
      { cron: '0 9 * * *', timezone: 'Mars/Olympus' },
      { interval: '30s' },
      { interval: 'often' },
      { at: 'tomorrow' },
      { at: '2026-02-30T10:00:00Z' },
    ];
    for (const config of bad)
      expect(() => scheduleTiming(config, now), JSON.stringify(config)).toThrow(
        ScheduleConfigError,
      );
  });
});

describe('instantOf', () => {
  it('reads offsets as written and wall times in the time zone, across DST', () => {
    expect(instantOf('2025-12-24T18:00:00Z', 'Europe/Berlin').toISOString()).toBe(
      '2025-12-24T18:00:00.000Z',
    );
    expect(instantOf('2025-12-24T18:00:00-0500', 'UTC').toISOString()).toBe(
      '2025-12-24T23:00:00.000Z',
    );
    expect(instantOf('2025-12-24T18:00', 'Europe/Berlin').toISOString()).toBe(
      '2025-12-24T17:00:00.000Z',
    );
    expect(instantOf('2025-07-01T18:00', 'Europe/Berlin').toISOString()).toBe(
      '2025-07-01T16:00:00.000Z',
    );
    expect(instantOf('2025-12-24', 'America/New_York').toISOString()).toBe(
      '2025-12-24T05:00:00.000Z',
    );
    expect(instantOf('2025-03-30T03:30', 'Europe/Berlin').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
  });
});
