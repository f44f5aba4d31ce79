import type { BillingOn, Limits, Money } from '../api/billing-queries.js';

/** A date as people read it: "Jan 5, 2027". */
export function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/**
 * An amount in minor units (cents) in its currency: "€9.00".
 *
 * @example
 * money({ amount: 900, currency: 'usd' }); // '$9.00'
 */
export function money({ amount, currency }: Money): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 100);
}

/** A count against its limit: "3 of 5", "3 (unlimited)". */
export function ofLimit(used: number, limit: number | null): string {
  return limit === null
    ? `${used.toLocaleString()} (unlimited)`
    : `${used.toLocaleString()} of ${limit.toLocaleString()}`;
}

/** Seconds as the shortest schedule words: "every minute", "every 15 minutes", "every hour". */
function interval(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? 'every second' : `every ${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'every minute' : `every ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'every hour' : `every ${hours} hours`;
}

/** The rows of the plan comparison, in order, with each limit in words. */
export const LIMIT_ROWS: { label: string; words(limits: Limits): string }[] = [
  {
    label: 'Published graphs',
    words: (l) => (l.publishedGraphs === null ? 'Unlimited' : String(l.publishedGraphs)),
  },
  {
    label: 'Runs a month',
    words: (l) => (l.runsPerMonth === null ? 'Unlimited' : l.runsPerMonth.toLocaleString()),
  },
  { label: 'Schedules at most', words: (l) => interval(l.minScheduleIntervalSeconds) },
  {
    label: 'Run history kept',
    words: (l) => `${l.runRetentionDays} day${l.runRetentionDays === 1 ? '' : 's'}`,
  },
  {
    label: 'Sandbox time compression',
    words: (l) => `up to ×${l.maxTimeCompression.toLocaleString()}`,
  },
];

/** The badge's words: the plan, or the failed payment with its deadline. */
export function planWords(billing: BillingOn): {
  text: string;
  tone: 'info' | 'danger' | 'neutral';
} {
  if (billing.status === 'past_due')
    return {
      text: billing.graceEndsAt
        ? `Payment failed — fix by ${day(billing.graceEndsAt)}`
        : 'Payment failed',
      tone: 'danger',
    };
  return { text: billing.planName, tone: billing.plan === 'free' ? 'neutral' : 'info' };
}
