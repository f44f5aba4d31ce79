import type { GraphDocument, ValidationIssue } from '@guildflow/engine/core';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlanLimit } from '../../api/billing-queries.js';
import { ApiError } from '../../api/client.js';
import type { GraphWrites, PreflightReport } from '../../api/graph-writes.js';
import type { EditorGraph } from '../../api/queries.js';
import type { EditorStore } from '../editor-store.js';
import { NotSavedError, type DraftSaver } from '../saving/draft-saver.js';

/** A result worth keeping on screen until read (a warning, a failure). */
export interface GraphNotice {
  tone: 'warning' | 'error';
  text: string;
  /** A refusal because of the guild's plan (`402 plan_limit`): offer the plans. */
  upgrade?: boolean;
}

export interface GraphActionsState {
  /** The write on its way, if any (its button shows it). */
  busy: 'publish' | 'disable' | 'enable' | 'rollback' | null;
  /** The issues of a refused publish (`400 invalid_graph`), until dismissed. */
  refusal: readonly ValidationIssue[] | null;
  notice: GraphNotice | null;
  /** Warnings of the check before publishing, until published anyway or cancelled. */
  preflight: PreflightReport | null;
  historyOpen: boolean;
  /** Saves, checks the draft against the server (preflight), publishes when nothing is found. */
  publish(): Promise<void>;
  /** Publishes after the preflight warnings were read. */
  publishAnyway(): Promise<void>;
  dismissPreflight(): void;
  /** Off: `disable`. On: the version that was live goes live again (never the draft). */
  setEnabled(enabled: boolean): Promise<void>;
  /** Makes a published version live again; true when it is. */
  rollback(version: number): Promise<boolean>;
  /** Replaces the draft with a version's document (one undo step, saved like any edit). */
  restore(doc: GraphDocument, version: number): void;
  dismissRefusal(): void;
  dismissNotice(): void;
  setHistoryOpen(open: boolean): void;
}

export type GraphActions = StoreApi<GraphActionsState>;

/**
 * Publishing, turning on and off, rolling back and restoring versions of an open graph. Every
 * write goes through the saver (one at a time, `If-Match`, a 412 becomes its conflict); results
 * are told through the editor's messages, warnings (a gateway that did not confirm) and
 * failures stay as a notice, a refused publish keeps its issue list.
 *
 * @example
 * const actions = createGraphActions({ store, saver, writes });
 * await actions.getState().publish();
 */
export function createGraphActions({
  store,
  saver,
  writes,
}: {
  store: EditorStore;
  saver: DraftSaver;
  writes: GraphWrites;
}): GraphActions {
  return createStore<GraphActionsState>()((set, get) => {
    /** Tells how a write ended: live, or saved with the gateway's caveat. */
    const report = (done: string, graph: EditorGraph) => {
      if (graph.routing && !graph.routing.live) {
        set({
          notice: {
            tone: 'warning',
            text: `${done} ${graph.routing.message ?? 'A Discord gateway has not confirmed it routes events by this change yet.'}`,
          },
        });
      } else {
        set({ notice: null });
        store.getState().say(done);
      }
    };
    /** Says why a write failed (a conflict shows its own dialog). */
    const failed = (what: string, error: unknown) => {
      if (error instanceof ApiError && error.status === 412) return;
      if (error instanceof NotSavedError && saver.status.getState().kind === 'conflict') return;
      const message = error instanceof Error ? error.message : String(error);
      set({
        notice: {
          tone: 'error',
          text: `${what}: ${message}`,
          ...(isPlanLimit(error) ? { upgrade: true } : {}),
        },
      });
    };
    const run = async (busy: NonNullable<GraphActionsState['busy']>, task: () => Promise<void>) => {
      if (get().busy) return;
      set({ busy });
      try {
        await task();
      } finally {
        set({ busy: null });
      }
    };

    const publishNow = async () => {
      try {
        const graph = await saver.write('publish', (revision) => writes.publish(revision));
        set({ refusal: null });
        report(`Published version ${graph.publishedVersion ?? '?'}: new runs use it.`, graph);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'invalid_graph') {
          const issues = Array.isArray(error.details) ? (error.details as ValidationIssue[]) : [];
          set({ refusal: issues, notice: null });
          return;
        }
        failed('Not published', error);
      }
    };

    return {
      busy: null,
      refusal: null,
      notice: null,
      preflight: null,
      historyOpen: false,

      publish: () =>
        run('publish', async () => {
          // Checked on what is saved: save first (a conflict or failure says so itself).
          if (!(await saver.flush())) return;
          let report: PreflightReport | null = null;
          try {
            report = await writes.preflight();
          } catch {
            // The check only advises: publishing does not depend on it.
          }
          if (report && report.warnings.length > 0) {
            set({ preflight: report, refusal: null });
            return;
          }
          await publishNow();
        }),

      publishAnyway: () =>
        run('publish', async () => {
          set({ preflight: null });
          await publishNow();
        }),

      dismissPreflight: () => set({ preflight: null }),

      setEnabled: (enabled) =>
        run(enabled ? 'enable' : 'disable', async () => {
          const version = store.getState().published.version;
          try {
            if (enabled) {
              if (version === null) {
                set({ notice: { tone: 'error', text: 'Publish this graph first to turn it on.' } });
                return;
              }
              const graph = await saver.write(
                'rollback',
                (revision) => writes.rollback(version, revision),
                { saveFirst: false },
              );
              report(`On again: version ${version} is live.`, graph);
            } else {
              const graph = await saver.write('disable', (revision) => writes.disable(revision), {
                saveFirst: false,
              });
              report('Turned off: no new runs start (runs already going finish).', graph);
            }
          } catch (error) {
            failed(enabled ? 'Not turned on' : 'Not turned off', error);
          }
        }),

      async rollback(version) {
        let done = false;
        await run('rollback', async () => {
          try {
            const graph = await saver.write(
              'rollback',
              (revision) => writes.rollback(version, revision),
              { saveFirst: false },
            );
            report(`Rolled back: version ${version} is live; the draft is unchanged.`, graph);
            done = true;
          } catch (error) {
            failed(`Not rolled back to version ${version}`, error);
          }
        });
        return done;
      },

      restore(doc, version) {
        store.getState().edit(() => structuredClone(doc));
        store
          .getState()
          .say(`The draft is now version ${version}'s graph. Ctrl+Z brings your draft back.`);
      },

      dismissRefusal: () => set({ refusal: null }),
      dismissNotice: () => set({ notice: null }),
      setHistoryOpen: (historyOpen) => set({ historyOpen }),
    };
  });
}
