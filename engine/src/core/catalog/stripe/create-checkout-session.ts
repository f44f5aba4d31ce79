import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Expr, StringEnum, Url, issueIf } from '../schemas.js';
import {
  CREDENTIAL_FIELD,
  Metadata,
  StripeCredential,
  credentialIssues,
  StripeId,
} from './shared.js';

/**
 * `stripe.createCheckoutSession`: creates a Stripe Checkout page for a price and returns its URL
 * (send it to the member, e.g. with an ephemeral reply).
 *
 * @example
 * // config: { credential: 'shop', priceId: '{{ vars.proPriceId }}', mode: 'subscription', successUrl: 'https://example.com/thanks', cancelUrl: 'https://example.com', metadata: { discordUserId: '{{ trigger.user.id }}' } }
 * // output: { sessionId, url }
 */
export const createCheckoutSession = defineNode({
  type: 'stripe.createCheckoutSession',
  kind: 'action',
  group: 'Stripe',
  title: 'Create checkout link',
  description:
    'Creates a Stripe Checkout session for a price (a one-time payment or a subscription) and returns its URL. The session — and the customer and subscription its completion creates, once its `checkout.session.completed` event reaches this server’s webhook — is recorded as this server’s, so its Stripe steps may use them (metadata never decides that). Put the Discord user id in `metadata` to find the member again. `customerId` must be this server’s customer.',
  config: Type.Object(
    {
      credential: StripeCredential(),
      priceId: StripeId('price', 'The price to sell.'),
      mode: Type.Optional(StringEnum(['payment', 'subscription'], { default: 'payment' })),
      quantity: Type.Optional(Expr(Type.Integer({ minimum: 1, maximum: 100 }), { default: 1 })),
      customerId: Type.Optional(StripeId('cus', 'An existing customer.')),
      customerEmail: Type.Optional(
        Type.String({
          minLength: 3,
          maxLength: 512,
          description: 'Prefill the email (when there is no customer).',
        }),
      ),
      successUrl: Url('Where Stripe sends the buyer after paying.'),
      cancelUrl: Url('Where Stripe sends the buyer when they go back.'),
      metadata: Type.Optional(Metadata()),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    sessionId: Type.String(),
    url: Type.String({ description: 'The checkout page.' }),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'shopping-cart',
    color: COLORS.stripe,
    fields: {
      ...CREDENTIAL_FIELD,
      mode: { widget: 'select' },
      successUrl: { widget: 'url' },
      cancelUrl: { widget: 'url' },
      metadata: { widget: 'keyValue' },
    },
  },
  examples: [
    {
      title: 'Pro membership',
      config: {
        credential: 'shop',
        priceId: '{{ vars.proPriceId }}',
        mode: 'subscription',
        successUrl: 'https://example.com/thanks',
        cancelUrl: 'https://example.com/pricing',
        metadata: { discordUserId: '{{ trigger.user.id }}' },
      },
    },
  ],
  check: (config) => [
    ...credentialIssues(config),
    ...issueIf(
      config.customerId !== undefined && config.customerEmail !== undefined,
      '/customerEmail',
      'Give a customer or an email, not both.',
    ),
  ],
});
