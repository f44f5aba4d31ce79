/**
 * The Stripe connector: the executors of the `stripe.*` actions. Until they are implemented the
 * actions are declared `unavailable` (validation refuses graphs that use them) and their
 * executors fail at once.
 */
import { STRIPE_NODES, type ActionActivities, type ActionTypeId } from '@guildflow/engine/core';
import { unavailableExecutor } from '@guildflow/engine/service';

/** The type ids of the Stripe action nodes. */
export type StripeNodeType = Extract<ActionTypeId, (typeof STRIPE_NODES)[number]['type']>;

/** The Stripe activities, for the worker to register. */
export function createStripeExecutors(): Pick<ActionActivities, StripeNodeType> {
  return {
    'stripe.getCustomer': unavailableExecutor('stripe.getCustomer'),
    'stripe.createCustomer': unavailableExecutor('stripe.createCustomer'),
    'stripe.getSubscription': unavailableExecutor('stripe.getSubscription'),
    'stripe.cancelSubscription': unavailableExecutor('stripe.cancelSubscription'),
    'stripe.createCheckoutSession': unavailableExecutor('stripe.createCheckoutSession'),
  };
}
