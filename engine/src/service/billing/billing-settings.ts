import type { ServiceDeps } from '../deps.js';
import type { PaidPlanId } from './plans.js';

/** What billing needs when it is on (the hosted service). */
export interface BillingSettings {
  /** The service's own Stripe key (`STRIPE_SECRET_KEY`) — never a guild's. */
  secretKey: string;
  /** `STRIPE_API_BASE` (stripe-mock in tests). */
  apiBase?: string | undefined;
  /**
   * Price ids that override a plan's lookup key (`STRIPE_PRICE_PREMIUM`,
   * `STRIPE_PRICE_ENTERPRISE`).
   */
  prices?: Partial<Record<PaidPlanId, string>> | undefined;
  /** The clock of grace periods and usage months; `Date.now` by default. Tests move it. */
  now?: (() => number) | undefined;
}

/** Billing's clock. */
export function billingNow(settings: BillingSettings): Date {
  return new Date((settings.now ?? Date.now)());
}

/** The billing settings when billing is on, else undefined (self-hosted: no limits). */
export function billingOf(deps: Pick<ServiceDeps, 'billing'>): BillingSettings | undefined {
  return deps.billing?.secretKey ? deps.billing : undefined;
}
