import { notFound, type Operation } from './operation.js';

/** Stripe: recorded object ownership (the service's own webhook is billing's, billing-operations.ts). */
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
];
