import { STRIPE_DELIVERY, type Answer, type Operation } from './operation.js';

const BILLING = '/api/guilds/{guildId}/billing';
const notFound: Answer = [
  404,
  'Error',
  '`not_found`: a guild you may not manage (never 403); `billing_off`: this install has no billing (no STRIPE_SECRET_KEY).',
];
const stripeDown: Answer = [
  502,
  'Error',
  '`stripe_unavailable`: Stripe did not answer or refused; nothing was charged.',
];

/**
 * Plans and billing of the hosted service (docs/billing.md): the guild's plan, limits and usage,
 * Stripe Checkout to subscribe, the customer portal, and the service's own Stripe webhook.
 */
export const BILLING_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: BILLING,
    summary: 'The guild’s plan, limits, usage and invoices',
    description:
      'With billing off (a self-hosted install: no STRIPE_SECRET_KEY) the answer is `{ billing: "off", plan: "self-hosted", limits: null }` and nothing is limited. With billing on: the plan that applies now (Free by default; a paid plan whose 7-day grace period after a failed payment ended reads as Free), its limits (`null`: unlimited), this calendar month’s usage (UTC), renewal, the latest invoices, every plan with its price and limits, and the graphs the last downgrade disabled.',
    answers: [
      [200, 'Billing', 'The billing state (on or off).'],
      [404, 'Error', '`not_found`: a guild you may not manage (never 403).'],
      [503, 'Error', '`store_unavailable`.'],
    ],
  },
  {
    method: 'post',
    path: `${BILLING}/checkout`,
    summary: 'Open a Stripe Checkout to subscribe to a plan',
    description:
      'Creates (once) the guild’s Stripe customer and a Checkout session in subscription mode for the plan’s price (promotion codes allowed); send the browser to `url`. Stripe returns it to `/guilds/{guildId}/billing?checkout=success` (or `=cancelled`); the plan changes when Stripe’s `checkout.session.completed` reaches `/stripe/webhook`. Audited as `billing.checkout`.',
    body: 'CheckoutBody',
    answers: [
      [200, 'BillingRedirect', 'The Checkout page.'],
      [400, 'Error', '`invalid_request`: `plan` is not `premium` or `enterprise`.'],
      notFound,
      [
        409,
        'Error',
        '`already_on_plan`: the guild is subscribed to this plan; `subscription_exists`: it pays for another plan — change plans in the portal (one subscription per guild).',
      ],
      stripeDown,
      [
        503,
        'Error',
        '`billing_misconfigured` (no Stripe price for the plan) or `store_unavailable`.',
      ],
    ],
  },
  {
    method: 'post',
    path: `${BILLING}/portal`,
    summary: 'Open the Stripe customer portal',
    description:
      'A Stripe customer portal session for the guild’s customer (change plan, payment method, invoices, cancel); it returns to the builder’s billing page.',
    answers: [
      [200, 'BillingRedirect', 'The portal page.'],
      notFound,
      [409, 'Error', '`no_customer`: the guild never opened a checkout; choose a plan first.'],
      stripeDown,
    ],
  },
  {
    method: 'post',
    path: '/stripe/webhook',
    summary: 'The service’s Stripe webhook (billing)',
    description:
      'Register this URL on the service’s own Stripe account for `checkout.session.completed`, `customer.subscription.updated`, `customer.subscription.deleted`, `invoice.paid` and `invoice.payment_failed`, and set STRIPE_WEBHOOK_SECRET to its signing secret. Each verified event updates the plan of the guild whose Stripe customer it concerns; it is applied once per event id (a replay answers `duplicate: true` and changes nothing) and audited. A failed payment starts a 7-day grace period; a cancellation or a cheaper plan disables the newest published graphs beyond the new limit. Other event types, unknown customers and an install with billing off are acknowledged with `applied: false`. A guild’s own Stripe account events (`trigger.stripeEvent`) do not come here.',
    ...STRIPE_DELIVERY,
    answers: [
      [200, 'BillingWebhookReceived', 'Verified; `applied` says whether it changed a plan.'],
      [400, 'Error', '`invalid_signature`: missing or wrong signature; nothing changed.'],
      [
        429,
        'Error',
        '`rate_limited`: too many deliveries from this address; nothing changed, Stripe delivers again.',
      ],
      [
        503,
        'Error',
        '`stripe_not_configured` (no STRIPE_WEBHOOK_SECRET) or `store_unavailable` (Stripe delivers again).',
      ],
    ],
  },
];
