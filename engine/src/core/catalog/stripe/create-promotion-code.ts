import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { DateTime, Expr } from '../schemas.js';
import { CREDENTIAL_FIELD, StripeCredential, credentialIssues } from './shared.js';

/** Output of the promotion code nodes. */
export const PromotionCodeOutput = Type.Object({
  id: Type.String({ description: 'The promotion code’s id (promo_…).' }),
  code: Type.String({ description: 'What buyers type at checkout.' }),
  active: Type.Boolean(),
});

/**
 * `stripe.createPromotionCode`: a customer-facing code for an existing coupon of the server's
 * Stripe account (the coupon sets the discount).
 *
 * @example
 * // config: { credential: 'shop', couponId: '{{ vars.couponId }}', code: 'LAUNCH', maxRedemptions: 100 }
 * // output: { id: 'promo_…', code: 'LAUNCH', active: true }
 */
export const createPromotionCode = defineNode({
  type: 'stripe.createPromotionCode',
  kind: 'action',
  group: 'Stripe',
  title: 'Create promotion code',
  description:
    'Creates a promotion code for a coupon of this server’s Stripe account (make the coupon in the Stripe Dashboard: it sets the discount). Leave `code` empty and Stripe makes one up. The code is recorded as this server’s, so later steps may deactivate it; retries never create a second one.',
  config: Type.Object(
    {
      credential: StripeCredential(),
      couponId: Expr(Type.String({ pattern: '^[A-Za-z0-9_-]{1,250}$' }), {
        description: 'The coupon (its id in the Stripe Dashboard).',
        examples: ['LAUNCH10'],
      }),
      code: Type.Optional(
        Expr(Type.String({ pattern: '^[A-Za-z0-9-]{0,200}$' }), {
          description:
            'The code buyers type: letters, digits and dashes (empty or left out: Stripe picks one).',
        }),
      ),
      maxRedemptions: Type.Optional(
        Expr(Type.Integer({ minimum: 1 }), { description: 'How many times it can be used.' }),
      ),
      expiresAt: Type.Optional(DateTime('When the code stops working.')),
    },
    { additionalProperties: false },
  ),
  output: PromotionCodeOutput,
  ports: { outputs: OUT },
  ui: {
    icon: 'credit-card',
    color: COLORS.stripe,
    fields: { ...CREDENTIAL_FIELD, code: { placeholder: 'LAUNCH' } },
  },
  examples: [
    {
      title: 'A launch code',
      config: {
        credential: 'shop',
        couponId: '{{ vars.couponId }}',
        code: 'LAUNCH',
        maxRedemptions: 100,
      },
    },
  ],
  check: credentialIssues,
});
