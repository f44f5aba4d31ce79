import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import {
  CREDENTIAL_FIELD,
  Metadata,
  StripeCredential,
  credentialIssues,
  StripeId,
} from './shared.js';

/**
 * `stripe.getCustomer`: reads a Stripe customer.
 *
 * @example
 * // config: { credential: 'shop', customerId: '{{ trigger.data.object.customer }}' }
 * // output: { id, email, name, metadata }
 */
export const getCustomer = defineNode({
  type: 'stripe.getCustomer',
  kind: 'action',
  group: 'Stripe',
  title: 'Get customer',
  description:
    'Reads a Stripe customer: email, name and metadata (where a checkout stored the Discord user id). Only this server’s Stripe objects: another’s takes the `error` port (`stripe_object_not_owned`).',
  config: Type.Object(
    {
      credential: StripeCredential(),
      customerId: StripeId('cus', 'The customer.'),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    id: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    name: Type.Union([Type.String(), Type.Null()]),
    metadata: Metadata(),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'user-round',
    color: COLORS.stripe,
    fields: {
      ...CREDENTIAL_FIELD,
      customerId: { placeholder: '{{ trigger.data.object.customer }}' },
    },
  },
  examples: [
    {
      title: 'Customer of an event',
      config: { credential: 'shop', customerId: '{{ trigger.data.object.customer }}' },
    },
  ],
  check: credentialIssues,
});
