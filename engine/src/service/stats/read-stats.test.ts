import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import mongoose, { type Connection } from 'mongoose';
import { testStack } from '@guildflow/stack/testing';
import type { ActionInput } from '../../interpreter/contract.js';
import { openStore, type StatsRecord, type Store } from '../storage/index.js';
import { createStatsExecutor, readStats } from './read-stats.js';

const GUILD = 'offset-stats-guild';
// A Monday 09:00: this week is Mon 16th 00:00 → now, the week before Mon 9th → Sun 15th.
const NOW = new Date('2026-11-23T09:00:00Z');

/** A counter document as the gateway writes it (one per guild, day, dimension and key). */
function row(day: string, dim: StatsRecord['dim'], key: string, messages: number, joins = 0) {
  return {
    guildId: GUILD,
    day,
    dim,
    key,
    messages,
    joins,
    leaves: 0,
    username: dim === 'member' ? `name-${key}` : null,
    expiresAt: new Date(Date.parse(`${day}T00:00:00Z`) + 100 * 86_400_000),
  };
}

let mongo: Connection;
let store: Store;
beforeAll(async () => {
  mongo = await mongoose.createConnection(testStack().mongoUri).asPromise();
  store = await openStore(mongo);
  await store.stats.deleteMany({ guildId: GUILD });
  await store.stats.insertMany([
    row('2026-11-08', 'guild', '', 50, 5), // before both weeks
    row('2026-11-09', 'guild', '', 1, 1),
    row('2026-11-10', 'member', 'u1', 1),
    row('2026-11-15', 'guild', '', 2),
    row('2026-11-15', 'member', 'u1', 2),
    row('2026-11-16', 'guild', '', 4, 2),
    row('2026-11-16', 'member', 'u2', 4),
    row('2026-11-23', 'guild', '', 8),
    row('2026-11-23', 'member', 'u2', 3),
    row('2026-11-23', 'member', 'u3', 5),
  ]);
});
afterAll(() => mongo.close());

describe('data.stats with an offset', () => {
  it('reads this week and the week before, no day counted twice', async () => {
    const week = await readStats(store, GUILD, { period: '7d' }, NOW);
    const before = await readStats(store, GUILD, { period: '7d', offset: '7d' }, NOW);
    expect(week).toMatchObject({
      since: '2026-11-16T00:00:00.000Z',
      until: '2026-11-23T09:00:00.000Z',
      messages: 12,
      joins: 2,
      activeMembers: 2,
    });
    expect(before).toMatchObject({
      since: '2026-11-09T00:00:00.000Z',
      until: '2026-11-16T00:00:00.000Z',
      messages: 3,
      joins: 1,
      activeMembers: 1,
      topMembers: [{ id: 'u1', username: 'name-u1', mention: '<@u1>', messages: 3 }],
    });
    const both = await readStats(store, GUILD, { period: '14d' }, NOW);
    expect(both.messages).toBe(week.messages + before.messages);
  });

  it('reads at least the whole day before the end when the period is shorter', async () => {
    expect(await readStats(store, GUILD, { period: '1h', offset: '7d' }, NOW)).toMatchObject({
      since: '2026-11-15T00:00:00.000Z',
      until: '2026-11-16T00:00:00.000Z',
      messages: 2,
    });
  });

  it('refuses an offset past what the counters keep', async () => {
    for (const options of [
      { period: '7d', offset: '91d' },
      { period: '90d', offset: '10d' },
    ]) {
      const error = await readStats(store, GUILD, options, NOW).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(options)).toBeInstanceOf(ApplicationFailure);
      expect(error).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    }
    expect((await readStats(store, GUILD, { period: '90d', offset: '9d' }, NOW)).since).toBe(
      '2026-08-16T00:00:00.000Z',
    );
  });

  it('takes the offset from the node’s config', async () => {
    const run = createStatsExecutor(mongo)['data.stats'];
    const input = (config: Record<string, unknown>): ActionInput => ({
      config,
      context: {
        runId: 'r',
        graphId: 'g',
        guildId: GUILD,
        version: 1,
        nodeId: 'n',
        idempotencyKey: 'r:n:1',
        simulate: false,
      },
    });
    const out = await run(input({ period: '7d', offset: '7d' }));
    expect(Date.parse(out.until) % 86_400_000).toBe(0);
    expect(Date.parse(out.until) - Date.parse(out.since)).toBe(7 * 86_400_000);
    expect(Date.now() - Date.parse(out.until)).toBeGreaterThanOrEqual(7 * 86_400_000);
    const refused = await run(input({ period: '60d', offset: '60d' })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
  });
});
