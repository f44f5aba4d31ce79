import { ApplicationFailure } from '@temporalio/common';
import { DATA_KEY_PATTERN, ERROR_TYPES } from '../../core/index.js';

const KEY = new RegExp(DATA_KEY_PATTERN);

/**
 * The rendered `key` of a data node, or a non-retryable `InvalidConfig` failure.
 *
 * @example
 * checkedKey('warnings'); // 'warnings'
 */
export function checkedKey(value: unknown): string {
  const key = String(value ?? '');
  if (!KEY.test(key)) {
    throw ApplicationFailure.nonRetryable(
      `The key ${JSON.stringify(key)} is not valid: use 1–100 letters, digits or _ . : -`,
      ERROR_TYPES.invalidConfig,
    );
  }
  return key;
}

/**
 * The filter of values that have not expired at `now` (a past `expiresAt` reads as unset even
 * before the sweeper removes it).
 *
 * @example
 * store.dataKeys.findOne({ ...identity, ...liveAt(new Date()) });
 */
export function liveAt(now: Date) {
  return { $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] };
}
