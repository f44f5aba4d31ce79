/** `stripe.getCustomer` and `stripe.createCustomer`, on the guild's own Stripe account. */
import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { defineExecutor } from '@guildflow/engine/service';
import { callStripe, idempotencyKey, openAccount, type StripeExecutorDeps } from './account.js';

export const getCustomer = defineExecutor(
  'stripe.getCustomer',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    await deps.ownership.assertOwned(context.guildId, config.customerId);
    const account = await openAccount(deps, context, config.credential);
    const customer = await callStripe(account, 'stripe.getCustomer', (s) =>
      s.customers.retrieve(config.customerId),
    );
    if (customer.deleted)
      throw ApplicationFailure.create({
        type: ERROR_TYPES.stripeRequestError,
        message: `Stripe customer ${customer.id} was deleted.`,
        nonRetryable: true,
      });
    return {
      id: customer.id,
      email: customer.email ?? null,
      name: customer.name ?? null,
      metadata: customer.metadata,
    };
  },
);

export const createCustomer = defineExecutor(
  'stripe.createCustomer',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    const account = await openAccount(deps, context, config.credential);
    const customer = await callStripe(account, 'stripe.createCustomer', (s) =>
      s.customers.create(
        {
          email: config.email,
          ...(config.name === undefined ? {} : { name: config.name }),
          ...(config.metadata === undefined ? {} : { metadata: config.metadata }),
        },
        { idempotencyKey: idempotencyKey(context) },
      ),
    );
    await deps.ownership.record(context.guildId, customer.id);
    return { customerId: customer.id };
  },
);
