/**
 * Reading a graph for its editor. Opening the editor waits on three things — its code, the
 * graph and the catalog — so the route starts the reads as soon as it is entered
 * ({@link readGraphAhead}) instead of after the editor's code has loaded and mounted.
 */
import { api, call, storedToken } from './client.js';
import { writesSettled } from './graph-writes.js';
import type { EditorGraph } from './queries.js';

/** A read started ahead is used only by an opening that follows it this soon. */
const AHEAD_FOR_MS = 15_000;

const keyOf = (guildId: string, graphId: string) => `${guildId}/${graphId}`;
const ahead = new Map<string, { startedAt: number; answer: Promise<EditorGraph> }>();

/**
 * Reads one graph as the editor edits it (after this tab's own writes to it have ended, so a
 * graph reopened while its last save is on its way is read with that save).
 */
export async function fetchGraph(guildId: string, graphId: string): Promise<EditorGraph> {
  await writesSettled(guildId, graphId);
  const resource = await call(
    api.GET('/api/guilds/{guildId}/graphs/{graphId}', { params: { path: { guildId, graphId } } }),
  );
  return resource as unknown as EditorGraph;
}

/** Starts reading a graph for the opening of its editor that is about to happen (signed in only). */
export function readGraphAhead(guildId: string, graphId: string): void {
  if (!storedToken()) return;
  const answer = fetchGraph(guildId, graphId);
  // The opening that takes it reports a failure; one that never comes has nothing to report.
  answer.catch(() => undefined);
  ahead.set(keyOf(guildId, graphId), { startedAt: Date.now(), answer });
}

/**
 * The graph for an opening of its editor: the read started ahead for it, taken once (a retry
 * or a later opening reads again), or a fresh read.
 */
export function openGraph(guildId: string, graphId: string): Promise<EditorGraph> {
  const key = keyOf(guildId, graphId);
  const started = ahead.get(key);
  ahead.delete(key);
  if (started && Date.now() - started.startedAt <= AHEAD_FOR_MS) return started.answer;
  return fetchGraph(guildId, graphId);
}
