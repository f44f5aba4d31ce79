import { AlertTriangle, Check, CloudOff, Loader2, RotateCw } from 'lucide-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useGraphSession } from '../graph-session.js';
import { ConflictDialog } from './conflict-dialog.js';
import type { SaveStatus } from './draft-saver.js';
import '../publishing/publishing.css';

const WORDS: Record<SaveStatus['kind'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  retrying: 'Not saved: retrying',
  error: 'Not saved',
  conflict: 'Not saved: conflict',
};

function words(status: SaveStatus): string {
  return status.kind === 'retrying' && status.offline ? 'Offline: retrying' : WORDS[status.kind];
}

function StatusIcon({ status }: { status: SaveStatus }) {
  const props = { size: 14, 'aria-hidden': true } as const;
  switch (status.kind) {
    case 'saved':
      return <Check {...props} />;
    case 'saving':
      return <Loader2 {...props} className="gf-save-spin" />;
    case 'retrying':
      return <CloudOff {...props} />;
    case 'error':
    case 'conflict':
      return <AlertTriangle {...props} />;
    default:
      return null;
  }
}

/**
 * The toolbar's save state (saved / saving… / unsaved changes / offline, retrying / not saved /
 * conflict), trouble announced politely; a failed save offers to retry, a conflict opens its dialog
 * (and can be reopened after closing it).
 */
export function SaveStatusIndicator() {
  const { saver } = useGraphSession();
  const status = useStore(saver.status);
  // The conflict the user closed the dialog of (a new conflict opens it again).
  const [dismissed, setDismissed] = useState<SaveStatus | null>(null);
  const message = 'message' in status ? status.message : undefined;
  return (
    <div className="gf-save" data-kind={status.kind}>
      <span className="gf-save-state" title={message}>
        <StatusIcon status={status} />
        {words(status)}
      </span>
      {/* Only trouble is announced: "Saving…/Saved" on every pause in typing would be noise. */}
      <span className="gf-editor-visually-hidden" aria-live="polite">
        {message ?? (status.kind === 'conflict' ? 'Not saved: someone else saved first.' : '')}
      </span>
      {(status.kind === 'error' || status.kind === 'retrying') && (
        <button type="button" className="gf-save-action" onClick={saver.retry} title={message}>
          <RotateCw size={13} aria-hidden="true" /> Retry now
        </button>
      )}
      {status.kind === 'conflict' && dismissed === status && (
        <button type="button" className="gf-save-action" onClick={() => setDismissed(null)}>
          Resolve…
        </button>
      )}
      {status.kind === 'conflict' && dismissed !== status && (
        <ConflictDialog onClose={() => setDismissed(status)} />
      )}
    </div>
  );
}
