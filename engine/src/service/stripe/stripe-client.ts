import Stripe from 'stripe';

/**
 * A stripe-node client for one secret key: the service's own (billing) or a guild's connected
 * account (its `stripe` credential) — never one for the other. `apiBase` (`STRIPE_API_BASE`,
 * e.g. `http://127.0.0.1:12111`) points it at stripe-mock for tests and local development;
 * unset, it talks to api.stripe.com.
 *
 * @example
 * const stripe = stripeClient(credential.secretKey, settings.stripeApiBase);
 */
export function stripeClient(secretKey: string, apiBase?: string): Stripe {
  const options: Stripe.StripeConfig = {
    // Stripe's own retry logic honours Idempotency-Key, so a retried create makes one object.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'Guildflow' },
  };
  if (apiBase) {
    const url = new URL(apiBase);
    options.host = url.hostname;
    options.port = url.port || (url.protocol === 'https:' ? 443 : 80);
    options.protocol = url.protocol === 'https:' ? 'https' : 'http';
  }
  return new Stripe(secretKey, options);
}
