/**
 * The plans of the hosted service, as data: the one place their limits and prices live. Every
 * check (publish, run start, sandbox, run list) reads its limit from here; docs/billing.md shows
 * the same table.
 */

/** The plan ids. `free` is every guild's plan until it pays. */
export const PLAN_IDS = ['free', 'premium', 'enterprise'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** What a plan allows; `null` = unlimited. */
export interface Limits {
  /** Graphs published (enabled) at once. */
  publishedGraphs: number | null;
  /** Runs the gateway starts per calendar month (UTC). */
  runsPerMonth: number | null;
  /** Shortest interval a `trigger.schedule` may repeat at. */
  minScheduleIntervalSeconds: number;
  /** How far back the run list reaches. */
  runRetentionDays: number;
  /** Highest `timeScale` of a test run. */
  maxTimeCompression: number;
}

/** One plan: its limits and, for a paid plan, the Stripe price it is sold at. */
export interface Plan {
  id: PlanId;
  name: string;
  /** Per month, in the currency's minor unit (cents); null for the free plan. */
  priceMonthly: { amount: number; currency: string } | null;
  /**
   * The Stripe price's lookup key (`STRIPE_PRICE_PREMIUM` / `STRIPE_PRICE_ENTERPRISE` name a
   * price id instead). A lookup key lets the price change in the Dashboard without a deploy.
   */
  lookupKey: string | null;
  limits: Limits;
  /** Position in the upgrade order: a lower rank is a downgrade. */
  rank: number;
}

export const PLANS: Readonly<Record<PlanId, Plan>> = {
  free: {
    id: 'free',
    name: 'Free',
    priceMonthly: null,
    lookupKey: null,
    rank: 0,
    limits: {
      publishedGraphs: 3,
      runsPerMonth: 1_000,
      minScheduleIntervalSeconds: 15 * 60,
      runRetentionDays: 7,
      maxTimeCompression: 60,
    },
  },
  premium: {
    id: 'premium',
    name: 'Premium',
    priceMonthly: { amount: 500, currency: 'usd' },
    lookupKey: 'guildflow_premium_monthly',
    rank: 1,
    limits: {
      publishedGraphs: 25,
      runsPerMonth: 50_000,
      minScheduleIntervalSeconds: 60,
      runRetentionDays: 30,
      maxTimeCompression: 3_600,
    },
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    priceMonthly: { amount: 2_500, currency: 'usd' },
    lookupKey: 'guildflow_enterprise_monthly',
    rank: 2,
    limits: {
      publishedGraphs: null,
      runsPerMonth: null,
      minScheduleIntervalSeconds: 60,
      runRetentionDays: 90,
      maxTimeCompression: 86_400,
    },
  },
};

/** The paid plans, which checkout sells. */
export const PAID_PLANS = ['premium', 'enterprise'] as const satisfies readonly PlanId[];
export type PaidPlanId = (typeof PAID_PLANS)[number];

/**
 * The plan a stored value names. Guild records from before plans had ids say `pro` (the only
 * paid plan then), which is Premium now; anything unknown reads as Free.
 *
 * @example
 * planOf('pro'); // 'premium'
 */
export function planOf(stored: unknown): PlanId {
  if (stored === 'pro') return 'premium';
  return (PLAN_IDS as readonly unknown[]).includes(stored) ? (stored as PlanId) : 'free';
}

/** True when `value` names a plan checkout sells. */
export function isPaidPlan(value: unknown): value is PaidPlanId {
  return (PAID_PLANS as readonly unknown[]).includes(value);
}
