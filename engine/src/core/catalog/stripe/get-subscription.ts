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

/** Output schema of a subscription (shared by the subscription nodes). */
export const SubscriptionOutput = Type.Object({
  id: Type.String(),
  status: Type.String({
    description: 'active, trialing, past_due, canceled, unpaid, incomplete, …',
  }),
  customerId: Type.String(),
  priceIds: Type.Array(Type.String()),
  currentPeriodEnd: Type.Union([Type.String(), Type.Null()], {
    description: 'ISO end of the paid period.',
  }),
  cancelAtPeriodEnd: Type.Boolean(),
  metadata: Metadata(),
});

/**
 * `stripe.getSubscription`: reads a Stripe subscription (status, prices, period end).
 *
 * @example
 * // config: { credential: 'shop', subscriptionId: '{{ trigger.data.object.id }}' }
 * // output: { id, status, customerId, priceIds, currentPeriodEnd, cancelAtPeriodEnd, metadata }
 */
export const getSubscription = defineNode({
  type: 'stripe.getSubscription',
  kind: 'action',
  group: 'Stripe',
  title: 'Get subscription',
  description:
    'Reads a Stripe subscription: status, customer, prices and the end of the paid period. Only this server’s Stripe objects: another’s takes the `error` port (`stripe_object_not_owned`).',
  config: Type.Object(
    {
      credential: StripeCredential(),
      subscriptionId: StripeId('sub', 'The subscription.'),
    },
    { additionalProperties: false },
  ),
  output: SubscriptionOutput,
  ports: { outputs: OUT },
  ui: {
    icon: 'repeat-2',
    color: COLORS.stripe,
    fields: {
      ...CREDENTIAL_FIELD,
      subscriptionId: { placeholder: '{{ trigger.data.object.id }}' },
    },
  },
  examples: [
    {
      title: 'Subscription of an event',
      config: { credential: 'shop', subscriptionId: '{{ trigger.data.object.id }}' },
    },
  ],
  check: credentialIssues,
});
