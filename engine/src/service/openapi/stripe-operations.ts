import { STRIPE_DELIVERY, notFound, type Operation } from './operation.js';

/** Stripe: recorded object ownership (the service's own webhook is billing's, billing-operations.ts). */
export const STRIPE_OPERATIONS: Operation[] = [
  {
    method: 'put',
    path: '/api/guilds/{guildId}/stripe/objects/{objectId}',
    summary: 'Record a Stripe object for a guild (operator only)',
    description:
      'Records that the guild owns a Stripe customer (cus_…), subscription (sub_…), checkout session (cs_…) or promotion code (promo_…) made outside Guildflow, so the guild’s Stripe actions may read and change it. Objects its graphs create are recorded by themselves. Admin token only (a server recording ids itself could claim another server’s objects on a shared account); an owner is never replaced. Audited as `stripe.record`.',
    answers: [
      [201, 'StripeObject', 'Recorded.'],
      [200, 'StripeObject', 'Already recorded for this guild.'],
      [400, 'Error', '`invalid_request`: not a cus_, sub_, cs_ or promo_ id.'],
      [403, 'Error', '`admin_only`: only the admin token records Stripe objects.'],
      notFound,
      [409, 'Error', '`stripe_object_owned`: another guild owns it.'],
    ],
  },
  {
    method: 'post',
    path: '/stripe/webhook/guilds/{guildId}/{credential}',
    summary: 'A server’s own Stripe account’s webhook endpoint (starts trigger.stripeEvent graphs)',
    description:
      'The URL a server pastes into its own Stripe account (Developers → Webhooks), with its id and the name of its `stripe` credential; the credential’s `webhookSecret` is that endpoint’s signing secret. Each verified event belongs to that server and starts its published `trigger.stripeEvent` graphs whose event list matches. The run id is `stripe_<event id>_<graph id>` (a redelivery starts nothing twice). A completed checkout of a session the server’s graph created records the customer and subscription it bought as the server’s.',
    ...STRIPE_DELIVERY,
    answers: [
      [200, 'StripeWebhookReceived', 'Verified; `runs` says how many runs this delivery started.'],
      [
        400,
        'Error',
        '`invalid_signature`: missing or wrong signature (not this credential’s signing secret); nothing started.',
      ],
      [
        404,
        'Error',
        '`not_found`: the server has no `stripe` credential of that name; nothing started.',
      ],
      [
        429,
        'Error',
        '`rate_limited`: too many deliveries from this address (600 a minute by default); nothing started, Stripe delivers again.',
      ],
      [
        503,
        'Error',
        '`temporal_unavailable` or `store_unavailable` (Stripe delivers again), `stripe_not_configured` (the credential cannot be opened with GUILDFLOW_SECRET_KEY).',
      ],
    ],
  },
];
