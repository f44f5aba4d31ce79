import { Schema } from 'mongoose';

/** Where a guild's subscription stands, as Stripe last told us. */
export type BillingStatus = 'active' | 'past_due' | 'canceled';

/** An invoice of the guild's subscription, kept from `invoice.paid` / `invoice.payment_failed`. */
export interface InvoiceRecord {
  id: string;
  number: string | null;
  status: string;
  /** In the currency's minor unit. */
  amountPaid: number;
  currency: string;
  createdAt: Date;
  url: string | null;
}

/** A graph a downgrade disabled (its draft and versions are kept). */
export interface DisabledGraph {
  graphId: string;
  name: string;
}

/**
 * The billing part of a guild's record (`guilds.billing`); absent until the guild first opens a
 * checkout. The plan itself is `guilds.plan`.
 */
export interface GuildBilling {
  /** The guild's Stripe customer on the service's own account (created by the first checkout). */
  customerId: string | null;
  subscriptionId: string | null;
  status: BillingStatus;
  /** Set by a failed payment: the paid plan holds until then, then the guild is on Free. */
  graceEndsAt: Date | null;
  renewsAt: Date | null;
  /** Newest first, at most {@link MAX_INVOICES}. */
  invoices: InvoiceRecord[];
  /** What the last downgrade disabled. */
  disabledGraphs: DisabledGraph[];
}

/** Invoices a guild's record keeps. */
export const MAX_INVOICES = 12;

const INVOICE = new Schema<InvoiceRecord>(
  {
    id: { type: String, required: true },
    number: { type: String, default: null },
    status: { type: String, required: true },
    amountPaid: { type: Number, required: true },
    currency: { type: String, required: true },
    createdAt: { type: Date, required: true },
    url: { type: String, default: null },
  },
  { _id: false, versionKey: false },
);

/** Schema of `guilds.billing`. */
export const guildBillingSchema = new Schema<GuildBilling>(
  {
    customerId: { type: String, default: null },
    subscriptionId: { type: String, default: null },
    status: { type: String, enum: ['active', 'past_due', 'canceled'], default: 'active' },
    graceEndsAt: { type: Date, default: null },
    renewsAt: { type: Date, default: null },
    invoices: { type: [INVOICE], default: [] },
    disabledGraphs: {
      type: [
        new Schema<DisabledGraph>(
          { graphId: { type: String, required: true }, name: { type: String, required: true } },
          { _id: false, versionKey: false },
        ),
      ],
      default: [],
    },
  },
  { _id: false, versionKey: false, minimize: false },
);
