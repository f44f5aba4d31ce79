import type { QueryFilter } from 'mongoose';
import type { DataKeyRecord, Store } from '../storage/index.js';
import { checkedKey, liveAt } from './data-key-rules.js';
import { defineExecutor } from './define-executor.js';

const DEFAULT_COUNT = 10;

interface Row {
  memberId: string;
  num: number;
}

/**
 * The `data.top` executor: a guild's member-scope numbers under a key, best first, ties by
 * member id (as text, ascending). Expired values and values that are not numbers are left out.
 * Every read is on the index { guildId, scope, key, num, memberId }: the top `count` by one
 * scan, the member's rank by two counts (better values, then equal values with a smaller id),
 * never by loading every member.
 *
 * @example
 * const run = topValues(() => openStore(mongo));
 * await run(input); // { entries: [{ rank: 1, memberId, mention, value }], total, member }
 */
export const topValues = defineExecutor(
  'data.top',
  async ({ config, context }, store: () => Promise<Store>) => {
    const key = checkedKey(config.key);
    const count = config.count === undefined ? DEFAULT_COUNT : Number(config.count);
    const desc = config.order !== 'asc';
    const memberId = typeof config.memberId === 'string' ? config.memberId : '';
    const s = await store();
    const base = memberValues(context.guildId, key);
    const [rows, total, member] = await Promise.all([
      topRows(s, base, count, desc),
      s.dataKeys.countDocuments(base),
      memberId ? memberRank(s, base, memberId, desc) : { rank: null, value: null },
    ]);
    return {
      entries: rows.map((row, i) => ({
        rank: i + 1,
        memberId: row.memberId,
        mention: `<@${row.memberId}>`,
        value: row.num,
      })),
      total,
      member,
    };
  },
);

/** The filter of a guild's live member-scope numbers under `key`. */
function memberValues(guildId: string, key: string): Filter {
  return {
    guildId,
    scope: 'member',
    key,
    // Every number (a comparison matches numbers only); the index serves it as a range.
    num: { $gte: -Number.MAX_VALUE },
    ...liveAt(new Date()),
  };
}
type Filter = QueryFilter<DataKeyRecord>;

/**
 * The best `count` rows. Ascending is one index scan. Descending with ids ascending is not an
 * index order (that would need a second index): scan backwards (ids descending), keep the rows
 * strictly better than the last value, then read that value's ties by id ascending.
 */
async function topRows(s: Store, base: Filter, count: number, desc: boolean): Promise<Row[]> {
  const find = (filter: Filter, sort: Record<string, 1 | -1>, limit: number) =>
    s.dataKeys.find(filter, { memberId: 1, num: 1, _id: 0 }).sort(sort).limit(limit).lean<Row[]>();
  if (!desc) return find(base, { num: 1, memberId: 1 }, count);
  const scanned = await find(base, { num: -1, memberId: -1 }, count);
  const better = (a: Row, b: Row) => b.num - a.num || (a.memberId < b.memberId ? -1 : 1);
  if (scanned.length < count) return scanned.sort(better);
  const last = scanned[scanned.length - 1]!.num;
  const above = scanned.filter((row) => row.num > last).sort(better);
  const ties = await find({ ...base, num: last }, { memberId: 1 }, count - above.length);
  return [...above, ...ties];
}

/** A member's rank and value (nulls when they have no number under the key). */
async function memberRank(
  s: Store,
  base: Filter,
  memberId: string,
  desc: boolean,
): Promise<{ rank: number | null; value: number | null }> {
  const own = await s.dataKeys.findOne({ ...base, memberId }, { num: 1, _id: 0 }).lean<Row>();
  if (!own) return { rank: null, value: null };
  const [better, tiedBefore] = await Promise.all([
    s.dataKeys.countDocuments({ ...base, num: desc ? { $gt: own.num } : { $lt: own.num } }),
    s.dataKeys.countDocuments({ ...base, num: own.num, memberId: { $lt: memberId } }),
  ]);
  return { rank: better + tiedBefore + 1, value: own.num };
}
