import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { PromotionCodeOutput } from './create-promotion-code.js';
import { CREDENTIAL_FIELD, StripeCredential, StripeId, credentialIssues } from './shared.js';

/**
 * `stripe.deactivatePromotionCode`: stops a promotion code from being redeemed.
 *
 * @example
 * // config: { credential: 'shop', promotionCodeId: '{{ nodes.promo.id }}' }
 * // output: { id: 'promo_…', code: 'LAUNCH', active: false }
 */
export const deactivatePromotionCode = defineNode({
  type: 'stripe.deactivatePromotionCode',
  kind: 'action',
  group: 'Stripe',
  title: 'Deactivate promotion code',
  description:
    'Deactivates a promotion code so it can no longer be redeemed (deactivating twice is fine). Only this server’s codes (those its graphs created): another’s takes the `error` port (`stripe_object_not_owned`).',
  config: Type.Object(
    {
      credential: StripeCredential(),
      promotionCodeId: StripeId('promo', 'The promotion code (promo_…).'),
    },
    { additionalProperties: false },
  ),
  output: PromotionCodeOutput,
  ports: { outputs: OUT },
  ui: {
    icon: 'circle-slash',
    color: COLORS.stripe,
    fields: { ...CREDENTIAL_FIELD, promotionCodeId: { placeholder: '{{ nodes.promo.id }}' } },
  },
  examples: [
    {
      title: 'When the sale ends',
      config: { credential: 'shop', promotionCodeId: '{{ nodes.promo.id }}' },
    },
  ],
  check: credentialIssues,
});
