import type { EditorActions } from './editor-actions.js';
import type { EditorStore } from './editor-store.js';
import type { GraphSession } from './graph-session.js';
import { downloadGraph, graphFileName, graphJson } from './saving/download.js';
import type { CommandId } from './shortcuts.js';

/**
 * Runs an editor command (from the toolbar, a shortcut or the command palette): one table of
 * commands for all three.
 */
export function runEditorCommand(
  id: CommandId,
  store: EditorStore,
  session: GraphSession,
  actions: EditorActions,
  ui: { setSheet(sheet: 'shortcuts' | 'commands'): void; focusSearch(): void },
): void {
  const state = store.getState();
  switch (id) {
    case 'undo':
      return state.undo();
    case 'redo':
      return state.redo();
    case 'delete':
      return actions.deleteSelection();
    case 'selectAll':
      return state.selectAll();
    case 'duplicate':
      return actions.duplicate();
    case 'layout':
      return actions.layout();
    case 'fitView':
      return actions.fitView();
    case 'zoomIn':
      return actions.zoomIn();
    case 'zoomOut':
      return actions.zoomOut();
    case 'commandPalette':
      return ui.setSheet('commands');
    case 'shortcuts':
      return ui.setSheet('shortcuts');
    case 'addNode':
      return ui.focusSearch();
    case 'copy':
    case 'cut': {
      const text = actions.copyText();
      if (!text) return state.say('Select nodes to copy first.', 'error');
      void navigator.clipboard?.writeText(text).then(
        () => {
          if (id === 'cut') actions.deleteSelection();
          state.say('Copied: paste into this graph or another one.');
        },
        () => state.say('The browser did not allow copying: use Ctrl+C on the canvas.', 'error'),
      );
      return;
    }
    case 'save':
      void session.saver.flush();
      return;
    case 'publish':
      void session.actions.getState().publish();
      return;
    case 'history':
      return session.actions.getState().setHistoryOpen(true);
    case 'testRun':
      return session.testRun.getState().openDialog();
    case 'transcript':
      return session.testRun.getState().toggleTranscript();
    case 'download':
      downloadGraph(state.doc);
      return state.say(`Downloaded ${graphFileName(state.doc.name)}.`);
    case 'copyJson':
      void navigator.clipboard?.writeText(graphJson(state.doc)).then(
        () => state.say('Copied the graph as JSON: import it in any server, or keep it.'),
        () => state.say('The browser did not allow copying: download the JSON instead.', 'error'),
      );
      return;
    case 'paste':
      void navigator.clipboard
        ?.readText()
        .then(actions.paste, () =>
          state.say(
            'The browser did not allow reading the clipboard: use Ctrl+V on the canvas.',
            'error',
          ),
        );
  }
}
