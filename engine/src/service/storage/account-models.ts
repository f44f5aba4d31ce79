import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from './graph-models.js';

/** A person who signed in with Discord. `_id` is their Discord user id. */
export interface UserRecord {
  _id: string;
  username: string;
  createdAt: Date;
  lastSignInAt: Date;
}

/**
 * A sign-in session. `_id` is the SHA-256 of the bearer token: the token itself is never stored,
 * so a copy of the database does not let anyone sign in.
 */
export interface SessionRecord {
  _id: string;
  userId: string;
  /** The guilds the user may manage (Manage Guild), as Discord last confirmed. */
  guildIds: string[];
  createdAt: Date;
  expiresAt: Date;
  /** When Discord last confirmed `guildIds` (sign-in, then at most hourly while used). */
  guildsCheckedAt?: Date | undefined;
  /** Set while Discord cannot be reached: no new attempt before this time. */
  recheckRetryAt?: Date | null | undefined;
  /**
   * Discord's OAuth2 grant (access and refresh token), sealed with the secret box: what the
   * re-check calls Discord with. Null for sessions made without signing in with Discord.
   */
  discordGrant?: string | null | undefined;
}

/** Who made a change: the self-hosting admin, or a signed-in user. */
export interface Actor {
  kind: 'admin' | 'user';
  id: string;
}

/** The state of a graph around a change, as far as the change touched it. */
export interface AuditState {
  revision?: number | undefined;
  publishedVersion?: number | null | undefined;
  enabled?: boolean | undefined;
}

/** One entry of the audit log: who changed what, when, and the version before and after. */
export interface AuditRecord {
  at: Date;
  actor: Actor;
  action: AuditAction;
  guildId: string;
  graphId: string | null;
  runId: string | null;
  before: AuditState | null;
  after: AuditState | null;
  /** A short human note, e.g. the reason an activation was undone. */
  note: string | null;
}

/** The audited actions. */
export type AuditAction =
  | 'graph.create'
  | 'graph.update'
  | 'graph.delete'
  | 'graph.publish'
  | 'graph.disable'
  | 'graph.rollback'
  | 'webhook.rotate'
  | 'webhook.signing'
  | 'stripe.record'
  | 'run.start'
  | 'run.cancel'
  | 'pin.set'
  | 'pin.delete'
  | 'credential.create'
  | 'credential.delete'
  | 'billing.checkout'
  | 'billing.event'
  | 'billing.downgrade';

/** Schema of `users`. */
export const userSchema = new Schema<UserRecord>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSignInAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'users' },
);

/** Schema of `sessions`. */
export const sessionSchema = new Schema<SessionRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    guildIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    guildsCheckedAt: { type: Date },
    recheckRetryAt: { type: Date, default: null },
    discordGrant: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'sessions' },
);
// Sign-out everywhere: a user's sessions.
sessionSchema.index({ userId: 1 });
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const STATE = new Schema<AuditState>(
  { revision: Number, publishedVersion: { type: Number, default: undefined }, enabled: Boolean },
  { _id: false, versionKey: false },
);

/** Schema of `audit_log`. */
export const auditSchema = new Schema<AuditRecord>(
  {
    at: { type: Date, required: true },
    actor: {
      type: new Schema<Actor>(
        { kind: { type: String, required: true }, id: { type: String, required: true } },
        { _id: false },
      ),
      required: true,
    },
    action: { type: String, required: true },
    guildId: { type: String, required: true },
    graphId: { type: String, default: null },
    runId: { type: String, default: null },
    before: { type: STATE, default: null },
    after: { type: STATE, default: null },
    note: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'audit_log' },
);
// A guild's log newest first, and one graph's history.
auditSchema.index({ guildId: 1, at: -1 });
auditSchema.index({ graphId: 1, at: -1 });
