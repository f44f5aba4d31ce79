/** `stripe.getSubscription` and `stripe.cancelSubscription`, on the guild's own Stripe account. */
import type { NodeTypeMap, OutputOf } from '@guildflow/engine/core';
import { defineExecutor } from '@guildflow/engine/service';
import Stripe from 'stripe';
import { callStripe, idempotencyKey, openAccount, type StripeExecutorDeps } from './account.js';

type SubscriptionOutput = OutputOf<NodeTypeMap['stripe.getSubscription']>;

/** The node output of a subscription (the paid period's end is on its items since 2025-03). */
export function subscriptionOutput(subscription: Stripe.Subscription): SubscriptionOutput {
  const items = subscription.items.data;
  const periodEnd = items
    .map((item) => item.current_period_end)
    .filter((end): end is number => typeof end === 'number')
    .sort((a, b) => a - b)[0];
  return {
    id: subscription.id,
    status: subscription.status,
    customerId:
      typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
    priceIds: items.map((item) => item.price.id),
    currentPeriodEnd: periodEnd === undefined ? null : new Date(periodEnd * 1000).toISOString(),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    metadata: subscription.metadata,
  };
}

export const getSubscription = defineExecutor(
  'stripe.getSubscription',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    await deps.ownership.assertOwned(context.guildId, config.subscriptionId);
    const account = await openAccount(deps, context, config.credential);
    const subscription = await callStripe(account, 'stripe.getSubscription', (s) =>
      s.subscriptions.retrieve(config.subscriptionId),
    );
    return subscriptionOutput(subscription);
  },
);

export const cancelSubscription = defineExecutor(
  'stripe.cancelSubscription',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    await deps.ownership.assertOwned(context.guildId, config.subscriptionId);
    const account = await openAccount(deps, context, config.credential);
    const id = config.subscriptionId;
    const subscription = await callStripe(account, 'stripe.cancelSubscription', async (s) => {
      if (config.atPeriodEnd ?? true)
        return s.subscriptions.update(
          id,
          { cancel_at_period_end: true },
          { idempotencyKey: idempotencyKey(context) },
        );
      try {
        return await s.subscriptions.cancel(id, {}, { idempotencyKey: idempotencyKey(context) });
      } catch (error) {
        // Cancelling twice is fine: Stripe refuses the second; answer the subscription as it is.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        const current = await s.subscriptions.retrieve(id);
        if (current.status !== 'canceled') throw error;
        return current;
      }
    });
    return subscriptionOutput(subscription);
  },
);
