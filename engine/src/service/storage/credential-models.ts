import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from './graph-models.js';

/** The kinds of credential a guild can store (docs/credentials.md). */
export type CredentialType = 'bearer' | 'basic' | 'header' | 'stripe';

/**
 * A guild's named secret (an API token, basic auth, a header value, a Stripe key pair). The
 * value is only ever stored sealed with the secret box (`GUILDFLOW_SECRET_KEY`): `valueCipher`
 * opens to JSON `{ guildId, name, type, value }`, and the opener checks the first three against
 * the document, so a cipher copied onto another guild's or name's document does not open there.
 */
export interface CredentialRecord {
  /** `<guildId>:<name>`: one credential per name in a guild, enforced by the store. */
  _id: string;
  guildId: string;
  name: string;
  type: CredentialType;
  valueCipher: string;
  createdAt: Date;
  /** Who stored it: the actor id (`admin` or a Discord user id). */
  createdBy: string;
  /** When an executor last resolved it (updated at most once a minute); null until then. */
  lastUsedAt: Date | null;
}

/** Schema of `credentials`. */
export const credentialSchema = new Schema<CredentialRecord>(
  {
    _id: { type: String, required: true },
    guildId: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true },
    valueCipher: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    lastUsedAt: { type: Date, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'credentials' },
);
// A guild's credentials in name order (the list route) and their count (the cap); `_id` keeps names unique.
credentialSchema.index({ guildId: 1, name: 1 });
