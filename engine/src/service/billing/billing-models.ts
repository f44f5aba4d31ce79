import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../storage/graph-models.js';

/**
 * Runs one guild started in one calendar month (UTC). `_id` is `<guildId>:<YYYY-MM>`; one `$inc`
 * per started run. `noticeAt` is set once, by whoever posts the month's over-quota notice.
 */
export interface UsageRecord {
  _id: string;
  guildId: string;
  period: string;
  runs: number;
  noticeAt: Date | null;
}

/** A Stripe event the billing webhook applied (`_id` is the event id): a replay changes nothing. */
export interface BillingEventRecord {
  _id: string;
  type: string;
  guildId: string | null;
  processedAt: Date;
}

/** Schema of `billing_usage`. */
export const usageSchema = new Schema<UsageRecord>(
  {
    _id: { type: String, required: true },
    guildId: { type: String, required: true },
    period: { type: String, required: true },
    runs: { type: Number, default: 0 },
    noticeAt: { type: Date, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'billing_usage' },
);

/** Schema of `billing_events`. */
export const billingEventSchema = new Schema<BillingEventRecord>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    guildId: { type: String, default: null },
    processedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'billing_events' },
);
