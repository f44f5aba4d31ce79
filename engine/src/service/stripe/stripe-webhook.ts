import express, { Router } from 'express';
import Stripe from 'stripe';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';

/** Stripe's events are far smaller; anything bigger is not from Stripe. */
const STRIPE_BODY_LIMIT = '1mb';

/**
 * `POST /stripe/webhook`: the webhook endpoint of the service's own Stripe account (billing).
 * The raw body is verified against the `Stripe-Signature` header with the endpoint's signing
 * secret (stripe-node's `constructEvent`); a missing secret answers 503, a bad signature 400.
 * A verified event is acknowledged `200 { received: true }`. It starts no graph: a guild's
 * `trigger.stripeEvent` graphs hear their own account's events at
 * `/stripe/webhook/guilds/:guildId/:credential` (stripe-guild-webhook.ts).
 *
 * @example
 * app.use(stripeWebhookRoutes(deps)); // before any JSON body parser
 */
export function stripeWebhookRoutes(deps: ServiceDeps): Router {
  const router = Router();
  router.post(
    '/stripe/webhook',
    // The signature covers the exact bytes, so the body must not be parsed first.
    express.raw({ type: () => true, limit: STRIPE_BODY_LIMIT }),
    async (req, res) => {
      const secret = deps.stripeWebhookSecret;
      if (!secret)
        throw new ApiError(
          503,
          'stripe_not_configured',
          'Stripe webhooks are not set up on this Guildflow: set STRIPE_WEBHOOK_SECRET to the signing secret (whsec_…) of this endpoint — Stripe Dashboard → Developers → Webhooks, or the one `stripe listen` prints — and restart.',
        );
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        Stripe.webhooks.constructEvent(raw, req.get('Stripe-Signature') ?? '', secret);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new ApiError(
          400,
          'invalid_signature',
          `The Stripe-Signature header does not verify this body (${reason}). Stripe signs each delivery with the endpoint's signing secret: check that STRIPE_WEBHOOK_SECRET is the secret of this endpoint.`,
        );
      }
      res.json({ received: true });
    },
  );
  return router;
}
