import { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { applyBillingEvent } from '../billing/billing-events.js';
import { billingOf } from '../billing/billing-settings.js';
import { log } from '../log.js';
import { openStore, withKeyLock } from '../storage/index.js';
import { stripeRawBody, verifiedStripeEvent } from './stripe-signature.js';

/**
 * `POST /stripe/webhook`: the webhook endpoint of the service's own Stripe account — billing
 * only (a guild's own account events reach `trigger.stripeEvent` graphs by their own route). The
 * raw body is verified against the `Stripe-Signature` header with the endpoint's signing secret
 * (stripe-node's `constructEvent`); a missing secret answers 503, a bad signature 400 — nothing
 * changes either way. A verified event updates the plan of the guild whose customer it concerns
 * (`applyBillingEvent`: idempotent by event id, audited) and answers
 * `200 { received: true, applied, duplicate }`; with billing off it is acknowledged and ignored.
 * When the store is down it answers 503, so Stripe delivers again.
 *
 * @example
 * app.use(stripeWebhookRoutes(deps)); // before any JSON body parser
 */
export function stripeWebhookRoutes(deps: ServiceDeps): Router {
  const router = Router();
  router.post('/stripe/webhook', stripeRawBody, async (req, res) => {
    const secret = deps.stripeWebhookSecret;
    if (!secret)
      throw new ApiError(
        503,
        'stripe_not_configured',
        'Stripe webhooks are not set up on this Guildflow: set STRIPE_WEBHOOK_SECRET to the signing secret (whsec_…) of this endpoint — Stripe Dashboard → Developers → Webhooks, or the one `stripe listen` prints — and restart.',
      );
    const event = verifiedStripeEvent(
      req,
      secret,
      `check that STRIPE_WEBHOOK_SECRET is the secret of this endpoint.`,
    );
    const settings = billingOf(deps);
    if (!settings) {
      log('info', 'billing.off_event_ignored', { eventId: event.id, type: event.type });
      res.json({ received: true, applied: false, duplicate: false });
      return;
    }
    const store = await openStore(deps.mongo);
    // One delivery of an event at a time in this process: a concurrent retry waits and then
    // finds the event applied.
    const result = await withKeyLock(`billing-event:${event.id}`, () =>
      applyBillingEvent(deps, settings, store, event),
    );
    res.json({ received: true, applied: result.applied, duplicate: result.duplicate });
  });
  return router;
}
