import type { GraphDocument } from '@guildflow/engine/core';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError } from '../../api/client.js';
import type { GraphWrites, WriteOptions } from '../../api/graph-writes.js';
import type { EditorGraph } from '../../api/queries.js';
import type { EditorStore } from '../editor-store.js';

/** Quiet time after the last edit before the draft is saved. */
export const SAVE_DELAY_MS = 800;
/** Waits between attempts while the service cannot be reached (the last one repeats). */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

/** What the toolbar says about saving. */
export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** The service could not be reached (or stumbled): saving again by itself. */
  | { kind: 'retrying'; message: string; offline: boolean }
  /** Refused for a reason asking again will not fix: the next edit (or Retry) tries again. */
  | { kind: 'error'; message: string }
  /** Someone else saved first: autosave stops until the user chooses. */
  | { kind: 'conflict' };

/** A write other than saving the draft (publish, disable, rollback). */
export type GraphWriteKind = 'save' | 'publish' | 'disable' | 'rollback' | 'load';

export interface DraftSaverOptions {
  store: EditorStore;
  writes: GraphWrites;
  /** After every answer that changed the graph (the list and versions refresh). */
  onWritten?(graph: EditorGraph, kind: GraphWriteKind): void;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
}

/** Saves an open graph's draft, one write at a time (see {@link createDraftSaver}). */
export interface DraftSaver {
  status: StoreApi<SaveStatus>;
  /** Saves what is not saved yet, now; true once it is (false: see `status`). */
  flush(options?: WriteOptions): Promise<boolean>;
  /**
   * Runs a change of the graph (publish, disable, rollback) alone, at the revision saved last —
   * after saving the draft first when `saveFirst` (publish does; turning a graph off must work
   * even when the draft cannot be saved). A 412 becomes a conflict; other refusals are thrown
   * as they are.
   */
  write(
    kind: Exclude<GraphWriteKind, 'save' | 'load'>,
    change: WriteChange,
    options?: { saveFirst?: boolean },
  ): Promise<EditorGraph>;
  /** After a conflict: load the graph as saved elsewhere (mine stays one Ctrl+Z away). */
  loadTheirs(): Promise<void>;
  /** After a conflict: save mine over theirs (at their revision); false if it failed again. */
  keepMine(): Promise<boolean>;
  /** Tries a failed save again now. */
  retry(): void;
  /** Starts saving after edits; the function it returns saves what is left and stops. */
  start(): () => void;
}

/** A change of the graph at a revision, answering the graph. */
export type WriteChange = (revision: number) => Promise<EditorGraph>;

/** Thrown by {@link DraftSaver.write} when the draft could not be saved first. */
export class NotSavedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSavedError';
  }
}

/**
 * The autosave of one open graph: {@link SAVE_DELAY_MS} after the last edit it sends the draft
 * with `If-Match: "<revision>"`; writes never overlap (an edit made while one is on its way is
 * saved after it, the latest draft only); unreachable → retried with back-off and when the
 * browser is online again; `412` → `conflict`, and nothing more is saved until the user
 * chooses ({@link DraftSaver.loadTheirs} or {@link DraftSaver.keepMine}) — never a silent
 * overwrite.
 *
 * @example
 * const saver = createDraftSaver({ store, writes: graphWrites(guildId, graphId) });
 * useEffect(() => saver.start(), [saver]);
 */
export function createDraftSaver(options: DraftSaverOptions): DraftSaver {
  const { store, writes } = options;
  const delayMs = options.delayMs ?? SAVE_DELAY_MS;
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const status = createStore<SaveStatus>()(() =>
    store.getState().dirty ? { kind: 'unsaved' } : { kind: 'saved' },
  );
  const setStatus = (next: SaveStatus) => status.setState(next, true);

  /** The document the service holds as the draft (what `baseRevision` is the revision of). */
  let savedDoc: GraphDocument = store.getState().doc;
  let conflict = false;
  let saving = false;
  let queued = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  /** Runs writes one after another, whatever each one's outcome. */
  function alone<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  }

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const later = (ms: number) => {
    cancelTimer();
    timer = setTimeout(queueSave, ms);
  };

  function queueSave() {
    timer = undefined;
    if (queued) return;
    queued = true;
    void alone(async () => {
      queued = false;
      await saveNow();
    });
  }

  function accept(graph: EditorGraph, doc: GraphDocument, kind: GraphWriteKind) {
    savedDoc = doc;
    const state = store.getState();
    state.markSaved(graph.revision, doc);
    if (state.doc === doc) state.setIssues(doc, graph.issues);
    state.setPublished({ enabled: graph.enabled, version: graph.publishedVersion });
    options.onWritten?.(graph, kind);
  }

  /** Saves the draft as it is now; true when saved (or nothing was left to save). */
  async function saveNow(writeOptions?: WriteOptions): Promise<boolean> {
    if (conflict) return false;
    const { doc, dirty, baseRevision } = store.getState();
    if (!dirty) {
      if (status.getState().kind !== 'saved') setStatus({ kind: 'saved' });
      return true;
    }
    saving = true;
    setStatus({ kind: 'saving' });
    try {
      const graph = await writes.save(doc, baseRevision, writeOptions);
      failures = 0;
      accept(graph, doc, 'save');
      setStatus(store.getState().dirty ? { kind: 'unsaved' } : { kind: 'saved' });
      return true;
    } catch (error) {
      failed(error);
      return false;
    } finally {
      saving = false;
    }
  }

  function failed(error: unknown) {
    const api = error instanceof ApiError ? error : undefined;
    if (api?.status === 412) {
      conflict = true;
      cancelTimer();
      setStatus({ kind: 'conflict' });
      return;
    }
    if (!api || api.status === 0 || api.status === 429 || api.status >= 500) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      setStatus({
        kind: 'retrying',
        offline,
        message: offline
          ? 'You are offline: your changes are kept here and saved when the connection is back.'
          : `Not saved yet (${api?.message ?? String(error)}): trying again.`,
      });
      later(retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 30_000);
      failures += 1;
      return;
    }
    setStatus({
      kind: 'error',
      message:
        api.status === 401
          ? `${api.message} Download the draft (Export) to keep your changes, then sign in again.`
          : api.message,
    });
  }

  function onEdit() {
    if (conflict) return;
    if (!saving && status.getState().kind !== 'retrying') setStatus({ kind: 'unsaved' });
    later(delayMs);
  }

  const flush = (writeOptions?: WriteOptions) => {
    cancelTimer();
    return alone(() => saveNow(writeOptions));
  };

  const retry = () => {
    if (conflict) return;
    failures = 0;
    cancelTimer();
    queueSave();
  };

  return {
    status,
    flush,

    write(kind, change, { saveFirst = true } = {}) {
      cancelTimer();
      return alone(async () => {
        if (saveFirst && !(await saveNow())) {
          const now = status.getState();
          throw new NotSavedError(
            now.kind === 'conflict'
              ? 'Someone else saved this graph meanwhile: choose whose draft to keep first.'
              : `The draft could not be saved first: ${'message' in now ? now.message : 'try again.'}`,
          );
        }
        try {
          const graph = await change(store.getState().baseRevision);
          accept(graph, savedDoc, kind);
          return graph;
        } catch (error) {
          if (error instanceof ApiError && error.status === 412) failed(error);
          throw error;
        } finally {
          // Edits not saved by this write are saved after it as usual.
          if (store.getState().dirty && !conflict && timer === undefined) later(delayMs);
        }
      });
    },

    loadTheirs() {
      cancelTimer();
      return alone(async () => {
        const theirs = await writes.load();
        conflict = false;
        failures = 0;
        store.getState().loadSaved(theirs.draft, theirs.revision);
        accept(theirs, theirs.draft, 'load');
        setStatus({ kind: 'saved' });
      });
    },

    keepMine() {
      cancelTimer();
      return alone(async () => {
        const theirs = await writes.load();
        store.getState().rebase(theirs.revision);
        conflict = false;
        return saveNow();
      });
    },

    retry,

    start() {
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.doc !== previous.doc && state.dirty) onEdit();
      });
      const online = () => {
        if (status.getState().kind === 'retrying') retry();
      };
      globalThis.addEventListener?.('online', online);
      return () => {
        unsubscribe();
        globalThis.removeEventListener?.('online', online);
        // Leaving the editor: what is left is saved now (the write outlives the page).
        if (store.getState().dirty && !conflict) void flush();
        else cancelTimer();
      };
    },
  };
}
