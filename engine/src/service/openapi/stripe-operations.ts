import { notFound, type Operation } from './operation.js';

/** Stripe: recorded object ownership and the Stripe webhook. */
export const STRIPE_OPERATIONS: Operation[] = [
  {
    method: 'put',
    path: '/api/guilds/{guildId}/stripe/objects/{objectId}',
    summary: 'Record a Stripe object for a guild (operator only)',
    description:
      'Records that the guild owns a Stripe customer (cus_…), subscription (sub_…) or checkout session (cs_…) made outside Guildflow, so its events reach the guild’s `trigger.stripeEvent` graphs and its Stripe actions may use it. Objects Guildflow creates are recorded by themselves. Admin token only; an owner is never replaced. Audited as `stripe.record`.',
    answers: [
      [201, 'StripeObject', 'Recorded.'],
      [200, 'StripeObject', 'Already recorded for this guild.'],
      [400, 'Error', '`invalid_request`: not a cus_, sub_ or cs_ id.'],
      [403, 'Error', '`admin_only`: only the admin token records Stripe objects.'],
      notFound,
      [409, 'Error', '`stripe_object_owned`: another guild owns it.'],
    ],
  },
  {
    method: 'post',
    path: '/stripe/webhook',
    summary: 'Stripe’s webhook endpoint (starts trigger.stripeEvent graphs)',
    description:
      'Register this URL in Stripe and set STRIPE_WEBHOOK_SECRET to its signing secret. Each verified event starts every published `trigger.stripeEvent` graph whose event list matches, of the guild that owns the event’s object as Guildflow recorded it (the object itself, else its customer, subscription or checkout session) — never by `metadata.guildId`. The run id is `stripe_<event id>_<graph id>` (a redelivery starts nothing twice). An event no recorded object vouches for starts nothing (logged as unattributed) and is still answered 200.',
    public: true,
    rawBody: 'The Stripe event JSON exactly as Stripe sent it; the signature covers these bytes.',
    headers: [
      {
        name: 'Stripe-Signature',
        required: true,
        description: 'Stripe’s signature header (`t=…,v1=…`).',
      },
    ],
    answers: [
      [200, 'StripeWebhookReceived', 'Verified; `runs` says how many runs this delivery started.'],
      [400, 'Error', '`invalid_signature`: missing or wrong signature; nothing started.'],
      [
        429,
        'Error',
        '`rate_limited`: too many deliveries from this address (600 a minute by default); nothing started, Stripe delivers again.',
      ],
      [
        503,
        'Error',
        '`stripe_not_configured` (no STRIPE_WEBHOOK_SECRET), `temporal_unavailable` or `store_unavailable` (Stripe delivers again).',
      ],
    ],
  },
];
