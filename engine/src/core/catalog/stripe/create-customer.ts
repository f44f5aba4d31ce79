import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Metadata } from './shared.js';

/**
 * `stripe.createCustomer`: creates a Stripe customer (idempotent per step).
 *
 * @example
 * // config: { email: '{{ trigger.body.email }}', metadata: { discordUserId: '{{ trigger.body.userId }}' } }
 * // output: { customerId }
 */
export const createCustomer = defineNode({
  type: 'stripe.createCustomer',
  kind: 'action',
  group: 'Stripe',
  unavailable: 'the Stripe connector does not implement it',
  title: 'Create customer',
  description:
    'Creates a Stripe customer, recorded as this server’s (its events reach this server’s `trigger.stripeEvent` graphs). Retries never create a second one (the step’s idempotency key is sent to Stripe).',
  config: Type.Object(
    {
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
      email: { placeholder: '{{ trigger.body.email }}' },
      metadata: { widget: 'keyValue' },
    },
  },
  examples: [
    {
      title: 'From a signup webhook',
      config: {
        email: '{{ trigger.body.email }}',
        metadata: { discordUserId: '{{ trigger.body.userId }}' },
      },
    },
  ],
});
