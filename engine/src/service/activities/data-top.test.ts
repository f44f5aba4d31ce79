import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import mongoose, { type Connection } from 'mongoose';
import { testStack } from '@guildflow/stack/testing';
import type { ActionInput } from '../../interpreter/contract.js';
import { openStore, type Store } from '../storage/index.js';
import { createDataExecutors } from './data-executors.js';

const GUILD = '500000000000000201';
const OTHER = '500000000000000202';
let mongo: Connection;
let store: Store;
let data: ReturnType<typeof createDataExecutors>;
let step = 0;

function input(config: Record<string, unknown>, guildId = GUILD): ActionInput {
  return {
    config,
    context: {
      runId: 'run_top',
      graphId: 'g_top',
      guildId,
      version: 1,
      nodeId: 'n',
      idempotencyKey: `run_top:n:${(step += 1)}`,
      simulate: false,
    },
  };
}

const setMember = (key: string, memberId: string, value: unknown, guildId = GUILD) =>
  data['data.set'](input({ key, scope: 'member', memberId, value }, guildId));
const top = (config: Record<string, unknown>, guildId = GUILD) =>
  data['data.top'](input(config, guildId));
const entry = (rank: number, memberId: string, value: number) => ({
  rank,
  memberId,
  mention: `<@${memberId}>`,
  value,
});

beforeAll(async () => {
  mongo = await mongoose.createConnection(testStack().mongoUri).asPromise();
  store = await openStore(mongo);
  data = createDataExecutors(mongo);
  // Numbers with ties (80: 12, 17; 50: 11, 13, 18), a text, an expired number, a guild-scope
  // value under the same key, and bigger numbers in another guild (one for the same member).
  for (const [memberId, value] of [
    ['11', 50],
    ['12', 80],
    ['13', 50],
    ['14', 20],
    ['15', 'lots'],
    ['16', 100],
    ['17', 80],
  ] as const)
    await setMember('pts', memberId, value);
  await data['data.increment'](input({ key: 'pts', scope: 'member', memberId: '18', by: 50 }));
  await store.dataKeys.updateOne(
    { guildId: GUILD, memberId: '16', key: 'pts' },
    { $set: { expiresAt: new Date(Date.now() - 1000) } },
  );
  await data['data.set'](input({ key: 'pts', scope: 'guild', value: 999 }));
  await setMember('pts', '19', 1000, OTHER);
  await setMember('pts', '11', 500, OTHER);
});
afterAll(() => mongo.close());

describe('data.top', () => {
  it('ranks the guild’s member numbers, highest first, ties by member id', async () => {
    expect(await top({ key: 'pts', count: 3 })).toEqual({
      entries: [entry(1, '12', 80), entry(2, '17', 80), entry(3, '11', 50)],
      total: 6,
      member: { rank: null, value: null },
    });
    expect((await top({ key: 'pts' })).entries).toEqual([
      entry(1, '12', 80),
      entry(2, '17', 80),
      entry(3, '11', 50),
      entry(4, '13', 50),
      entry(5, '18', 50),
      entry(6, '14', 20),
    ]);
  });

  it('ranks lowest first with order asc', async () => {
    expect((await top({ key: 'pts', count: 2, order: 'asc' })).entries).toEqual([
      entry(1, '14', 20),
      entry(2, '11', 50),
    ]);
  });

  it('reports a member’s rank and value, or nulls when they have no number', async () => {
    expect((await top({ key: 'pts', count: 1, memberId: '13' })).member).toEqual({
      rank: 4,
      value: 50,
    });
    expect((await top({ key: 'pts', count: 1, memberId: '13', order: 'asc' })).member).toEqual({
      rank: 3,
      value: 50,
    });
    for (const memberId of ['15', '16', '19', '99'])
      expect((await top({ key: 'pts', memberId })).member, memberId).toEqual({
        rank: null,
        value: null,
      });
  });

  it('reads only the run’s guild', async () => {
    expect(await top({ key: 'pts', memberId: '11' }, OTHER)).toEqual({
      entries: [entry(1, '19', 1000), entry(2, '11', 500)],
      total: 2,
      member: { rank: 2, value: 500 },
    });
    expect(await top({ key: 'pts' }, '500000000000000203')).toEqual({
      entries: [],
      total: 0,
      member: { rank: null, value: null },
    });
  });

  it('agrees with a full sort for every member, whatever the ties', async () => {
    const values = Array.from({ length: 40 }, (_, i) => ({
      memberId: String(1000 + ((i * 17) % 40)),
      value: (i * 7) % 5, // many ties
    }));
    for (const { memberId, value } of values) await setMember('many', memberId, value);
    for (const order of ['desc', 'asc'] as const) {
      const sorted = [...values].sort(
        (a, b) =>
          (order === 'desc' ? b.value - a.value : a.value - b.value) ||
          (a.memberId < b.memberId ? -1 : 1),
      );
      const got = await top({ key: 'many', count: 25, order });
      expect(got.total).toBe(40);
      expect(got.entries).toEqual(
        sorted.slice(0, 25).map((v, i) => entry(i + 1, v.memberId, v.value)),
      );
      for (const [i, v] of sorted.entries())
        expect((await top({ key: 'many', count: 1, order, memberId: v.memberId })).member).toEqual({
          rank: i + 1,
          value: v.value,
        });
    }
  });

  it('refuses an invalid count or key without retrying', async () => {
    for (const config of [
      { key: 'pts', count: 26 },
      { key: 'pts', count: 0 },
      { key: 'has space' },
      { key: 'pts', order: 'up' },
    ]) {
      const error = await top(config).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(config)).toBeInstanceOf(ApplicationFailure);
      expect(error).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    }
  });
});
