/** `stripe.createPromotionCode` and `stripe.deactivatePromotionCode`, on the guild's own account. */
import type Stripe from 'stripe';
import { defineExecutor } from '@guildflow/engine/service';
import { callStripe, idempotencyKey, openAccount, type StripeExecutorDeps } from './account.js';

function promotionOutput(promo: Stripe.PromotionCode) {
  return { id: promo.id, code: promo.code, active: promo.active };
}

export const createPromotionCode = defineExecutor(
  'stripe.createPromotionCode',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    const account = await openAccount(deps, context, config.credential);
    const expiresAt =
      config.expiresAt === undefined ? undefined : Math.floor(Date.parse(config.expiresAt) / 1000);
    const promo = await callStripe(account, 'stripe.createPromotionCode', (s) =>
      s.promotionCodes.create(
        {
          promotion: { type: 'coupon', coupon: config.couponId },
          ...(config.code ? { code: config.code } : {}),
          ...(config.maxRedemptions === undefined
            ? {}
            : { max_redemptions: config.maxRedemptions }),
          ...(expiresAt === undefined ? {} : { expires_at: expiresAt }),
        },
        { idempotencyKey: idempotencyKey(context) },
      ),
    );
    await deps.ownership.record(context.guildId, promo.id);
    return promotionOutput(promo);
  },
);

export const deactivatePromotionCode = defineExecutor(
  'stripe.deactivatePromotionCode',
  async ({ config, context }, deps: StripeExecutorDeps) => {
    await deps.ownership.assertOwned(context.guildId, config.promotionCodeId);
    const account = await openAccount(deps, context, config.credential);
    const promo = await callStripe(account, 'stripe.deactivatePromotionCode', (s) =>
      s.promotionCodes.update(
        config.promotionCodeId,
        { active: false },
        { idempotencyKey: idempotencyKey(context) },
      ),
    );
    return promotionOutput(promo);
  },
);
