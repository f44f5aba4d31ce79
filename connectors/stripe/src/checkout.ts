/** `stripe.createCheckoutSession`, on the guild's own Stripe account. */
import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { defineExecutor } from '@guildflow/engine/service';
import { callStripe, idempotencyKey, openAccount, type StripeExecutorDeps } from './account.js';

export const createCheckoutSession = defineExecutor(
  'stripe.createCheckoutSession',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    if (config.customerId !== undefined)
      await deps.ownership.assertOwned(context.guildId, config.customerId);
    const account = await openAccount(deps, context, config.credential);
    const session = await callStripe(account, 'stripe.createCheckoutSession', (s) =>
      s.checkout.sessions.create(
        {
          mode: config.mode ?? 'payment',
          line_items: [{ price: config.priceId, quantity: config.quantity ?? 1 }],
          success_url: config.successUrl,
          cancel_url: config.cancelUrl,
          ...(config.customerId === undefined ? {} : { customer: config.customerId }),
          ...(config.customerEmail === undefined ? {} : { customer_email: config.customerEmail }),
          ...(config.metadata === undefined ? {} : { metadata: config.metadata }),
        },
        { idempotencyKey: idempotencyKey(context) },
      ),
    );
    await deps.ownership.record(context.guildId, session.id);
    if (!session.url)
      throw ApplicationFailure.create({
        type: ERROR_TYPES.stripeRequestError,
        message: `Stripe created checkout session ${session.id} without a page URL.`,
        nonRetryable: true,
      });
    return { sessionId: session.id, url: session.url };
  },
);
