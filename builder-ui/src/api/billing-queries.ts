/**
 * A guild's plan and billing (DESIGN.md, Billing): `GET /api/guilds/:guildId/billing`, and the
 * Stripe Checkout and customer-portal links. Self-hosted installs answer `billing: "off"` and
 * the builder then shows nothing about plans.
 *
 * The routes are not in the generated `openapi.ts` yet, so the shapes are written here; once
 * they are, replace these types by `components['schemas'][…]` and {@link billingRequest} by
 * `call(api.GET(…))` — the hooks' signatures stay.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, call, storedToken } from './client.js';

/** A plan's limits; `null` is unlimited. */
export interface Limits {
  publishedGraphs: number | null;
  runsPerMonth: number | null;
  minScheduleIntervalSeconds: number;
  runRetentionDays: number;
  maxTimeCompression: number;
}

export type PlanId = 'free' | 'premium' | 'enterprise';

/** An amount in the currency's minor unit (cents), as Stripe counts it. */
export interface Money {
  amount: number;
  currency: string;
}

export interface Plan {
  id: PlanId;
  name: string;
  /** Null: no monthly price (Free). */
  priceMonthly: Money | null;
  limits: Limits;
}

export interface Invoice {
  id: string;
  number: string | null;
  status: string;
  amountPaid: number;
  currency: string;
  createdAt: string;
  url?: string;
}

/** Self-hosted: no plans, no limits, no billing UI. */
export interface BillingOff {
  billing: 'off';
  plan: 'self-hosted';
  limits: null;
}

/** The hosted service: the guild's plan, its use this period and what it may change to. */
export interface BillingOn {
  billing: 'on';
  plan: PlanId;
  planName: string;
  status: 'active' | 'past_due' | 'canceled';
  /** After a failed payment: when the plan falls back to Free unless it is paid. */
  graceEndsAt?: string;
  limits: Limits;
  usage: {
    publishedGraphs: number;
    runsThisPeriod: number;
    periodStart: string;
    periodEnd: string;
  };
  renewsAt?: string;
  invoices?: Invoice[];
  plans: Plan[];
  /** Graphs a downgrade turned off (the newest beyond the new limit). */
  disabledGraphs: { graphId: string; name: string }[];
}

export type Billing = BillingOff | BillingOn;

const OFF: BillingOff = { billing: 'off', plan: 'self-hosted', limits: null };

export const billingKey = (guildId: string) => ['guilds', guildId, 'billing'] as const;

/** One request to a route the typed client does not know yet, failing as {@link call} does. */
export function billingRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
  return call<T>(
    (async () => {
      const headers = new Headers({ Accept: 'application/json' });
      const token = storedToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      if (body !== undefined) headers.set('Content-Type', 'application/json');
      const response = await globalThis.fetch(
        new Request(`${globalThis.location?.origin ?? ''}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const parsed = (await response.json().catch(() => undefined)) as unknown;
      return response.ok ? { data: parsed as T, response } : { error: parsed, response };
    })(),
  );
}

/**
 * The guild's billing. A service without the billing routes (older than plans) answers 404:
 * that is billing off too, so the builder still works against it.
 */
export function useBilling(guildId: string) {
  return useQuery<Billing, ApiError>({
    queryKey: billingKey(guildId),
    queryFn: async () => {
      try {
        return await billingRequest<Billing>('GET', `/api/guilds/${guildId}/billing`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return OFF;
        throw error;
      }
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
    mutationFn: (plan: PlanId) =>
      billingRequest<{ url: string }>('POST', `/api/guilds/${guildId}/billing/checkout`, { plan }),
  });
}

/** Opens Stripe's customer portal (payment method, invoices, cancel); answers its page. */
export function usePortal(guildId: string) {
  return useMutation({
    mutationFn: () =>
      billingRequest<{ url: string }>('POST', `/api/guilds/${guildId}/billing/portal`),
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
