import { ApplicationFailure } from '@temporalio/common';
import type { Connection } from 'mongoose';
import { ERROR_TYPES, parseDuration, type ActionActivities } from '../../core/index.js';
import { defineExecutor } from '../activities/define-executor.js';
import { openStore, type StatsRecord, type Store } from '../storage/index.js';

const DAY_MS = 86_400_000;
const MAX_PERIOD_MS = 90 * DAY_MS;
const MAX_OFFSET_MS = 90 * DAY_MS;
// The gateway keeps a day's counters 100 days from its start (stats-models.ts): the oldest day
// read, at most period + offset + 1 day back, is still there.
const MAX_REACH_MS = 99 * DAY_MS;

/** The output of `data.stats` (see its declaration). */
export interface StatsSummary {
  since: string;
  until: string;
  messages: number;
  joins: number;
  leaves: number;
  activeMembers: number;
  topMembers: { id: string; username: string; mention: string; messages: number }[];
  topChannels: { id: string; mention: string; messages: number }[];
}

/**
 * Sums a guild's daily counters over a period. Counters are per UTC day, so the period starts
 * at the beginning of the day `period` before its end: a `7d` recap on Monday 09:00 covers last
 * Monday 00:00 until now. With `offset` the period ends at the start of the UTC day `offset`
 * ago (that day excluded; at least one whole day), so `7d` offset `7d` is the 7 days before
 * that recap, none counted twice.
 */
export async function readStats(
  store: Store,
  guildId: string,
  options: {
    period?: string;
    offset?: string | undefined;
    channelId?: string | undefined;
    top?: number;
  },
  now = new Date(),
): Promise<StatsSummary> {
  const periodMs = parseDuration(options.period ?? '7d');
  if (periodMs > MAX_PERIOD_MS || periodMs <= 0)
    throw ApplicationFailure.nonRetryable(
      'The period of Activity stats must be between 1 second and 90 days.',
      ERROR_TYPES.invalidConfig,
    );
  const offsetMs = options.offset ? parseDuration(options.offset) : 0;
  if (offsetMs < 0 || offsetMs > MAX_OFFSET_MS || periodMs + offsetMs > MAX_REACH_MS)
    throw ApplicationFailure.nonRetryable(
      'The offset of Activity stats must be at most 90 days, and the period plus the offset at most 99 days (counters are kept 100 days).',
      ERROR_TYPES.invalidConfig,
    );
  const top = Math.max(0, Math.min(25, Math.floor(options.top ?? 5)));
  const end = now.getTime() - offsetMs;
  // Now: today so far is included. Earlier: up to the start of that day, excluded (and at
  // least the whole day before it, when `period` is shorter than a day).
  const until = offsetMs === 0 ? now : new Date(startOfDay(end));
  const since = new Date(
    offsetMs === 0
      ? startOfDay(end - periodMs)
      : Math.min(startOfDay(end - periodMs), until.getTime() - DAY_MS),
  );
  const lastDay = offsetMs === 0 ? until : new Date(until.getTime() - DAY_MS);
  const days = { $gte: since.toISOString().slice(0, 10), $lte: lastDay.toISOString().slice(0, 10) };
  const rows = await store.stats.find({ guildId, day: days }).lean<StatsRecord[]>();
  const channelId = options.channelId || undefined;
  const sum = (dim: StatsRecord['dim']) => {
    const totals = new Map<string, { messages: number; username: string | null }>();
    for (const row of rows) {
      if (row.dim !== dim) continue;
      const key = dim === 'memberChannel' ? row.key.split(':')[0]! : row.key;
      if (dim === 'memberChannel' && row.key.split(':')[1] !== channelId) continue;
      const total = totals.get(key) ?? { messages: 0, username: null };
      total.messages += row.messages;
      total.username = row.username ?? total.username;
      totals.set(key, total);
    }
    return totals;
  };
  const guild = rows.filter((r) => r.dim === 'guild');
  const channels = sum('channel');
  const members = sum(channelId ? 'memberChannel' : 'member');
  const names = sum('member');
  const ranked = <T extends { messages: number }>(list: T[]) =>
    list
      .filter((e) => e.messages > 0)
      .sort((a, b) => b.messages - a.messages)
      .slice(0, top);
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    messages: channelId
      ? (channels.get(channelId)?.messages ?? 0)
      : guild.reduce((n, r) => n + r.messages, 0),
    joins: guild.reduce((n, r) => n + r.joins, 0),
    leaves: guild.reduce((n, r) => n + r.leaves, 0),
    activeMembers: [...members.values()].filter((m) => m.messages > 0).length,
    topMembers: ranked(
      [...members].map(([id, m]) => ({
        id,
        username: names.get(id)?.username ?? id,
        mention: `<@${id}>`,
        messages: m.messages,
      })),
    ),
    topChannels: ranked(
      [...channels]
        .filter(([id]) => !channelId || id === channelId)
        .map(([id, c]) => ({ id, mention: `<#${id}>`, messages: c.messages })),
    ),
  };
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * The `data.stats` executor (activity named by the node type) on the store; its rendered config
 * is checked against the declaration first.
 */
export function createStatsExecutor(mongo: Connection): Pick<ActionActivities, 'data.stats'> {
  return { 'data.stats': statsExecutor(mongo) };
}

const statsExecutor = defineExecutor('data.stats', async ({ config, context }, mongo: Connection) =>
  readStats(await openStore(mongo), context.guildId, {
    period: typeof config.period === 'string' ? config.period : '7d',
    offset: typeof config.offset === 'string' ? config.offset : undefined,
    channelId: typeof config.channelId === 'string' ? config.channelId : undefined,
    top: typeof config.top === 'number' ? config.top : 5,
  }),
);
