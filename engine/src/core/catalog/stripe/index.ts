import { cancelSubscription } from './cancel-subscription.js';
import { createCheckoutSession } from './create-checkout-session.js';
import { createCustomer } from './create-customer.js';
import { createPromotionCode } from './create-promotion-code.js';
import { deactivatePromotionCode } from './deactivate-promotion-code.js';
import { getCustomer } from './get-customer.js';
import { getSubscription } from './get-subscription.js';

/**
 * The Stripe action node types, in palette order.
 *
 * @example
 * STRIPE_NODES.map((d) => d.type); // ['stripe.getCustomer', …]
 */
export const STRIPE_NODES = [
  getCustomer,
  createCustomer,
  getSubscription,
  cancelSubscription,
  createCheckoutSession,
  createPromotionCode,
  deactivatePromotionCode,
] as const;

export {
  cancelSubscription as stripeCancelSubscription,
  createCheckoutSession as stripeCreateCheckoutSession,
  createCustomer as stripeCreateCustomer,
  createPromotionCode as stripeCreatePromotionCode,
  deactivatePromotionCode as stripeDeactivatePromotionCode,
  getCustomer as stripeGetCustomer,
  getSubscription as stripeGetSubscription,
};
