/**
 * Opening a guild's Stripe account for one step: its `stripe` credential by name, a client for
 * that key only (never the service's billing key), and the step's idempotency key.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES, type ActionContext } from '@guildflow/engine/core';
import { stripeClient } from '@guildflow/engine/service';
import type Stripe from 'stripe';
import { stripeFailure } from './errors.js';
import type { CredentialSource, StripeOwnership } from './ports.js';

/** What the executors are bound to (the worker builds it). */
export interface StripeExecutorDeps {
  credentials: CredentialSource;
  ownership: StripeOwnership;
  /** `STRIPE_API_BASE` (stripe-mock in tests); unset, api.stripe.com. */
  apiBase?: string | undefined;
}

/** A guild's account opened for a step. */
export interface OpenedAccount {
  stripe: Stripe;
  /** The key, to mask wherever Stripe's words are quoted. */
  secretKey: string;
}

/**
 * The guild's Stripe account named by `credential`. Fails non-retryably (`InvalidConfig`) when
 * the guild has no credential of that name, or one that is not of type `stripe`.
 */
export async function openAccount(
  deps: StripeExecutorDeps,
  context: ActionContext,
  credential: string,
): Promise<OpenedAccount> {
  const found = await deps.credentials.resolve(context.guildId, credential);
  if (!found)
    throw ApplicationFailure.create({
      type: ERROR_TYPES.invalidConfig,
      message: `No credential named "${credential}" in this server. Connect the server's Stripe account with POST /api/guilds/${context.guildId}/credentials (type "stripe", docs/stripe.md), or fix the node's credential name.`,
      nonRetryable: true,
    });
  if (found.type !== 'stripe')
    throw ApplicationFailure.create({
      type: ERROR_TYPES.invalidConfig,
      message: `The credential "${credential}" is a ${found.type} credential, not a Stripe account. Stripe steps need a credential of type "stripe" ({ secretKey, webhookSecret }, docs/stripe.md).`,
      nonRetryable: true,
    });
  return { stripe: stripeClient(found.secretKey, deps.apiBase), secretKey: found.secretKey };
}

/**
 * The Idempotency-Key a create sends: derived from the step (run id + node id + loop
 * iteration, stable across the activity's retries), so a retried step makes one object.
 *
 * @example
 * idempotencyKey({ idempotencyKey: 'manual_1:promo' } as ActionContext); // 'guildflow-…'
 */
export function idempotencyKey(context: Pick<ActionContext, 'idempotencyKey'>): string {
  const digest = createHash('sha256').update(context.idempotencyKey).digest('base64url');
  return `guildflow-${digest}`;
}

/**
 * Runs Stripe calls for a step, turning what Stripe throws into the step's typed failure.
 *
 * @example
 * const customer = await callStripe(account, 'stripe.getCustomer', (s) => s.customers.retrieve(id));
 */
export async function callStripe<T>(
  account: OpenedAccount,
  step: string,
  call: (stripe: Stripe) => Promise<T>,
): Promise<T> {
  try {
    return await call(account.stripe);
  } catch (error) {
    throw stripeFailure(error, step, account.secretKey);
  }
}
