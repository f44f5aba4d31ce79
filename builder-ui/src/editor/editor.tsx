import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Canvas, type QuickAddRequest } from './canvas.js';
import { useStore } from 'zustand';
import { CommandPalette } from './command-palette.js';
import { hasTrigger, type XY } from './document-edits.js';
import { useEditorActions, type EditorActions } from './editor-actions.js';
import { runEditorCommand } from './editor-commands.js';
import { EditorStoreContext, useEditor, useEditorStore } from './editor-context.js';
import type { EditorStore } from './editor-store.js';
import { EditorToolbar } from './editor-toolbar.js';
import { GraphSessionContext, useGraphSession, type GraphSession } from './graph-session.js';
import { IssuesList } from './issues-list.js';
import { Palette } from './palette.js';
import type { PaletteEntry } from './palette-items.js';
import { QuickAdd } from './quick-add.js';
import { isTyping, shortcutFor, type CommandId } from './shortcuts.js';
import { ShortcutsSheet } from './shortcuts-sheet.js';
import { SidePanel } from './side-panel.js';
import { GraphNoticeBanner } from './publishing/publish-controls.js';
import { useAutosave } from './saving/use-autosave.js';
import { useLiveValidation } from './use-live-validation.js';
import { SandboxPanel } from '../sandbox/sandbox-page.js';
import { RunOverlayBanner } from './test-run/run-overlay.js';
import { TestRunDialog } from './test-run/test-run-dialog.js';
import { VersionHistory } from './versions/version-history.js';
import '@xyflow/react/dist/style.css';
import './editor.css';

export interface EditorProps {
  store: EditorStore;
  /** The graph's autosave and publishing (`createGraphSession`). */
  session: GraphSession;
  /** The node catalog (`GET /api/catalog`), for the palettes. */
  entries: readonly PaletteEntry[];
  /** Where "back" goes (the graph list). */
  backTo?: string;
}

/**
 * The editor of one open graph: palette, canvas, side panel, issues, shortcuts, and its link to
 * the service (autosave, publish, versions).
 */
export function Editor({ store, session, entries, backTo }: EditorProps) {
  useLiveValidation(store);
  useAutosave(session.saver, store);
  return (
    <EditorStoreContext.Provider value={store}>
      <GraphSessionContext.Provider value={session}>
        <ReactFlowProvider>
          <EditorLayout entries={entries} backTo={backTo} />
        </ReactFlowProvider>
      </GraphSessionContext.Provider>
    </EditorStoreContext.Provider>
  );
}

function EditorLayout({
  entries,
  backTo,
}: {
  entries: readonly PaletteEntry[];
  backTo?: string | undefined;
}) {
  const store = useEditorStore();
  const session = useGraphSession();
  const historyOpen = useStore(session.actions, (s) => s.historyOpen);
  const testRunOpen = useStore(session.testRun, (s) => s.dialogOpen);
  const transcriptOpen = useStore(session.testRun, (s) => s.transcriptOpen);
  const guildId = useEditor((s) => s.guildId);
  const canvasRef = useRef<HTMLDivElement>(null);
  const pointer = useRef<XY | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const actions = useEditorActions(canvasRef, pointer);
  const [quickAdd, setQuickAdd] = useState<QuickAddRequest | null>(null);
  const [sheet, setSheet] = useState<'shortcuts' | 'commands' | null>(null);
  const triggerTaken = useEditor((s) => hasTrigger(s.doc));
  const selectedTitle = useEditor((s) => {
    if (s.selectedNodes.size !== 1) return undefined;
    const [id] = s.selectedNodes;
    const node = s.doc.nodes.find((n) => n.id === id);
    return node ? (node.label ?? node.id) : undefined;
  });

  const onPointer = useCallback((at: XY) => {
    pointer.current = at;
  }, []);
  const runCommand = useCallback(
    (id: CommandId) =>
      runEditorCommand(id, store, session, actions, {
        setSheet,
        focusSearch: () => searchRef.current?.focus(),
      }),
    [store, session, actions],
  );

  useEditorKeys(canvasRef, actions, runCommand, sheet !== null || quickAdd !== null);

  return (
    <div className="gf-editor">
      <EditorToolbar backTo={backTo} onCommand={runCommand} />
      <GraphNoticeBanner />
      <div className="gf-editor-main">
        <nav className="gf-editor-palette-panel" aria-label="Node palette">
          <Palette
            entries={entries}
            onAdd={actions.addFromPalette}
            searchRef={searchRef}
            hint={
              selectedTitle
                ? `Adds after ${selectedTitle}, connected.`
                : 'Drag onto the canvas, or press Enter to add.'
            }
          />
        </nav>
        <div className="gf-editor-canvas" ref={canvasRef}>
          <Canvas actions={actions} onPointer={onPointer} onQuickAdd={setQuickAdd} />
          <IssuesList />
          <RunOverlayBanner />
        </div>
        {transcriptOpen ? (
          <aside className="gf-editor-transcript" aria-label="Sandbox transcript">
            <SandboxPanel guildId={guildId} />
          </aside>
        ) : (
          <SidePanel />
        )}
      </div>
      <EditorMessages />
      {quickAdd && (
        <QuickAdd
          request={quickAdd}
          entries={entries}
          onAdd={(type) => {
            actions.addAt(type, quickAdd.at, quickAdd.pending);
            setQuickAdd(null);
          }}
          onClose={() => setQuickAdd(null)}
        />
      )}
      {testRunOpen && <TestRunDialog onClose={() => session.testRun.getState().closeDialog()} />}
      {historyOpen && (
        <VersionHistory onClose={() => session.actions.getState().setHistoryOpen(false)} />
      )}
      {sheet === 'shortcuts' && <ShortcutsSheet onClose={() => setSheet(null)} />}
      {sheet === 'commands' && (
        <CommandPalette
          entries={entries}
          triggerTaken={triggerTaken}
          onCommand={runCommand}
          onAddNode={actions.addFromPalette}
          onClose={() => setSheet(null)}
        />
      )}
    </div>
  );
}

/** Keyboard shortcuts and the clipboard, while the editor is open. */
function useEditorKeys(
  canvasRef: React.RefObject<HTMLElement | null>,
  actions: EditorActions,
  runCommand: (id: CommandId) => void,
  overlayOpen: boolean,
) {
  const store = useEditorStore();
  useEffect(() => {
    // Selection commands act when the focus is on the canvas or nowhere in particular.
    const onCanvas = (target: EventTarget | null) =>
      target === document.body ||
      (target instanceof Node && canvasRef.current?.contains(target) === true);
    const inModal = (target: EventTarget | null) =>
      target instanceof Element && target.closest('dialog[open], [aria-modal="true"]') !== null;
    const onKey = (event: KeyboardEvent) => {
      if (overlayOpen || inModal(event.target)) return;
      const shortcut = shortcutFor(event);
      if (!shortcut || (isTyping(event.target) && !shortcut.anywhere)) return;
      if (shortcut.canvas && !onCanvas(event.target)) return;
      event.preventDefault();
      runCommand(shortcut.id);
    };
    const onCopy = (event: ClipboardEvent) => {
      if (overlayOpen || isTyping(event.target) || !onCanvas(event.target)) return;
      const text = actions.copyText();
      if (!text || !event.clipboardData) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', text);
      if (event.type === 'cut') actions.deleteSelection();
      else store.getState().say('Copied: paste into this graph or another one.');
    };
    const onPaste = (event: ClipboardEvent) => {
      if (overlayOpen || isTyping(event.target) || !onCanvas(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      actions.paste(text);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [canvasRef, actions, runCommand, overlayOpen, store]);
}

/** The editor's messages (refused connections, pastes, deletes), announced to screen readers. */
function EditorMessages() {
  const message = useEditor((s) => s.message);
  const [hiddenSeq, setHiddenSeq] = useState<number | null>(null);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(
      () => setHiddenSeq(message.seq),
      message.tone === 'error' ? 8000 : 4000,
    );
    return () => clearTimeout(timer);
  }, [message]);
  const shown = message && message.seq !== hiddenSeq ? message : null;
  return (
    <div className="gf-editor-messages" role="status" aria-live="polite">
      {shown && (
        <p key={shown.seq} className={`gf-editor-message is-${shown.tone}`}>
          {shown.text}
        </p>
      )}
    </div>
  );
}
