import { testStack } from '@guildflow/stack/testing';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRef, type RouterEvent } from '@guildflow/engine/core';
import { createStatsExecutor, openStore, readStats, type Store } from '@guildflow/engine/service';
import { StatsRecorder } from './stats-recorder.js';

const GUILD = 'stats-guild';
const NOW = new Date('2026-11-20T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

let seq = 0;
const message = (user: string, channelId: string, bot = false): RouterEvent => ({
  kind: 'messageCreated',
  eventId: `m${++seq}`,
  guildId: GUILD,
  message: { id: `m${seq}`, channelId, content: 'hi' },
  author: { ...userRef(user, `name-${user}`), roles: [], bot },
});
const member = (kind: 'memberJoined' | 'memberLeft', user: string): RouterEvent => ({
  kind,
  eventId: `${kind}${++seq}`,
  guildId: GUILD,
  member: { ...userRef(user, `name-${user}`), roles: [], avatarUrl: '', pending: false },
  guild: { id: GUILD, name: 'Stats', memberCount: 10 },
});

describe('activity statistics', () => {
  let mongo: Connection;
  let store: Store;
  beforeAll(async () => {
    mongo = await mongoose.createConnection(testStack().mongoUri).asPromise();
    store = await openStore(mongo);
    const stats = new StatsRecorder(async () => store);
    // This week: u1 posts 3× (#a, #a, #b), u2 2× in #a, u3 once in #b; a bot message; 2 joins, 1 leave.
    for (const [user, channel] of [
      ['u1', 'a'],
      ['u1', 'a'],
      ['u2', 'a'],
      ['u3', 'b'],
    ] as const)
      stats.record(message(user, channel), daysAgo(1));
    stats.record(message('u1', 'b'), daysAgo(3));
    stats.record(message('u2', 'a'), daysAgo(3));
    stats.record(message('bot', 'a', true), daysAgo(1));
    stats.record(member('memberJoined', 'u4'), daysAgo(2));
    stats.record(member('memberJoined', 'u5'), daysAgo(2));
    stats.record(member('memberLeft', 'u5'), daysAgo(1));
    // Older than the week: not counted in a 7-day period.
    stats.record(message('u9', 'a'), daysAgo(12));
    stats.record(member('memberJoined', 'u9'), daysAgo(12));
    expect(await stats.flush()).toBeGreaterThan(0);
    expect(stats.size).toBe(0);
  });
  afterAll(async () => mongo?.close());

  it('sums a week: messages, joins, leaves, active members and the top members and channels', async () => {
    const week = await readStats(store, GUILD, { period: '7d', top: 2 }, NOW);
    expect(week).toMatchObject({ messages: 6, joins: 2, leaves: 1, activeMembers: 3 });
    expect(week.since).toBe('2026-11-13T00:00:00.000Z');
    expect(week.topMembers).toEqual([
      { id: 'u1', username: 'name-u1', mention: '<@u1>', messages: 3 },
      { id: 'u2', username: 'name-u2', mention: '<@u2>', messages: 2 },
    ]);
    expect(week.topChannels).toEqual([
      { id: 'a', mention: '<#a>', messages: 4 },
      { id: 'b', mention: '<#b>', messages: 2 },
    ]);
    const month = await readStats(store, GUILD, { period: '30d' }, NOW);
    expect(month).toMatchObject({ messages: 7, joins: 3, activeMembers: 4 });
  });

  it('filters by channel: messages and active members of that channel only', async () => {
    const b = await readStats(store, GUILD, { period: '7d', channelId: 'b' }, NOW);
    expect(b).toMatchObject({ messages: 2, activeMembers: 2 });
    expect(b.topMembers.map((m) => m.id).sort()).toEqual(['u1', 'u3']);
    expect(b.topChannels).toEqual([{ id: 'b', mention: '<#b>', messages: 2 }]);
  });

  it('adds later batches to the same day instead of replacing them', async () => {
    const stats = new StatsRecorder(async () => store);
    stats.record(message('u3', 'b'), daysAgo(1));
    await stats.flush();
    const week = await readStats(store, GUILD, { period: '7d' }, NOW);
    expect(week.messages).toBe(7);
    expect(week.topMembers.find((m) => m.id === 'u3')?.messages).toBe(2);
  });

  it('the data.stats executor reads the run’s guild and refuses periods over 90 days', async () => {
    const executor = createStatsExecutor(mongo)['data.stats'];
    const context = {
      runId: 'r',
      graphId: 'g',
      guildId: 'empty-guild',
      version: 1,
      nodeId: 'n',
      idempotencyKey: 'r:n',
      simulate: false,
    };
    expect(await executor({ config: { period: '7d' }, context })).toMatchObject({
      messages: 0,
      activeMembers: 0,
      topMembers: [],
    });
    await expect(executor({ config: { period: '100d' }, context })).rejects.toThrow(/90 days/);
  });
});
