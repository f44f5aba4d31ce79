import { useEffect } from 'react';
import type { EditorStore } from '../editor-store.js';
import type { DraftSaver } from './draft-saver.js';

/**
 * Runs the autosave while the editor is open. Closing the tab with changes not saved sends
 * them on their way (a request that outlives the page) and asks the browser to confirm leaving;
 * leaving the editor inside the app saves what is left (see `DraftSaver.start`).
 */
export function useAutosave(saver: DraftSaver, store: EditorStore): void {
  useEffect(() => saver.start(), [saver]);
  useEffect(() => {
    const unsaved = () => store.getState().dirty || saver.status.getState().kind !== 'saved';
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      void saver.flush({ keepalive: true });
      event.preventDefault();
    };
    // Phones and back/forward caching skip beforeunload: pagehide still comes.
    const pageHide = () => {
      if (store.getState().dirty) void saver.flush({ keepalive: true });
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', pageHide);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', pageHide);
    };
  }, [saver, store]);
}
