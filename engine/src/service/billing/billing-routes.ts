import { Router, type Request } from 'express';
import type Stripe from 'stripe';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { baseUrlOf, guildContext, type GuildContext } from '../http/context.js';
import { requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { log, messageOf } from '../log.js';
import { isDuplicateKey, recordAudit, withKeyLock, type GuildRecord } from '../storage/index.js';
import { stripeClient } from '../stripe/stripe-client.js';
import { readGuildPlan, usageOf } from './billing-state.js';
import { billingNow, billingOf, type BillingSettings } from './billing-settings.js';
import { settleGrace } from './downgrade.js';
import { PLANS, PLAN_IDS, type PaidPlanId } from './plans.js';
import { CheckoutBodySchema } from './schemas.js';

/**
 * The billing routes under `/api/guilds/:guildId` (guild access already checked): the guild's
 * plan, usage and invoices, a Stripe Checkout session to subscribe, and the customer portal.
 * With billing off (no `STRIPE_SECRET_KEY`) the answer says so and the two POSTs answer 404
 * `billing_off`.
 *
 * @example
 * app.use('/api/guilds/:guildId', billingRoutes(deps));
 */
export function billingRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });

  router.get('/billing', async (req, res) => {
    const settings = billingOf(deps);
    if (!settings) {
      res.json({ billing: 'off', plan: 'self-hosted', limits: null });
      return;
    }
    const ctx = await guildContext(deps, req, res);
    const now = billingNow(settings);
    await settleGrace(deps, ctx.store, ctx.guildId, now);
    const [current, usage] = await Promise.all([
      readGuildPlan(ctx.store, ctx.guildId, now),
      usageOf(ctx.store, ctx.guildId, now),
    ]);
    const billing = current.billing;
    const plan = PLANS[current.plan];
    res.json({
      billing: 'on',
      plan: plan.id,
      planName: plan.name,
      status: billing?.status ?? 'active',
      ...(billing?.status === 'past_due' && billing.graceEndsAt
        ? { graceEndsAt: billing.graceEndsAt.toISOString() }
        : {}),
      limits: plan.limits,
      usage: {
        publishedGraphs: usage.publishedGraphs,
        runsThisPeriod: usage.runsThisPeriod,
        periodStart: usage.periodStart.toISOString(),
        periodEnd: usage.periodEnd.toISOString(),
      },
      ...(billing?.renewsAt && current.plan !== 'free'
        ? { renewsAt: billing.renewsAt.toISOString() }
        : {}),
      ...(billing
        ? {
            invoices: billing.invoices.map((i) => ({
              id: i.id,
              number: i.number,
              status: i.status,
              amountPaid: i.amountPaid,
              currency: i.currency,
              createdAt: i.createdAt.toISOString(),
              ...(i.url ? { url: i.url } : {}),
            })),
          }
        : {}),
      plans: PLAN_IDS.map((id) => ({
        id,
        name: PLANS[id].name,
        priceMonthly: PLANS[id].priceMonthly,
        limits: PLANS[id].limits,
      })),
      disabledGraphs: billing?.disabledGraphs ?? [],
    });
  });

  router.post('/billing/checkout', requireJson, async (req, res) => {
    const settings = requireBilling(deps);
    const { plan } = check(CheckoutBodySchema, req.body, 'body');
    const ctx = await guildContext(deps, req, res);
    const current = await readGuildPlan(ctx.store, ctx.guildId, billingNow(settings));
    if (current.billing?.subscriptionId)
      throw current.plan === plan
        ? new ApiError(
            409,
            'already_on_plan',
            `This server is already on ${PLANS[plan].name}. To change or cancel the subscription, open the billing portal (POST …/billing/portal).`,
          )
        : // A second Checkout would start a second subscription: both would be charged.
          new ApiError(
            409,
            'subscription_exists',
            `This server already pays for ${PLANS[current.plan].name}. Change it to ${PLANS[plan].name} in the billing portal (Manage billing, POST …/billing/portal), where Stripe prorates the change instead of charging two subscriptions.`,
          );
    const stripe = stripeClient(settings.secretKey, settings.apiBase);
    const customer = await customerOf(ctx, stripe);
    const back = `${baseUrlOf(deps, req)}/guilds/${ctx.guildId}/billing`;
    const session = await stripeCall(async () =>
      stripe.checkout.sessions.create({
        mode: 'subscription',
        customer,
        line_items: [{ price: await priceOf(stripe, settings, plan), quantity: 1 }],
        allow_promotion_codes: true,
        client_reference_id: ctx.guildId,
        metadata: { guildId: ctx.guildId, plan },
        subscription_data: { metadata: { guildId: ctx.guildId, plan } },
        success_url: `${back}?checkout=success`,
        cancel_url: `${back}?checkout=cancelled`,
      }),
    );
    if (!session.url) throw stripeFailed('Stripe returned a checkout session without a URL');
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'billing.checkout',
      guildId: ctx.guildId,
      note: `checkout ${session.id} for ${plan}`,
    });
    res.json({ url: session.url });
  });

  router.post('/billing/portal', async (req: Request, res) => {
    const settings = requireBilling(deps);
    const ctx = await guildContext(deps, req, res);
    const guild = await ctx.store.guilds
      .findById(ctx.guildId, { billing: 1 })
      .lean<Pick<GuildRecord, 'billing'>>();
    const customer = guild?.billing?.customerId;
    if (!customer)
      throw new ApiError(
        409,
        'no_customer',
        'This server has no subscription to manage yet: choose a plan first (POST …/billing/checkout), then the portal shows its invoices and payment method.',
      );
    const stripe = stripeClient(settings.secretKey, settings.apiBase);
    const session = await stripeCall(() =>
      stripe.billingPortal.sessions.create({
        customer,
        return_url: `${baseUrlOf(deps, req)}/guilds/${ctx.guildId}/billing`,
      }),
    );
    res.json({ url: session.url });
  });

  return router;
}

function requireBilling(deps: ServiceDeps): BillingSettings {
  const settings = billingOf(deps);
  if (!settings)
    throw new ApiError(
      404,
      'billing_off',
      'This Guildflow install has no billing (STRIPE_SECRET_KEY is not set): every server is unlimited, there is nothing to buy.',
    );
  return settings;
}

/**
 * The guild's Stripe customer on the service's account: the one recorded for it, else a new one
 * (one at a time per guild, so two clicks make one customer).
 */
async function customerOf(ctx: GuildContext, stripe: Stripe): Promise<string> {
  return withKeyLock(`billing:${ctx.guildId}`, async () => {
    const guild = await ctx.store.guilds
      .findById(ctx.guildId, { billing: 1 })
      .lean<Pick<GuildRecord, 'billing'>>();
    if (guild?.billing?.customerId) return guild.billing.customerId;
    const customer = await stripeCall(() =>
      stripe.customers.create({
        description: `Discord server ${ctx.guildId}`,
        metadata: { guildId: ctx.guildId },
      }),
    );
    await ctx.store.guilds
      .updateOne(
        { _id: ctx.guildId },
        { $setOnInsert: { name: null, settings: {}, plan: 'free', createdAt: new Date() } },
        { upsert: true },
      )
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
    await ctx.store.guilds.updateOne(
      { _id: ctx.guildId },
      {
        $set: {
          billing: {
            customerId: customer.id,
            subscriptionId: guild?.billing?.subscriptionId ?? null,
            status: guild?.billing?.status ?? 'active',
            graceEndsAt: guild?.billing?.graceEndsAt ?? null,
            renewsAt: guild?.billing?.renewsAt ?? null,
            invoices: guild?.billing?.invoices ?? [],
            disabledGraphs: guild?.billing?.disabledGraphs ?? [],
          },
        },
      },
    );
    return customer.id;
  });
}

/** The Stripe price of a plan: the configured price id, else the active price with its lookup key. */
async function priceOf(
  stripe: Stripe,
  settings: BillingSettings,
  plan: PaidPlanId,
): Promise<string> {
  const configured = settings.prices?.[plan];
  if (configured) return configured;
  const lookupKey = PLANS[plan].lookupKey ?? '';
  const prices = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const price = prices.data[0];
  if (!price)
    throw new ApiError(
      503,
      'billing_misconfigured',
      `No active Stripe price has the lookup key "${lookupKey}": create one for ${PLANS[plan].name} in the Stripe Dashboard (docs/billing.md), or set STRIPE_PRICE_${plan.toUpperCase()} to its price id.`,
    );
  return price.id;
}

/**
 * A Stripe call; Stripe's failures become 502 `stripe_unavailable` (our own ApiErrors pass). The
 * answer names Stripe's error code only, and the log line has any key-like text masked: an
 * error message may quote the Authorization header.
 */
async function stripeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    log('error', 'billing.stripe_failed', {
      error: messageOf(error).replace(/\b(sk|rk)_(test|live)_\w+/g, '$1_$2_…'),
    });
    const { code, type } = error as { code?: unknown; type?: unknown };
    throw stripeFailed(String(code ?? type ?? 'no answer'));
  }
}

function stripeFailed(reason: string): ApiError {
  return new ApiError(
    502,
    'stripe_unavailable',
    `Stripe did not complete the request (${reason}). Nothing was charged; try again in a moment.`,
  );
}
