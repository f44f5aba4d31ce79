import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from './graph-models.js';

/**
 * A value stored by `data.set`/`data.increment`. Numbers live in `num` (so `$inc` works on them
 * atomically and an unset or non-numeric value counts as 0); every other JSON value lives in
 * `json` as text (its keys are user data and may not be valid field names).
 */
export interface DataKeyRecord {
  guildId: string;
  scope: 'guild' | 'member';
  /** `''` for scope guild, so the unique index covers both scopes. */
  memberId: string;
  key: string;
  num?: number | undefined;
  json?: string | undefined;
  /** null: kept forever. Readers treat a past date as unset even before the sweeper removes it. */
  expiresAt: Date | null;
  updatedAt: Date;
  /** Idempotency keys of the last increments, so a retried step never adds twice. */
  ops: string[];
}

/** An open (or recently closed) `flow.collect` window. `_id` is the collect id. */
export interface CollectWindowRecord {
  _id: string;
  workflowId: string;
  guildId: string;
  messageId: string;
  customId: string | null;
  emoji: string | null;
  /** Only members with this role are entered (null, or absent on older records: everyone). */
  roleId?: string | null;
  closesAt: Date;
  /** Windows and their entries are removed a week after closing. */
  purgeAt: Date;
}

/** One user's entry into a collect window (a double click enters once: unique per user). */
export interface CollectEntryRecord {
  collectId: string;
  userId: string;
  username: string;
  mention: string;
  /** The member's role ids when they entered (absent on older records). */
  roles?: string[];
  enteredAt: Date;
  purgeAt: Date;
}

/** A `flow.waitFor` the trigger router must route to its run. `_id` is the wait id. */
export interface WaitRecord {
  _id: string;
  workflowId: string;
  guildId: string;
  messageId: string;
  event: 'button' | 'reaction' | 'reply';
  customId: string | null;
  userId: string | null;
  /** Only a member with this role satisfies it (null, or absent on older records: anyone). */
  roleId?: string | null;
  expiresAt: Date;
}

/** Schema of `data_keys`. */
export const dataKeySchema = new Schema<DataKeyRecord>(
  {
    guildId: { type: String, required: true },
    scope: { type: String, enum: ['guild', 'member'], required: true },
    memberId: { type: String, default: '' },
    key: { type: String, required: true },
    num: { type: Number },
    json: { type: String },
    expiresAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
    ops: { type: [String], default: [] },
  },
  { ...SCHEMA_OPTIONS, collection: 'data_keys' },
);
dataKeySchema.index({ guildId: 1, scope: 1, memberId: 1, key: 1 }, { unique: true });
// `data.top`: a guild's member values of one key in value order (ties by member id), and the
// counts behind a member's rank, read from the index instead of every member's value.
dataKeySchema.index({ guildId: 1, scope: 1, key: 1, num: 1, memberId: 1 });
dataKeySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/** Schema of `collect_windows`. */
export const collectWindowSchema = new Schema<CollectWindowRecord>(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    guildId: { type: String, required: true },
    messageId: { type: String, required: true },
    customId: { type: String, default: null },
    emoji: { type: String, default: null },
    roleId: { type: String, default: null },
    closesAt: { type: Date, required: true },
    purgeAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'collect_windows' },
);
// The router looks up open windows by the guild and message that was clicked or reacted to.
collectWindowSchema.index({ guildId: 1, messageId: 1, closesAt: 1 });
collectWindowSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });

/** Schema of `collect_entries`. */
export const collectEntrySchema = new Schema<CollectEntryRecord>(
  {
    collectId: { type: String, required: true },
    userId: { type: String, required: true },
    username: { type: String, required: true },
    mention: { type: String, required: true },
    roles: { type: [String], default: undefined },
    enteredAt: { type: Date, required: true },
    purgeAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'collect_entries' },
);
collectEntrySchema.index({ collectId: 1, userId: 1 }, { unique: true });
collectEntrySchema.index({ collectId: 1, enteredAt: 1 });
collectEntrySchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });

/** Schema of `waits`. */
export const waitSchema = new Schema<WaitRecord>(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    guildId: { type: String, required: true },
    messageId: { type: String, required: true },
    event: { type: String, enum: ['button', 'reaction', 'reply'], required: true },
    customId: { type: String, default: null },
    userId: { type: String, default: null },
    roleId: { type: String, default: null },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'waits' },
);
// The router: which runs of this guild wait for an event on this message?
waitSchema.index({ guildId: 1, messageId: 1, event: 1 });
waitSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/**
 * The live trigger of a published graph, as the trigger router indexes it (one per graph,
 * `_id` is the graph id). Written by the activation hooks on publish/rollback (`active: true`)
 * and disable/delete (`active: false`, kept as a tombstone so pollers see the change). Routers
 * in other processes poll `updatedAt` to refresh their in-memory index.
 */
export interface TriggerRecord {
  _id: string;
  guildId: string;
  /** The trigger node's type, e.g. `trigger.memberJoined`. */
  triggerType: string;
  /** The published version new events run. */
  version: number;
  /** The trigger node's config with `{{ vars.… }}` rendered, as JSON text (user keys). */
  configJson: string;
  /** The graph answers its interaction ephemerally (the router defers ephemerally then). */
  replyEphemeral: boolean;
  /** The trigger type this graph had before the last activation (slash-command sync uses it). */
  previousType: string | null;
  active: boolean;
  updatedAt: Date;
  /**
   * Increases with every write of any trigger (the `triggers` counter): a gateway acknowledges
   * the revision it applied, so publishing can wait until every gateway routes by it.
   * 0 on records written before revisions existed.
   */
  revision: number;
}

/** Schema of `triggers`. */
export const triggerSchema = new Schema<TriggerRecord>(
  {
    _id: { type: String, required: true },
    guildId: { type: String, required: true },
    triggerType: { type: String, required: true },
    version: { type: Number, required: true },
    configJson: { type: String, required: true },
    replyEphemeral: { type: Boolean, default: false },
    previousType: { type: String, default: null },
    active: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, default: 0 },
  },
  { ...SCHEMA_OPTIONS, collection: 'triggers' },
);
// Routers refresh by polling what changed since their last look.
triggerSchema.index({ updatedAt: 1 });
// Lookups by kind within a guild (webhook-less triggers: stripe events, slash command sync).
triggerSchema.index({ guildId: 1, triggerType: 1, active: 1 });

/**
 * A timestamped webhook delivery that was accepted: `_id` is `<hookId>:<hex HMAC>`, so the same
 * signed delivery can be claimed once (the unique `_id` decides between concurrent copies). Kept
 * until its timestamp can no longer pass the 5-minute check; after that a copy is refused as
 * stale anyway.
 */
export interface HookDeliveryRecord {
  _id: string;
  hookId: string;
  /** The run this delivery starts (or started): a copy starts it again, which starts nothing. */
  runId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Schema of `hook_deliveries`. */
export const hookDeliverySchema = new Schema<HookDeliveryRecord>(
  {
    _id: { type: String, required: true },
    hookId: { type: String, required: true },
    runId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'hook_deliveries' },
);
hookDeliverySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
