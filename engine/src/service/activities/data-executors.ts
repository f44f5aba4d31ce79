import { ApplicationFailure } from '@temporalio/common';
import type { Connection } from 'mongoose';
import {
  DurationError,
  ERROR_TYPES,
  parseDuration,
  type ActionActivities,
} from '../../core/index.js';
import {
  isDuplicateKey,
  openStore,
  withKeyLock,
  type DataKeyRecord,
  type Store,
} from '../storage/index.js';
import { checkedKey, liveAt } from './data-key-rules.js';
import { topValues } from './data-top.js';
import { defineExecutor } from './define-executor.js';

/** Largest stored value, as JSON text (docs/nodes.md, data.set: any JSON up to 16 KB). */
export const MAX_VALUE_BYTES = 16 * 1024;
// Increments remembered per key for retry dedupe; a retry comes long before this many others.
const OPS_KEPT = 20;

/** The data executors' dependency: the store, opened on first use. */
type StoreOf = () => Promise<Store>;

/**
 * The executors of `data.get`, `data.set`, `data.increment` and `data.top` (activity name = node type) on
 * the store. Values are per guild or per member, optionally expiring `ttl` after the last
 * write; an expired value reads as null (and counts as 0) even before it is swept away.
 * `data.increment` is atomic (`$inc` with upsert) and applied once per step even when Temporal
 * retries it (the step's idempotency key is kept on the value). Each checks its rendered config
 * against its declaration first (a non-retryable `InvalidConfig`).
 */
export function createDataExecutors(
  mongo: Connection,
): Pick<ActionActivities, 'data.get' | 'data.set' | 'data.increment' | 'data.top'> {
  const store: StoreOf = () => openStore(mongo);
  return {
    'data.get': getValue(store),
    'data.set': setValue(store),
    'data.increment': incrementValue(store),
    'data.top': topValues(store),
  };
}

const getValue = defineExecutor('data.get', async ({ config, context }, store: StoreOf) => {
  const record = await (
    await store()
  ).dataKeys
    .findOne({ ...identity(config, context.guildId), ...liveAt(new Date()) })
    .lean<DataKeyRecord>();
  return { value: record ? valueOf(record) : null };
});

const setValue = defineExecutor('data.set', async ({ config, context }, store: StoreOf) => {
  const value = config.value === undefined ? null : config.value;
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') > MAX_VALUE_BYTES) {
    throw ApplicationFailure.nonRetryable(
      `The value is larger than ${MAX_VALUE_BYTES / 1024} KB; store less (e.g. ids instead of whole objects).`,
      ERROR_TYPES.invalidConfig,
    );
  }
  const key = identity(config, context.guildId);
  const now = new Date();
  const stored =
    typeof value === 'number'
      ? { $set: { num: value }, $unset: { json: 1 } }
      : { $set: { json }, $unset: { num: 1 } };
  const s = await store();
  await withKeyLock(lockKey(key), () =>
    s.dataKeys.updateOne(
      key,
      {
        $set: { ...stored.$set, expiresAt: expiry(config, now), updatedAt: now },
        $unset: stored.$unset,
      },
      { upsert: true },
    ),
  );
  return { value };
});

const incrementValue = defineExecutor(
  'data.increment',
  async ({ config, context }, store: StoreOf) => {
    const by = config.by === undefined ? 1 : Number(config.by);
    if (!Number.isFinite(by))
      throw ApplicationFailure.nonRetryable(
        `"by" must be a number, not ${JSON.stringify(config.by)}.`,
        ERROR_TYPES.invalidConfig,
      );
    const s = await store();
    const key = identity(config, context.guildId);
    const expiresAt = expiry(config, new Date());
    const record = await withKeyLock(lockKey(key), async () => {
      const now = new Date();
      // An expired value counts as unset: drop it first so $inc starts again from 0.
      await s.dataKeys.deleteOne({ ...key, expiresAt: { $ne: null, $lte: now } });
      const updated = await incrementOnce(s, key, by, context.idempotencyKey, expiresAt, now);
      // The store may ignore $slice (FerretDB 1.x): drop the oldest keys one by one ($pop is
      // atomic on MongoDB, where $slice already did the job and this never runs).
      for (let excess = updated.ops.length - OPS_KEPT; excess > 0; excess -= 1) {
        await s.dataKeys.updateOne(key, { $pop: { ops: -1 } });
      }
      return updated;
    });
    return { value: record.num ?? 0 };
  },
);

/**
 * `$inc` unless this step's key is already on the value. Two first increments of a new key race
 * on the unique index; the loser retries (the value exists then) unless its own step is what
 * the winner applied.
 */
async function incrementOnce(
  store: Store,
  key: ReturnType<typeof identity>,
  by: number,
  op: string,
  expiresAt: Date | null,
  now: Date,
): Promise<DataKeyRecord> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const record = await store.dataKeys
        .findOneAndUpdate(
          { ...key, ops: { $ne: op } },
          {
            $inc: { num: by },
            $unset: { json: 1 },
            $set: { expiresAt, updatedAt: now },
            $push: { ops: { $each: [op], $slice: -OPS_KEPT } },
          },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<DataKeyRecord>();
      if (record) return record;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const current = await store.dataKeys.findOne(key).lean<DataKeyRecord>();
    if (current?.ops.includes(op)) return current; // applied by an earlier attempt of this step
    if (attempt >= 3)
      throw new Error(
        `Could not increment "${key.key}" after ${attempt} attempts (concurrent writes); retrying.`,
      );
  }
}

/** The key fields every data node has (typed from its declaration's config). */
type KeyConfig = { key?: unknown; scope?: unknown; memberId?: unknown };

/** The unique identity of a stored value; invalid keys and scopes are configuration errors. */
function identity(config: KeyConfig, guildId: string) {
  const key = checkedKey(config.key);
  const scope = config.scope === 'member' ? 'member' : 'guild';
  const memberId = scope === 'member' ? String(config.memberId ?? '') : '';
  if (scope === 'member' && !memberId) {
    throw ApplicationFailure.nonRetryable(
      'Scope "member" needs a memberId (e.g. {{ trigger.member.id }}).',
      ERROR_TYPES.invalidConfig,
    );
  }
  return { guildId, scope, memberId, key } as const;
}

function lockKey(key: ReturnType<typeof identity>): string {
  return `data:${key.guildId}:${key.scope}:${key.memberId}:${key.key}`;
}

function expiry(config: { ttl?: unknown }, now: Date): Date | null {
  if (config.ttl === undefined || config.ttl === null || config.ttl === '') return null;
  try {
    return new Date(now.getTime() + parseDuration(String(config.ttl)));
  } catch (error) {
    if (error instanceof DurationError)
      throw ApplicationFailure.nonRetryable(`ttl: ${error.message}`, ERROR_TYPES.invalidConfig);
    throw error;
  }
}

function valueOf(record: DataKeyRecord): unknown {
  if (typeof record.num === 'number') return record.num;
  if (typeof record.json === 'string') return JSON.parse(record.json) as unknown;
  return null;
}
