import { createStore, type StoreApi } from 'zustand/vanilla';
import { api, call } from '../../api/client.js';
import { followRun } from '../../api/run-events.js';
import type { Step } from '../../api/run-queries.js';
import type { DraftSaver } from '../saving/draft-saver.js';

/** What a test run is started with (the test panel's form). */
export interface TestRunRequest {
  payload: unknown;
  /** Every wait divided by this (1 to 10,000). */
  timeScale: number;
  /** Use the graph's pinned outputs instead of executing those nodes. */
  pins: boolean;
}

/** The test run shown over the canvas, as its events tell it. */
export interface TestRunView {
  runId: string;
  status:
    'starting' | 'running' | 'completed' | 'failed' | 'cancelled' | 'terminated' | 'timed_out';
  steps: readonly Step[];
  timeScale: number;
  error?: string;
}

export interface TestRunState {
  dialogOpen: boolean;
  /** The sandbox transcript beside the canvas (in place of the side panel). */
  transcriptOpen: boolean;
  toggleTranscript(open?: boolean): void;
  run: TestRunView | null;
  openDialog(): void;
  closeDialog(): void;
  /** Saves the draft, starts it in the sandbox and follows it live; the error says why not. */
  start(request: TestRunRequest): Promise<void>;
  /** Stops showing the run on the canvas (the run itself goes on). */
  clear(): void;
}

export type TestRun = StoreApi<TestRunState>;

/**
 * Test runs of an open graph's draft: always in the sandbox (the service refuses otherwise),
 * time compressed, with pinned data; the run is followed through the service's run events so
 * the canvas shows each node's state as it changes.
 *
 * @example
 * const testRun = createTestRun({ guildId, graphId, saver });
 * await testRun.getState().start({ payload: {}, timeScale: 3600, pins: true });
 */
export function createTestRun(options: {
  guildId: string;
  graphId: string;
  saver: DraftSaver;
}): TestRun {
  const { guildId, graphId, saver } = options;
  let following: AbortController | null = null;
  return createStore<TestRunState>()((set, get) => {
    const update = (change: Partial<TestRunView>) => {
      const run = get().run;
      if (run) set({ run: { ...run, ...change } });
    };
    return {
      dialogOpen: false,
      transcriptOpen: false,
      toggleTranscript: (open) => set({ transcriptOpen: open ?? !get().transcriptOpen }),
      run: null,
      openDialog: () => set({ dialogOpen: true }),
      closeDialog: () => set({ dialogOpen: false }),
      clear: () => {
        following?.abort();
        following = null;
        set({ run: null });
      },
      start: async (request) => {
        // The service runs what is saved.
        if (!(await saver.flush()))
          throw new Error('The draft could not be saved: see the toolbar.');
        const { runId } = await call(
          api.POST('/api/guilds/{guildId}/graphs/{graphId}/runs', {
            params: { path: { guildId, graphId } },
            body: {
              draft: true,
              simulate: true,
              payload: request.payload,
              timeScale: request.timeScale,
              pins: request.pins,
            },
          }),
        );
        following?.abort();
        const controller = new AbortController();
        following = controller;
        set({
          dialogOpen: false,
          run: { runId, status: 'starting', steps: [], timeScale: request.timeScale },
        });
        followRun(
          guildId,
          runId,
          (event) => {
            if (controller.signal.aborted) return;
            if (event.type === 'run')
              update({ status: event.data.status, steps: event.data.steps });
            else if (event.type === 'step') update({ steps: event.data.steps });
            else
              update({
                status: event.data.status,
                ...(event.data.error ? { error: event.data.error.message } : {}),
              });
          },
          controller.signal,
        ).catch((error: unknown) => {
          if (!controller.signal.aborted)
            update({
              error: `Following the run stopped: ${error instanceof Error ? error.message : String(error)}`,
            });
        });
      },
    };
  });
}
