import { ApplicationFailure } from '@temporalio/common';
import { Router } from 'express';
import { GUILD_ID_PATTERN } from '../auth/index.js';
import { credentialSource } from '../credentials/credential-source.js';
import { isCredentialName } from '../credentials/schemas.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { startStripeRuns } from './stripe-events.js';
import { stripeRawBody, verifiedStripeEvent } from './stripe-signature.js';

/**
 * `POST /stripe/webhook/guilds/:guildId/:credential`: the webhook endpoint of one guild's own
 * Stripe account — the URL the guild pastes into Stripe. The raw body is verified with the
 * `webhookSecret` of the guild's `stripe` credential of that name (stripe-node's
 * `constructEvent`): an unknown guild or credential answers 404, a bad signature 400, and
 * nothing starts. A verified event belongs to that guild (it came from its account) and starts
 * its matching `trigger.stripeEvent` graphs (`startStripeRuns`; a redelivery starts nothing
 * twice), answered `200 { received: true, runs, runIds }`. When Temporal or the store is down
 * it answers 503, so Stripe delivers again.
 *
 * @example
 * app.use(stripeGuildWebhookRoutes(deps)); // before any JSON body parser
 */
export function stripeGuildWebhookRoutes(deps: ServiceDeps): Router {
  const router = Router();
  const credentials = credentialSource(deps.mongo, deps.secretKey);
  router.post('/stripe/webhook/guilds/:guildId/:credential', stripeRawBody, async (req, res) => {
    const guildId = String(req.params.guildId);
    const name = String(req.params.credential);
    const secret = await webhookSecretOf(credentials, guildId, name);
    const event = verifiedStripeEvent(
      req,
      secret,
      `store that secret (whsec_…, Stripe Dashboard → Developers → Webhooks → this endpoint) as the webhookSecret of the "${name}" credential.`,
    );
    const { runIds, started } = await startStripeRuns(deps, guildId, event);
    res.json({ received: true, runs: started, runIds });
  });
  return router;
}

/** The signing secret of the guild's `stripe` credential `name`; 404 when there is none. */
async function webhookSecretOf(
  credentials: ReturnType<typeof credentialSource>,
  guildId: string,
  name: string,
): Promise<string> {
  const missing = () =>
    new ApiError(
      404,
      'not_found',
      `This server has no Stripe credential named "${name}". Add one (type "stripe", with the endpoint's signing secret as webhookSecret) with POST /api/guilds/:guildId/credentials, and paste this URL into Stripe with the server's id and that name (docs/stripe.md).`,
    );
  if (!GUILD_ID_PATTERN.test(guildId) || !isCredentialName(name)) throw missing();
  let found: Awaited<ReturnType<typeof credentials.resolve>>;
  try {
    found = await credentials.resolve(guildId, name);
  } catch (error) {
    // The store is down (answered 503 by the error handler), or the key cannot open it.
    if (!(error instanceof ApplicationFailure)) throw error;
    throw new ApiError(503, 'stripe_not_configured', error.message);
  }
  if (found?.type !== 'stripe') throw missing();
  return found.webhookSecret;
}
