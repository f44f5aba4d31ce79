import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import mongoose, { type Connection } from 'mongoose';
import { testStack } from '@guildflow/stack/testing';
import type { ActionInput } from '../../interpreter/contract.js';
import { openStore, sweepExpired, type Store } from '../storage/index.js';
import { createDataExecutors } from './data-executors.js';

let mongo: Connection;
let store: Store;
let data: ReturnType<typeof createDataExecutors>;
let step = 0;

beforeAll(async () => {
  mongo = await mongoose.createConnection(testStack().mongoUri).asPromise();
  store = await openStore(mongo);
  data = createDataExecutors(mongo);
});
afterAll(() => mongo.close());

/** An action input as the interpreter sends it; each call is a new step unless `op` repeats one. */
function input(
  config: Record<string, unknown>,
  op = `run_1:n:${(step += 1)}`,
  guildId = '500000000000000001',
): ActionInput {
  return {
    config,
    context: {
      runId: 'run_1',
      graphId: 'g_1',
      guildId,
      version: 1,
      nodeId: 'n',
      idempotencyKey: op,
      simulate: false,
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('data.* executors', () => {
  it('sets and gets values per guild and per member, any JSON (even $-keys)', async () => {
    const odd = { $where: 'not a query', 'a.b': [1, { c: null }] };
    expect(await data['data.set'](input({ key: 'cfg', scope: 'guild', value: odd }))).toEqual({
      value: odd,
    });
    expect(await data['data.get'](input({ key: 'cfg', scope: 'guild' }))).toEqual({ value: odd });
    await data['data.set'](input({ key: 'warnings', scope: 'member', memberId: '1', value: 2 }));
    expect(
      await data['data.get'](input({ key: 'warnings', scope: 'member', memberId: '1' })),
    ).toEqual({ value: 2 });
    expect(
      await data['data.get'](input({ key: 'warnings', scope: 'member', memberId: '2' })),
    ).toEqual({ value: null });
    expect(await data['data.get'](input({ key: 'warnings', scope: 'guild' }))).toEqual({
      value: null,
    });
    expect(
      await data['data.get'](input({ key: 'cfg', scope: 'guild' }, 'x', '500000000000000099')),
    ).toEqual({ value: null });
  });

  it('increments atomically under concurrency', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        data['data.increment'](input({ key: 'points', scope: 'guild' })),
      ),
    );
    expect(await data['data.get'](input({ key: 'points', scope: 'guild' }))).toEqual({ value: 20 });
    expect(await data['data.increment'](input({ key: 'points', scope: 'guild', by: -5 }))).toEqual({
      value: 15,
    });
  });

  it('applies a retried increment step once, and keeps the dedupe list short', async () => {
    const op = 'run_2:count:0';
    expect(await data['data.increment'](input({ key: 'once', scope: 'guild' }, op))).toEqual({
      value: 1,
    });
    expect(await data['data.increment'](input({ key: 'once', scope: 'guild' }, op))).toEqual({
      value: 1,
    });
    for (let i = 0; i < 30; i += 1)
      await data['data.increment'](input({ key: 'once', scope: 'guild' }));
    const record = await store.dataKeys.findOne({ key: 'once' }).lean();
    expect(record?.num).toBe(31);
    expect(record?.ops.length).toBeLessThanOrEqual(20);
  });

  it('counts an unset, non-numeric or expired value as 0', async () => {
    await data['data.set'](input({ key: 'mixed', scope: 'guild', value: 'text' }));
    expect(await data['data.increment'](input({ key: 'mixed', scope: 'guild', by: 3 }))).toEqual({
      value: 3,
    });
    await data['data.set'](input({ key: 'old', scope: 'guild', value: 10, ttl: '1h' }));
    await store.dataKeys.updateOne(
      { key: 'old' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect(await data['data.get'](input({ key: 'old', scope: 'guild' }))).toEqual({ value: null });
    expect(await data['data.increment'](input({ key: 'old', scope: 'guild' }))).toEqual({
      value: 1,
    });
  });

  it('expires values ttl after the last write, and the sweeper removes them', async () => {
    const before = Date.now();
    await data['data.set'](input({ key: 'temp', scope: 'guild', value: true, ttl: '2h' }));
    const record = await store.dataKeys.findOne({ key: 'temp' }).lean();
    expect(record?.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
    await data['data.set'](input({ key: 'temp', scope: 'guild', value: true }));
    expect((await store.dataKeys.findOne({ key: 'temp' }).lean())?.expiresAt).toBeNull();
    await store.dataKeys.updateOne(
      { key: 'temp' },
      { $set: { expiresAt: new Date(Date.now() - 1) } },
    );
    expect((await sweepExpired(store)).dataKeys).toBeGreaterThanOrEqual(1);
    expect(await store.dataKeys.countDocuments({ key: 'temp' })).toBe(0);
  });

  it('fails without retries on configuration errors', async () => {
    expect((await failure(data['data.get'](input({ key: 'x', scope: 'member' })))).type).toBe(
      'InvalidConfig',
    );
    expect(
      (await failure(data['data.get'](input({ key: 'has space', scope: 'guild' })))).type,
    ).toBe('InvalidConfig');
    expect(
      (
        await failure(
          data['data.set'](input({ key: 'k', scope: 'guild', value: 'x', ttl: 'soon' })),
        )
      ).type,
    ).toBe('InvalidConfig');
    const big = await failure(
      data['data.set'](input({ key: 'big', scope: 'guild', value: 'x'.repeat(17_000) })),
    );
    expect(big).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(
      (await failure(data['data.increment'](input({ key: 'k', scope: 'guild', by: 'lots' })))).type,
    ).toBe('InvalidConfig');
  });
});
