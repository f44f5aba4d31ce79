import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from './graph-models.js';

/** The Stripe objects a guild can own, by id prefix: `cus_…`, `sub_…`, `cs_…`, `promo_…`. */
export type StripeObjectKind = 'customer' | 'subscription' | 'checkout_session' | 'promotion_code';

/**
 * How Guildflow came to own an object: a Stripe action created it for the guild, a completed
 * checkout of the guild created it, or the operator recorded it (objects made outside Guildflow).
 */
export type StripeRecordedVia = 'action' | 'checkout' | 'operator';

/**
 * Which guild a Stripe object belongs to, as Guildflow itself recorded it — never as the
 * object's metadata says (any graph could write that). `_id` is the Stripe id; an owner is
 * never replaced.
 */
export interface StripeObjectRecord {
  _id: string;
  guildId: string;
  kind: StripeObjectKind;
  recordedVia: StripeRecordedVia;
  recordedAt: Date;
}

/** Schema of `stripe_objects`. */
export const stripeObjectSchema = new Schema<StripeObjectRecord>(
  {
    _id: { type: String, required: true },
    guildId: { type: String, required: true },
    kind: {
      type: String,
      enum: ['customer', 'subscription', 'checkout_session', 'promotion_code'],
      required: true,
    },
    recordedVia: { type: String, enum: ['action', 'checkout', 'operator'], required: true },
    recordedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'stripe_objects' },
);
// A guild's objects (listing, clean-up when a guild leaves).
stripeObjectSchema.index({ guildId: 1 });
