/**
 * Deterministic date handling for filters: ISO 8601 text is parsed by hand (never `Date.parse`,
 * whose treatment of non-ISO text and zone-less times depends on the host), zone-less times are
 * UTC, and all output is UTC.
 */

/** Dates are limited to ±100,000,000 days from 1970, like JavaScript's own. */
const MAX_EPOCH_MS = 8.64e15;
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function offsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * Epoch milliseconds of ISO 8601 text (date, or date and time, zone optional = UTC), or undefined.
 *
 * @example
 * parseIsoInstant('2024-05-01T18:00:00Z'); // 1714586400000
 * parseIsoInstant('2024-02-30'); // undefined
 */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = offsetMs(zone);
  if (offset === undefined) return undefined;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  // Date.UTC maps years 0–99 to 1900–1999; shifting by 400 years (a whole calendar cycle) avoids that.
  const epoch =
    Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS;
  return epoch - offset;
}

/**
 * Epoch milliseconds of an ISO text or an epoch-milliseconds number, or undefined.
 *
 * @example
 * toEpochMs('1970-01-01T00:00:01Z'); // 1000
 * toEpochMs(1000); // 1000
 */
export function toEpochMs(value: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = parseIsoInstant(value);
  else if (value instanceof Date) ms = value.getTime();
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? ms : undefined;
}

/**
 * ISO text (UTC, milliseconds) of epoch milliseconds within range; undefined outside it.
 *
 * @example
 * toIso(0); // '1970-01-01T00:00:00.000Z'
 */
export function toIso(ms: number): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS
    ? new Date(ms).toISOString()
    : undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The parts `date(part)` can return, from epoch milliseconds (all in UTC).
 *
 * @example
 * DATE_PARTS.weekday?.(new Date(0)); // 'Thursday'
 */
export const DATE_PARTS: Record<string, (date: Date) => string | number> = {
  iso: (date) => date.toISOString(),
  date: (date) => date.toISOString().slice(0, 10),
  time: (date) => `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`,
  datetime: (date) =>
    `${date.toISOString().slice(0, 10)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`,
  year: (date) => date.getUTCFullYear(),
  month: (date) => date.getUTCMonth() + 1,
  day: (date) => date.getUTCDate(),
  hour: (date) => date.getUTCHours(),
  minute: (date) => date.getUTCMinutes(),
  second: (date) => date.getUTCSeconds(),
  weekday: (date) => WEEKDAYS[date.getUTCDay()] ?? '',
  unix: (date) => Math.floor(date.getTime() / 1000),
  ms: (date) => date.getTime(),
};
