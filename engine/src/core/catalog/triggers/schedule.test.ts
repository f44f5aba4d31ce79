import { describe, expect, it } from 'vitest';
import { nextCronRuns } from './schedule.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('nextCronRuns', () => {
  it('lists the next fire times in the schedule’s time zone', () => {
    const from = new Date('2025-06-01T00:00:00Z'); // a Sunday
    expect(iso(nextCronRuns('0 9 * * MON', 'Europe/Berlin', 2, from))).toEqual([
      '2025-06-02T07:00:00.000Z',
      '2025-06-09T07:00:00.000Z',
    ]);
    expect(iso(nextCronRuns('0 9 * * MON', undefined, 1, from))).toEqual([
      '2025-06-02T09:00:00.000Z',
    ]);
    expect(nextCronRuns('@daily', 'UTC', 5, from)).toHaveLength(5);
  });

  it('follows daylight saving time', () => {
    // Berlin moves from UTC+1 to UTC+2 on 30 March 2025.
    const runs = nextCronRuns('30 8 * * *', 'Europe/Berlin', 3, new Date('2025-03-29T00:00:00Z'));
    expect(iso(runs)).toEqual([
      '2025-03-29T07:30:00.000Z',
      '2025-03-30T06:30:00.000Z',
      '2025-03-31T06:30:00.000Z',
    ]);
  });

  it('is empty for a cron or a time zone that cannot be used', () => {
    const from = new Date('2025-06-01T00:00:00Z');
    expect(nextCronRuns('61 * * * *', 'UTC', 5, from)).toEqual([]);
    expect(nextCronRuns('0 9 1#2 * *', 'UTC', 5, from)).toEqual([]);
    expect(nextCronRuns('0 9 * * *', 'Mars/Olympus', 5, from)).toEqual([]);
  });
});
