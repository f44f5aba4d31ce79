/**
 * The writes of an open graph (save the draft, publish, disable, roll back), each conditional on
 * the revision the editor last saw (`If-Match`), so nobody's work is overwritten unseen: a
 * change made elsewhere meanwhile answers `412 conflict` and changes nothing.
 */
import type { GraphDocument } from '@guildflow/engine/core';
import { api, call } from './client.js';
import type { ApiGraphDocument, EditorGraph } from './queries.js';
import type { components } from './openapi.js';

const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });

/** Options of a write. */
export interface WriteOptions {
  /** Lets the request outlive the page (closing the tab); bodies up to 64 kB only. */
  keepalive?: boolean;
}

/** The writes, by graph. */
export interface GraphWrites {
  save(doc: GraphDocument, revision: number, options?: WriteOptions): Promise<EditorGraph>;
  publish(revision: number): Promise<EditorGraph>;
  disable(revision: number): Promise<EditorGraph>;
  rollback(version: number, revision: number): Promise<EditorGraph>;
  /** The graph as it is now (after someone else's save, to compare or to load). */
  load(): Promise<EditorGraph>;
  /** What may fail once the saved draft runs in its server (`GET …/preflight`). */
  preflight(): Promise<PreflightReport>;
}

export type PreflightReport = components['schemas']['PreflightReport'];

const pending = new Map<string, Set<Promise<unknown>>>();
const keyOf = (guildId: string, graphId: string) => `${guildId}/${graphId}`;

/** Remembers a write of this tab until it ends (see {@link writesSettled}). */
function tracked<T>(guildId: string, graphId: string, write: Promise<T>): Promise<T> {
  const key = keyOf(guildId, graphId);
  const set = pending.get(key) ?? new Set();
  pending.set(key, set);
  set.add(write);
  const done = () => {
    set.delete(write);
    if (set.size === 0) pending.delete(key);
  };
  write.then(done, done);
  return write;
}

/**
 * Resolves once every write this tab started on the graph has ended (a graph reopened right
 * after leaving it is read with its last save, never before it).
 */
export async function writesSettled(guildId: string, graphId: string): Promise<void> {
  const set = pending.get(keyOf(guildId, graphId));
  if (set) await Promise.allSettled([...set]);
}

/**
 * The writes of one graph through the typed client; each answers the graph resource (with
 * `routing` for publish, disable and rollback of a Discord-event graph) or throws `ApiError`.
 *
 * @example
 * const saved = await graphWrites(guildId, graphId).save(doc, 3); // If-Match: "3"
 */
export function graphWrites(guildId: string, graphId: string): GraphWrites {
  const path = { guildId, graphId };
  const typed = (request: Promise<unknown>) =>
    tracked(guildId, graphId, request as Promise<EditorGraph>);
  return {
    save: (doc, revision, options = {}) =>
      typed(
        call(
          api.PUT('/api/guilds/{guildId}/graphs/{graphId}', {
            params: { path, header: ifMatch(revision) },
            // The service fills defaults the core leaves optional (an edge's `sourceHandle`).
            body: doc as ApiGraphDocument,
            ...(options.keepalive ? { keepalive: true } : {}),
          }),
        ),
      ),
    preflight: () =>
      call(api.GET('/api/guilds/{guildId}/graphs/{graphId}/preflight', { params: { path } })),
    publish: (revision) =>
      typed(
        call(
          api.POST('/api/guilds/{guildId}/graphs/{graphId}/publish', {
            params: { path, header: ifMatch(revision) },
          }),
        ),
      ),
    disable: (revision) =>
      typed(
        call(
          api.POST('/api/guilds/{guildId}/graphs/{graphId}/disable', {
            params: { path, header: ifMatch(revision) },
          }),
        ),
      ),
    rollback: (version, revision) =>
      typed(
        call(
          api.POST('/api/guilds/{guildId}/graphs/{graphId}/rollback', {
            params: { path, header: ifMatch(revision) },
            body: { version },
          }),
        ),
      ),
    load: async () =>
      (await call(
        api.GET('/api/guilds/{guildId}/graphs/{graphId}', { params: { path } }),
      )) as unknown as EditorGraph,
  };
}
