import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../storage/graph-models.js';

/**
 * A node's pinned output: test data a simulated run uses instead of executing the node. Kept
 * beside the graph, not in its document — pins are not part of a version. The output is JSON
 * text for the same reason graph documents are (keys may start with `$` or contain dots).
 */
export interface PinRecord {
  /** `<graphId>:<nodeId>`: one pin per node. */
  _id: string;
  guildId: string;
  graphId: string;
  nodeId: string;
  outputJson: string;
  port: string;
  pinnedAt: Date;
  /** Who pinned it: the actor id (`admin` or a Discord user id). */
  pinnedBy: string;
}

/** Schema of `pins`. */
export const pinSchema = new Schema<PinRecord>(
  {
    _id: { type: String, required: true },
    guildId: { type: String, required: true },
    graphId: { type: String, required: true },
    nodeId: { type: String, required: true },
    outputJson: { type: String, required: true },
    port: { type: String, required: true },
    pinnedAt: { type: Date, required: true },
    pinnedBy: { type: String, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'pins' },
);
// A graph's pins: the list route and every test run's start.
pinSchema.index({ guildId: 1, graphId: 1 });
