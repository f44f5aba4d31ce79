import { Schema, type SchemaOptions } from 'mongoose';
import type { ValidationIssue } from '../../core/index.js';
import { guildBillingSchema, type GuildBilling } from '../billing/guild-billing-model.js';

/**
 * Options every Guildflow schema shares. Indexes are created by `openStore` (which knows how to
 * fall back when the store lacks TTL indexes), never by mongoose's background autoIndex; commands
 * are not buffered so a store outage fails a request at once (503) instead of after 10 s.
 *
 * @example
 * new Schema<MyRecord>({ … }, { ...SCHEMA_OPTIONS, collection: 'things' });
 */
export const SCHEMA_OPTIONS = {
  versionKey: false,
  minimize: false,
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
  strict: true,
} satisfies SchemaOptions;

/** A Discord server Guildflow knows about (created with its first graph). */
export interface GuildRecord {
  _id: string;
  name: string | null;
  settings: Record<string, unknown>;
  /**
   * The guild's plan (service/billing/plans.ts); `pro` is what records from before the plan ids
   * say, read as Premium (`planOf`). Ignored when billing is off.
   */
  plan: 'free' | 'premium' | 'enterprise' | 'pro';
  /** Its subscription, once it opened a checkout (billing on only). */
  billing?: GuildBilling | null;
  createdAt: Date;
}

/**
 * A graph: its editable draft and the pointer to its published version. Graph documents are
 * stored as JSON text because user-chosen config keys may start with `$` or contain dots, which
 * the store rejects as field names, and text round-trips the document exactly.
 */
export interface GraphRecord {
  /** `g_` + 128 random bits: unguessable, so ids never reveal or enumerate other guilds' graphs. */
  _id: string;
  guildId: string;
  name: string;
  enabled: boolean;
  draftJson: string;
  /** The draft's validation list (empty when the draft can be published). */
  issues: ValidationIssue[];
  /** Bumped by every change; the ETag, and the condition of every pointer flip. */
  revision: number;
  publishedVersion: number | null;
  /** The highest version ever published: versions above it are orphans of an interrupted publish. */
  latestVersion: number;
  /** The version the activation hooks last completed for; differs from publishedVersion after a crash mid-publish. */
  activatedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  updatedBy: string;
  deletedAt: Date | null;
}

/** An immutable published snapshot of a graph. `_id` is `<graphId>:<version>`. */
export interface GraphVersionRecord {
  _id: string;
  graphId: string;
  guildId: string;
  version: number;
  documentJson: string;
  publishedBy: string;
  publishedAt: Date;
}

/**
 * How a hook's deliveries are signed: `timestamped` (HMAC of `<timestamp>.<raw body>`, fresh
 * within 5 minutes, each delivery accepted once) or `body` (HMAC of the raw body alone, for
 * senders that cannot sign a timestamp — replayable).
 */
export type WebhookSigning = 'timestamped' | 'body';

/**
 * The inbound webhook of a `trigger.webhook` graph. The secret is needed in clear to check
 * HMAC signatures, so it is kept encrypted (AES-256-GCM, key derived from the service's secret
 * key) next to its SHA-256 (which detects a changed secret key instead of verifying garbage).
 */
export interface WebhookRecord {
  /** `wh_` + 192 random bits. */
  _id: string;
  graphId: string;
  guildId: string;
  secretHash: string;
  secretCipher: string;
  /** Absent on hooks stored before signing modes existed: those count as `timestamped`. */
  signing?: WebhookSigning;
  createdAt: Date;
  rotatedAt: Date | null;
}

const ISSUE = new Schema<ValidationIssue>(
  {
    nodeId: { type: String },
    edgeId: { type: String },
    path: { type: String, required: true },
    code: { type: String, required: true },
    message: { type: String, required: true },
  },
  { _id: false, versionKey: false },
);

/** Schema of `guilds`. */
export const guildSchema = new Schema<GuildRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, default: null },
    settings: { type: Schema.Types.Mixed, default: () => ({}) },
    plan: { type: String, enum: ['free', 'premium', 'enterprise', 'pro'], default: 'free' },
    billing: { type: guildBillingSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'guilds' },
);
// The billing webhook finds a guild by its Stripe customer.
guildSchema.index({ 'billing.customerId': 1 });

/** Schema of `graphs`. */
export const graphSchema = new Schema<GraphRecord>(
  {
    _id: { type: String, required: true },
    guildId: { type: String, required: true },
    name: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    draftJson: { type: String, required: true },
    issues: { type: [ISSUE], default: [] },
    revision: { type: Number, required: true },
    publishedVersion: { type: Number, default: null },
    latestVersion: { type: Number, required: true },
    activatedVersion: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    deletedAt: { type: Date, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'graphs' },
);
// The list route: a guild's live graphs, newest change first.
graphSchema.index({ guildId: 1, deletedAt: 1, updatedAt: -1 });
// Reconciliation after a crash: enabled graphs whose hooks did not finish.
graphSchema.index({ enabled: 1, deletedAt: 1 });

/** Schema of `graph_versions`. */
export const graphVersionSchema = new Schema<GraphVersionRecord>(
  {
    _id: { type: String, required: true },
    graphId: { type: String, required: true },
    guildId: { type: String, required: true },
    version: { type: Number, required: true },
    documentJson: { type: String, required: true },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'graph_versions' },
);
graphVersionSchema.index({ graphId: 1, version: 1 }, { unique: true });

/** Schema of `webhooks`. */
export const webhookSchema = new Schema<WebhookRecord>(
  {
    _id: { type: String, required: true },
    graphId: { type: String, required: true },
    guildId: { type: String, required: true },
    secretHash: { type: String, required: true },
    secretCipher: { type: String, required: true },
    signing: { type: String, enum: ['timestamped', 'body'], default: 'timestamped' },
    createdAt: { type: Date, required: true },
    rotatedAt: { type: Date, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'webhooks' },
);
// One hook per graph: a second concurrent create loses on this index instead of adding a hook.
webhookSchema.index({ graphId: 1 }, { unique: true });
