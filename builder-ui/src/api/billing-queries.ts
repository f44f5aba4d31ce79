/**
 * A guild's plan and billing: `GET /api/guilds/:guildId/billing`, and the Stripe Checkout and
 * customer-portal links. Self-hosted installs answer `billing: "off"` and the builder then shows
 * nothing about plans.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, api, call } from './client.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];
/** A plan's limits; `null` is unlimited. */
export type Limits = Schemas['Limits'];
/** Self-hosted: no plans, no limits, no billing UI. */
export type BillingOff = Schemas['BillingOff'];
/** The hosted service: the guild's plan, its use this period and what it may change to. */
export type BillingOn = Schemas['BillingOn'];
export type Billing = Schemas['Billing'];
export type PlanId = BillingOn['plan'];
/** A plan Checkout can sell (not Free). */
export type PaidPlanId = Schemas['CheckoutBody']['plan'];
export type Plan = BillingOn['plans'][number];
/** An amount in the currency's minor unit (cents), as Stripe counts it. */
export type Money = NonNullable<Plan['priceMonthly']>;
export type Invoice = NonNullable<BillingOn['invoices']>[number];

const OFF: BillingOff = { billing: 'off', plan: 'self-hosted', limits: null };

export const billingKey = (guildId: string) => ['guilds', guildId, 'billing'] as const;

/** The guild's billing (`billing: "off"` on a self-hosted install). */
export function useBilling(guildId: string) {
  return useQuery<Billing, ApiError>({
    queryKey: billingKey(guildId),
    queryFn: async () => {
      const answer = await call(
        api.GET('/api/guilds/{guildId}/billing', { params: { path: { guildId } } }),
      );
      // The typed client drops the `limits: null` of the off answer; it is always that one.
      return answer.billing === 'on' ? answer : OFF;
    },
    enabled: guildId !== '',
    staleTime: 60_000,
    retry: (count, error) => count < 1 && (error.status === 0 || error.status >= 500),
  });
}

/** The guild's billing when it is on; undefined when off, loading or unreadable. */
export function useBillingOn(guildId: string): BillingOn | undefined {
  const billing = useBilling(guildId).data;
  return billing?.billing === 'on' ? billing : undefined;
}

/** Starts a Stripe Checkout for a plan; answers the page to send the browser to. */
export function useCheckout(guildId: string) {
  return useMutation({
    mutationFn: (plan: PaidPlanId) =>
      call(
        api.POST('/api/guilds/{guildId}/billing/checkout', {
          params: { path: { guildId } },
          body: { plan },
        }),
      ),
  });
}

/** Opens Stripe's customer portal (payment method, invoices, cancel); answers its page. */
export function usePortal(guildId: string) {
  return useMutation({
    mutationFn: () =>
      call(api.POST('/api/guilds/{guildId}/billing/portal', { params: { path: { guildId } } })),
  });
}

/** True for a link the browser may follow: http(s) only (never `javascript:`). */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** True for a refusal because of the plan (`402 plan_limit`): say it with an Upgrade link. */
export function isPlanLimit(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 402;
}
