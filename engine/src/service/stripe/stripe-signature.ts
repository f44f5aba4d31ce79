import express, { type Request } from 'express';
import Stripe from 'stripe';
import { ApiError } from '../errors.js';

/**
 * The raw body of a Stripe delivery, unparsed: the signature covers the exact bytes. Stripe's
 * events are far smaller than 1 MB; anything bigger is not from Stripe.
 */
export const stripeRawBody = express.raw({ type: () => true, limit: '1mb' });

/**
 * The event of a Stripe delivery, verified against its `Stripe-Signature` header with the
 * endpoint's signing secret (stripe-node's `constructEvent`, 5-minute tolerance). A missing or
 * wrong signature throws 400 `invalid_signature`; `fix` says which secret to check.
 */
export function verifiedStripeEvent(req: Request, secret: string, fix: string): Stripe.Event {
  const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  try {
    return Stripe.webhooks.constructEvent(raw, req.get('Stripe-Signature') ?? '', secret);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ApiError(
      400,
      'invalid_signature',
      `The Stripe-Signature header does not verify this body (${reason}). Stripe signs each delivery with the endpoint's signing secret: ${fix}`,
    );
  }
}
