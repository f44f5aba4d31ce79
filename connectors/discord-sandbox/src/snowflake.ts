/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from here. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let last = 0n;

/**
 * A new Discord-style snowflake (as a string, like every id in Discord's JSON) for the given
 * time. discord.js derives `createdTimestamp` from ids, so ids must encode a real time; they are
 * strictly increasing within the process so sorting by id sorts by creation.
 *
 * @example
 * const id = snowflake(); // '1312345678901234567'
 */
export function snowflake(at: number = Date.now()): string {
  const candidate = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n);
  last = candidate > last ? candidate : last + 1n;
  return last.toString();
}

/**
 * The creation time (ms since the Unix epoch) encoded in a snowflake.
 *
 * @example
 * snowflakeTime(snowflake(1_700_000_000_000)); // 1700000000000
 */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * True when the string looks like a snowflake (digits only, at most 20 of them).
 *
 * @example
 * isSnowflake('1300000000000000000'); // true
 */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,20}$/.test(value);
}
