import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { Metadata, StripeId } from './shared.js';

/**
 * `stripe.getCustomer`: reads a Stripe customer.
 *
 * @example
 * // config: { customerId: '{{ trigger.data.object.customer }}' }
 * // output: { id, email, name, metadata }
 */
export const getCustomer = defineNode({
  type: 'stripe.getCustomer',
  kind: 'action',
  group: 'Stripe',
  unavailable: 'the Stripe connector does not implement it',
  title: 'Get customer',
  description:
    'Reads a Stripe customer: email, name and metadata (where a checkout stored the Discord user id). Only this server’s Stripe objects: another’s takes the `error` port (`stripe_object_not_owned`).',
  config: Type.Object(
    { customerId: StripeId('cus', 'The customer.') },
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
    fields: { customerId: { placeholder: '{{ trigger.data.object.customer }}' } },
  },
  examples: [
    { title: 'Customer of an event', config: { customerId: '{{ trigger.data.object.customer }}' } },
  ],
});
