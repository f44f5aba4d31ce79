import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { CREDENTIAL_FIELD, StripeCredential, credentialIssues, StripeId } from './shared.js';
import { SubscriptionOutput } from './get-subscription.js';

/**
 * `stripe.cancelSubscription`: cancels a subscription at the end of its period (default) or now.
 *
 * @example
 * // config: { credential: 'shop', subscriptionId: '{{ nodes.sub.id }}', atPeriodEnd: true }
 * // output: the subscription after the change
 */
export const cancelSubscription = defineNode({
  type: 'stripe.cancelSubscription',
  kind: 'action',
  group: 'Stripe',
  title: 'Cancel subscription',
  description:
    'Cancels a Stripe subscription at the end of the paid period (default) or immediately. Cancelling twice is fine. Only this server’s Stripe objects: another’s takes the `error` port (`stripe_object_not_owned`).',
  config: Type.Object(
    {
      credential: StripeCredential(),
      subscriptionId: StripeId('sub', 'The subscription.'),
      atPeriodEnd: Type.Optional(
        Type.Boolean({ default: true, description: 'Keep it until the paid period ends.' }),
      ),
    },
    { additionalProperties: false },
  ),
  output: SubscriptionOutput,
  ports: { outputs: OUT },
  ui: {
    icon: 'circle-slash',
    color: COLORS.stripe,
    fields: { ...CREDENTIAL_FIELD, atPeriodEnd: { widget: 'toggle' } },
  },
  examples: [
    {
      title: 'At period end',
      config: { credential: 'shop', subscriptionId: '{{ nodes.sub.id }}', atPeriodEnd: true },
    },
  ],
  check: credentialIssues,
});
