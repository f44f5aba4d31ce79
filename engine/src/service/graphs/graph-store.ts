import type { GraphDocument, ValidationIssue } from '../../core/index.js';
import type { GraphSnapshot } from '../../interpreter/contract.js';
import { notFound } from '../auth/index.js';
import { ApiError } from '../errors.js';
import { preconditionFailed } from '../http/preconditions.js';
import {
  GRAPH_ID_PATTERN,
  isDuplicateKey,
  newId,
  type Actor,
  type GraphRecord,
  type GraphVersionRecord,
  type Store,
} from '../storage/index.js';

const GRAPH_ID = new RegExp(GRAPH_ID_PATTERN);

/**
 * A live (not deleted) graph of this guild, or 404 — the same answer for another guild's
 * graph as for one that never existed.
 */
export async function findGraph(
  store: Store,
  guildId: string,
  graphId: string,
): Promise<GraphRecord> {
  if (!GRAPH_ID.test(graphId)) throw notFound('graph');
  const graph = await store.graphs
    .findOne({ _id: graphId, guildId, deletedAt: null })
    .lean<GraphRecord>();
  if (!graph) throw notFound('graph');
  return graph;
}

/** Inserts a new graph with `doc` as its draft (and the guild, on its first graph). */
export async function insertGraph(
  store: Store,
  input: {
    guildId: string;
    doc: GraphDocument;
    issues: ValidationIssue[];
    actor: Actor;
    id?: string;
  },
): Promise<GraphRecord> {
  const now = new Date();
  // Two first graphs of a guild may race to create it: the loser's duplicate key is harmless.
  await store.guilds
    .updateOne(
      { _id: input.guildId },
      { $setOnInsert: { name: null, settings: {}, plan: 'free', createdAt: now } },
      { upsert: true },
    )
    .catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  const record: GraphRecord = {
    _id: input.id ?? newId('g'),
    guildId: input.guildId,
    name: input.doc.name,
    enabled: false,
    draftJson: JSON.stringify(input.doc),
    issues: input.issues,
    revision: 1,
    publishedVersion: null,
    latestVersion: 0,
    activatedVersion: null,
    createdAt: now,
    updatedAt: now,
    createdBy: input.actor.id,
    updatedBy: input.actor.id,
    deletedAt: null,
  };
  await store.graphs.create(record);
  return record;
}

/**
 * Applies `update` to a live graph only if it is still at `revision` (the optimistic-concurrency
 * flip every change goes through; `revision: undefined` applies it unconditionally) and bumps
 * the revision. Returns the updated graph, or throws 412 when it changed meanwhile and 404 when
 * it is gone.
 */
export async function updateAtRevision(
  store: Store,
  graph: { _id: string; guildId: string; revision: number | undefined },
  update: { $set: Partial<GraphRecord> },
  actor: Actor,
): Promise<GraphRecord> {
  const condition = graph.revision === undefined ? {} : { revision: graph.revision };
  const updated = await store.graphs
    .findOneAndUpdate(
      { _id: graph._id, guildId: graph.guildId, deletedAt: null, ...condition },
      {
        $set: { ...update.$set, updatedAt: new Date(), updatedBy: actor.id },
        $inc: { revision: 1 },
      },
      { returnDocument: 'after' },
    )
    .lean<GraphRecord>();
  if (updated) return updated;
  const still = await store.graphs.exists({
    _id: graph._id,
    guildId: graph.guildId,
    deletedAt: null,
  });
  throw still ? preconditionFailed() : notFound('graph');
}

/**
 * Puts a graph back exactly as it was before a change whose follow-up failed: at its old
 * revision when nobody touched it since (so the client's ETag stays valid), else as a new
 * revision. `changed` identifies the state the failed change produced.
 */
export async function restoreGraph(
  store: Store,
  before: GraphRecord,
  changed: Partial<GraphRecord>,
  fields: (keyof GraphRecord)[],
): Promise<void> {
  const restored = Object.fromEntries(fields.map((field) => [field, before[field]]));
  const exact = await store.graphs.updateOne(
    { _id: before._id, revision: before.revision + 1, ...changed },
    {
      $set: {
        ...restored,
        revision: before.revision,
        updatedAt: before.updatedAt,
        updatedBy: before.updatedBy,
      },
    },
  );
  if (exact.matchedCount === 1) return;
  await store.graphs.updateOne(
    { _id: before._id, ...changed },
    { $set: { ...restored, updatedAt: new Date() }, $inc: { revision: 1 } },
  );
}

/**
 * One published version of a graph (only versions the graph's pointer has reached: an orphan
 * left by an interrupted publish is invisible), or undefined.
 */
export async function findVersion(
  store: Store,
  graph: Pick<GraphRecord, '_id' | 'latestVersion'>,
  version: number,
): Promise<GraphVersionRecord | undefined> {
  if (version > graph.latestVersion) return undefined;
  return (
    (await store.versions.findById(versionKey(graph._id, version)).lean<GraphVersionRecord>()) ??
    undefined
  );
}

/**
 * The `_id` of a version record.
 *
 * @example
 * versionKey('g_abc', 2); // 'g_abc:2'
 */
export function versionKey(graphId: string, version: number): string {
  return `${graphId}:${version}`;
}

/** The snapshot runs pin, from a version record. */
export function snapshotOf(version: GraphVersionRecord): GraphSnapshot {
  return {
    graphId: version.graphId,
    guildId: version.guildId,
    version: version.version,
    document: JSON.parse(version.documentJson) as GraphDocument,
  };
}

/**
 * 400 `invalid_graph`: the draft cannot be published or run; `details` is the validation list.
 *
 * @example
 * if (issues.length) throw invalidGraph(issues, 'publish');
 */
export function invalidGraph(issues: ValidationIssue[], action: 'publish' | 'run'): ApiError {
  return new ApiError(
    400,
    'invalid_graph',
    `The draft has ${issues.length} problem${issues.length === 1 ? '' : 's'} (listed in details); fix ${issues.length === 1 ? 'it' : 'them'} in the editor and ${action} again.`,
    issues,
  );
}
