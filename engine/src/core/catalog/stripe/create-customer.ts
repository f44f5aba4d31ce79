import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { CREDENTIAL_FIELD, Metadata, StripeCredential, credentialIssues } from './shared.js';

/**
 * `stripe.createCustomer`: creates a Stripe customer (idempotent per step).
 *
 * @example
 * // config: { credential: 'shop', email: '{{ trigger.body.email }}', metadata: { discordUserId: '{{ trigger.body.userId }}' } }
 * // output: { customerId }
 */
export const createCustomer = defineNode({
  type: 'stripe.createCustomer',
  kind: 'action',
  group: 'Stripe',
  title: 'Create customer',
  description:
    'Creates a customer in this server’s Stripe account (its `stripe` credential), recorded as this server’s so its other Stripe steps may read it. Retries never create a second one (the step’s idempotency key is sent to Stripe).',
  config: Type.Object(
    {
      credential: StripeCredential(),
      email: Type.String({ minLength: 3, maxLength: 512, description: 'Email address.' }),
      name: Type.Optional(Type.String({ maxLength: 256 })),
      metadata: Type.Optional(Metadata()),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({ customerId: Type.String() }),
  ports: { outputs: OUT },
  ui: {
    icon: 'user-round-plus',
    color: COLORS.stripe,
    fields: {
      ...CREDENTIAL_FIELD,
      email: { placeholder: '{{ trigger.body.email }}' },
      metadata: { widget: 'keyValue' },
    },
  },
  examples: [
    {
      title: 'From a signup webhook',
      config: {
        credential: 'shop',
        email: '{{ trigger.body.email }}',
        metadata: { discordUserId: '{{ trigger.body.userId }}' },
      },
    },
  ],
  check: credentialIssues,
});
