import type { GuildRecord, Store } from '../storage/index.js';
import type { GuildBilling } from './guild-billing-model.js';
import { PLANS, planOf, type Limits, type PlanId } from './plans.js';

/** How long a paid plan holds after a failed payment. */
export const GRACE_MS = 7 * 24 * 60 * 60_000;

/** A guild's plan as it applies now. */
export interface GuildPlan {
  plan: PlanId;
  limits: Limits;
  billing: GuildBilling | null;
  /** The grace period after a failed payment ran out: the guild is on Free until it pays. */
  graceExpired: boolean;
}

/**
 * The plan that applies to a guild at `now`: its stored plan, except that a paid plan whose
 * grace period (after a failed payment) has ended counts as Free. Evaluated when read, so no
 * timer has to fire; `settleGrace` makes it stick.
 *
 * @example
 * effectivePlan({ plan: 'premium', billing: { status: 'past_due', graceEndsAt } }, new Date());
 */
export function effectivePlan(
  record: Pick<GuildRecord, 'plan' | 'billing'> | null,
  now: Date,
): GuildPlan {
  const billing = record?.billing ?? null;
  const stored = planOf(record?.plan);
  const graceExpired =
    stored !== 'free' &&
    billing?.status === 'past_due' &&
    billing.graceEndsAt !== null &&
    billing.graceEndsAt.getTime() <= now.getTime();
  const plan = graceExpired ? 'free' : stored;
  return { plan, limits: PLANS[plan].limits, billing, graceExpired };
}

/** Reads a guild's plan (a guild without a record is on Free). */
export async function readGuildPlan(store: Store, guildId: string, now: Date): Promise<GuildPlan> {
  const record = await store.guilds
    .findById(guildId, { plan: 1, billing: 1 })
    .lean<Pick<GuildRecord, 'plan' | 'billing'>>();
  return effectivePlan(record, now);
}

/** A calendar month (UTC): the period runs are counted in. */
export interface Period {
  /** `YYYY-MM`. */
  key: string;
  start: Date;
  end: Date;
}

/**
 * The counting period `now` falls in: the calendar month in UTC, for every plan (a subscription's
 * own period may start mid-month; counting by calendar month keeps Free and paid guilds alike).
 *
 * @example
 * periodOf(new Date('2026-02-10T00:00:00Z')).key; // '2026-02'
 */
export function periodOf(now: Date): Period {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { key: start.toISOString().slice(0, 7), start, end };
}

/** The id of a guild's usage document for a period. */
export function usageId(guildId: string, period: Period): string {
  return `${guildId}:${period.key}`;
}

/** Published (enabled, live) graphs of a guild. */
export const PUBLISHED = { enabled: true, deletedAt: null, publishedVersion: { $ne: null } };

/** What the billing answer shows as usage. */
export async function usageOf(
  store: Store,
  guildId: string,
  now: Date,
): Promise<{
  publishedGraphs: number;
  runsThisPeriod: number;
  periodStart: Date;
  periodEnd: Date;
}> {
  const period = periodOf(now);
  const [publishedGraphs, usage] = await Promise.all([
    store.graphs.countDocuments({ guildId, ...PUBLISHED }),
    store.usage.findById(usageId(guildId, period), { runs: 1 }).lean<{ runs: number }>(),
  ]);
  return {
    publishedGraphs,
    runsThisPeriod: usage?.runs ?? 0,
    periodStart: period.start,
    periodEnd: period.end,
  };
}
