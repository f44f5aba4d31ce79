/**
 * How a Stripe step fails: Stripe's errors classified into the shared codes (`ERROR_TYPES`),
 * retryable or not, with a message that says what to do and never shows a key.
 *
 * | Stripe says                                  | type                 | retried |
 * | -------------------------------------------- | -------------------- | ------- |
 * | rate limited (429)                           | `RateLimited`        | yes     |
 * | could not connect                            | `ConnectionError`    | yes     |
 * | a 5xx / `api_error`                          | `HttpServerError`    | yes     |
 * | card, invalid request, idempotency, 4xx      | `StripeRequestError` | no      |
 * | bad or revoked key, missing permission       | `NotConfigured`      | no      |
 */
import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import Stripe from 'stripe';

/** Stripe keys as they may appear in a message (Stripe masks them, but never rely on it). */
const KEY_PATTERN = /\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9*]+/g;

/**
 * The failure for an error a Stripe call threw.
 *
 * @example
 * throw stripeFailure(error, 'stripe.getCustomer', secretKey);
 */
export function stripeFailure(error: unknown, step: string, secretKey: string): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  const said = (error instanceof Error ? error.message : String(error))
    .split(secretKey)
    .join('[key]')
    .replace(KEY_PATTERN, '[key]')
    .slice(0, 500);
  if (!(error instanceof Stripe.errors.StripeError)) {
    return ApplicationFailure.create({
      type: ERROR_TYPES.error,
      message: `${step} failed: ${said}`,
      nonRetryable: false,
    });
  }
  const status = error.statusCode;
  if (error instanceof Stripe.errors.StripeRateLimitError || status === 429)
    return retryable(
      ERROR_TYPES.rateLimited,
      `${step}: Stripe is rate limiting this account (retried).`,
    );
  if (error instanceof Stripe.errors.StripeConnectionError)
    return retryable(
      ERROR_TYPES.connectionError,
      `${step} could not reach Stripe: ${said} (retried).`,
    );
  if (error instanceof Stripe.errors.StripeAPIError || (status !== undefined && status >= 500))
    return retryable(
      ERROR_TYPES.httpServerError,
      `${step}: Stripe had an error: ${said} (retried).`,
    );
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  )
    return ApplicationFailure.create({
      type: ERROR_TYPES.notConfigured,
      message: `${step}: Stripe refused the credential's secret key (${error.type}). Check that the stripe credential holds a valid secret or restricted key of the account with the permissions this step needs; replace it with DELETE and POST /api/guilds/:guildId/credentials.`,
      nonRetryable: true,
    });
  return ApplicationFailure.create({
    type: ERROR_TYPES.stripeRequestError,
    message: `${step}: Stripe refused the request${error.code ? ` (${error.code})` : ''}: ${said}`,
    nonRetryable: true,
  });
}

function retryable(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: false });
}
