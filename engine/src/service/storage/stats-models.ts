import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from './graph-models.js';

/**
 * Daily activity counters of a guild (UTC days), written in batches by the gateway and read by
 * `data.stats`. One document per guild, day and dimension key:
 * - `guild` (key `''`): messages, joins, leaves;
 * - `channel` (key = channel id): messages;
 * - `member` (key = user id): messages, with the username last seen;
 * - `memberChannel` (key = `userId:channelId`): messages, for channel-filtered stats.
 */
export interface StatsRecord {
  guildId: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  dim: 'guild' | 'channel' | 'member' | 'memberChannel';
  key: string;
  messages: number;
  joins: number;
  leaves: number;
  username: string | null;
  /** Kept 100 days from the day's start (`data.stats` reads back at most period + offset = 99 days). */
  expiresAt: Date;
}

/** Schema of `stats`. */
export const statsSchema = new Schema<StatsRecord>(
  {
    guildId: { type: String, required: true },
    day: { type: String, required: true },
    dim: { type: String, enum: ['guild', 'channel', 'member', 'memberChannel'], required: true },
    key: { type: String, default: '' },
    messages: { type: Number, default: 0 },
    joins: { type: Number, default: 0 },
    leaves: { type: Number, default: 0 },
    username: { type: String, default: null },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'stats' },
);
// Upserts by identity, and `data.stats` reads a guild's days of one dimension.
statsSchema.index({ guildId: 1, dim: 1, day: 1, key: 1 }, { unique: true });
statsSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
