import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from './graph-models.js';

/**
 * A running gateway's status, written by the gateway itself: the service reads it to answer
 * health (connected and index loaded) and to confirm that a publish is live (`acks`). A gateway
 * that stops deletes its record; one that died stops heart-beating and is ignored after a few
 * seconds (and removed after a day).
 */
export interface GatewayRecord {
  /** `<host>-<pid>-<random>`: one per process. */
  _id: string;
  startedAt: Date;
  heartbeatAt: Date;
  /** discord.js is connected to Discord (or the sandbox). */
  connected: boolean;
  /** The first full load of the trigger index finished. */
  indexLoaded: boolean;
  /** When that load began: every trigger written before it is in the index. */
  loadedFrom: Date | null;
  /** The newest trigger revision applied, per graph id (recent ones only). */
  acks: Record<string, number>;
  expiresAt: Date;
}

/** Schema of `gateways`. */
export const gatewaySchema = new Schema<GatewayRecord>(
  {
    _id: { type: String, required: true },
    startedAt: { type: Date, required: true },
    heartbeatAt: { type: Date, required: true },
    connected: { type: Boolean, required: true },
    indexLoaded: { type: Boolean, required: true },
    loadedFrom: { type: Date, default: null },
    acks: { type: Schema.Types.Mixed, default: {} },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'gateways', minimize: false },
);
gatewaySchema.index({ heartbeatAt: 1 });
gatewaySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/** A named counter (`_id`), incremented atomically: trigger revisions. */
export interface CounterRecord {
  _id: string;
  seq: number;
}

/** Schema of `counters`. */
export const counterSchema = new Schema<CounterRecord>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'counters' },
);
