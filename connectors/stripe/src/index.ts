/**
 * The Stripe connector: the executors of the `stripe.*` actions. Each step uses the Stripe
 * account of its own guild — the `stripe` credential the node names, never the service's
 * billing key — and touches only the objects that guild owns (docs/stripe.md).
 */
import { STRIPE_NODES, type ActionActivities, type ActionTypeId } from '@guildflow/engine/core';
import type { StripeExecutorDeps } from './account.js';
import { createCheckoutSession } from './checkout.js';
import { createCustomer, getCustomer } from './customers.js';
import { createPromotionCode, deactivatePromotionCode } from './promotion-codes.js';
import { cancelSubscription, getSubscription } from './subscriptions.js';

export { idempotencyKey, type StripeExecutorDeps } from './account.js';
export type {
  CredentialSource,
  OtherCredential,
  StripeAccountCredential,
  StripeOwnership,
} from './ports.js';

/** The type ids of the Stripe action nodes. */
export type StripeNodeType = Extract<ActionTypeId, (typeof STRIPE_NODES)[number]['type']>;

/**
 * The Stripe activities, for the worker to register.
 *
 * @example
 * createStripeExecutors({ credentials, ownership, apiBase: settings.stripeApiBase });
 */
export function createStripeExecutors(
  deps: StripeExecutorDeps,
): Pick<ActionActivities, StripeNodeType> {
  return {
    'stripe.getCustomer': getCustomer(deps),
    'stripe.createCustomer': createCustomer(deps),
    'stripe.getSubscription': getSubscription(deps),
    'stripe.cancelSubscription': cancelSubscription(deps),
    'stripe.createCheckoutSession': createCheckoutSession(deps),
    'stripe.createPromotionCode': createPromotionCode(deps),
    'stripe.deactivatePromotionCode': deactivatePromotionCode(deps),
  };
}
