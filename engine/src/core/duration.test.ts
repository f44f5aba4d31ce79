import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DurationError,
  describeDuration,
  formatDuration,
  isDuration,
  MAX_DURATION_MS,
  parseDuration,
} from './duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['30s', 30 * S],
    ['10m', 10 * M],
    ['2h', 2 * H],
    ['7d', 7 * D],
    ['1w', 7 * D],
    ['500ms', 500],
    ['1h30m', 90 * M],
    ['1h 30m', 90 * M],
    ['2h 5m 10s', 2 * H + 5 * M + 10 * S],
    ['1.5h', 90 * M],
    ['5 minutes', 5 * M],
    ['1 day', D],
    ['2 Hours', 2 * H],
    ['0s', 0],
    ['  45s ', 45 * S],
    ['PT2H', 2 * H],
    ['P7D', 7 * D],
    ['P1W', 7 * D],
    ['P1DT2H30M', D + 2 * H + 30 * M],
    ['PT0.5S', 500],
    ['PT1,5M', 90 * S],
    ['pt10m', 10 * M],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', /empty/],
    ['soon', /not a duration/],
    ['10', /no unit/],
    ['-5m', /negative/],
    ['5x', /unknown unit 'x'/],
    ['1mo', /months and years/],
    ['2 months', /months and years/],
    ['1y', /months and years/],
    ['1 year', /months and years/],
    ['3M', /months and years/],
    ['P1M', /months and years/],
    ['P1Y2D', /months and years/],
    ['P', /not a valid ISO 8601 duration/],
    ['PT', /not a valid ISO 8601 duration/],
    ['P1H', /not a valid ISO 8601 duration/],
    ['1h1h', /appears twice/],
    ['1m 60 minutes', /appears twice/],
    ['40000d', /longer than the maximum/],
    ['99999999999999999999w', /longer than the maximum/],
    ['1h and 5m', /unexpected 'and 5m'/],
    ['x'.repeat(100), /too long/],
  ])('rejects %j', (text, message) => {
    expect(() => parseDuration(text)).toThrow(DurationError);
    expect(() => parseDuration(text)).toThrow(message);
  });

  it('rejects non-text input with a DurationError', () => {
    expect(() => parseDuration(5 as unknown as string)).toThrow(DurationError);
  });
});

describe('formatDuration', () => {
  it.each([
    [2 * H + 5 * M, '2h 5m'],
    [D + 3 * H, '1d 3h'],
    [90 * S, '1m 30s'],
    [250, '250ms'],
    [0, '0s'],
    [14 * D, '14d'],
    [-(2 * H), '-2h'],
    [1.4, '1ms'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('rejects non-finite numbers', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(DurationError);
    expect(() => formatDuration(Infinity)).toThrow(DurationError);
  });

  it('round-trips through parseDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_MS }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });
});

describe('isDuration', () => {
  it('tells durations from other text', () => {
    expect(isDuration('7d')).toBe(true);
    expect(isDuration('PT2H')).toBe(true);
    expect(isDuration('1 month')).toBe(false);
    expect(isDuration('later')).toBe(false);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        (text) => typeof isDuration(text) === 'boolean',
      ),
    );
  });
});

describe('describeDuration', () => {
  it('spells out what a typed duration means, largest units first', () => {
    expect(describeDuration(parseDuration('PT2H'))).toBe('2 hours');
    expect(describeDuration(parseDuration('90m'))).toBe('1 hour 30 minutes');
    expect(describeDuration(parseDuration('10d'))).toBe('1 week 3 days');
    expect(describeDuration(parseDuration('1s'))).toBe('1 second');
    expect(describeDuration(parseDuration('1500ms'))).toBe('1 second 500 milliseconds');
    expect(describeDuration(0)).toBe('0 seconds');
    expect(() => describeDuration(-1)).toThrow(DurationError);
  });
});
