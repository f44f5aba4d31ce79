import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store.js';

/** The open graph's editor store (one per editor page). */
export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The editor store itself, for actions and reads outside render (`store.getState().undo()`). */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside an editor (EditorStoreContext).');
  return store;
}

/**
 * A slice of the editor state; the component draws again only when that slice changes. Select
 * the little you need (one node, one count), never the whole node list.
 */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
