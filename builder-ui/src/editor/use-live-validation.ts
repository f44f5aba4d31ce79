import { validateGraph } from '@guildflow/engine/core';
import { useEffect } from 'react';
import { sameButPositions } from './document-edits.js';
import type { EditorStore } from './editor-store.js';

/** Quiet time after the last edit before validating again (typing does not validate per key). */
export const VALIDATION_DELAY_MS = 150;

/**
 * Validates the draft with the core's `validateGraph` after every edit, off the render path
 * (debounced); moves alone never re-validate. The results land in the store (`issues`,
 * `nodeIssues`, `edgeIssues`).
 */
export function useLiveValidation(store: EditorStore, delayMs = VALIDATION_DELAY_MS): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      const { doc, setIssues } = store.getState();
      setIssues(doc, validateGraph(doc));
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      if (state.validatedDoc && sameButPositions(state.validatedDoc, state.doc)) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    });
    if (store.getState().validatedDoc === null) run();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, delayMs]);
}
