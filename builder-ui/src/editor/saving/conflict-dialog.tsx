import { diffGraphs } from '@guildflow/engine/core';
import { useEffect, useMemo, useState } from 'react';
import type { EditorGraph } from '../../api/queries.js';
import { Button, Dialog, errorMessage, LoadingState } from '../../ui/index.js';
import { useEditor, useEditorStore } from '../editor-context.js';
import { useGraphSession } from '../graph-session.js';
import { ChangeList } from '../versions/change-list.js';
import { downloadGraph } from './download.js';

/**
 * Someone else saved the graph first (another tab or person): what differs between their draft
 * and mine, and the three ways on — load theirs (mine stays one Ctrl+Z away), keep mine and
 * overwrite theirs, or download mine as a file. Closing it decides nothing: autosave stays
 * stopped and the toolbar offers to resolve it later.
 */
export function ConflictDialog({ onClose }: { onClose(): void }) {
  const { saver, writes } = useGraphSession();
  const store = useEditorStore();
  const mine = useEditor((s) => s.doc);
  const [theirs, setTheirs] = useState<EditorGraph | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'load' | 'keep' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    writes.load().then(
      (graph) => live && setTheirs(graph),
      (error: unknown) => live && setLoadError(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [writes]);
  const diff = useMemo(() => (theirs ? diffGraphs(theirs.draft, mine) : null), [theirs, mine]);

  const choose = async (choice: 'load' | 'keep') => {
    setBusy(choice);
    setFailure(null);
    try {
      if (choice === 'load') {
        await saver.loadTheirs();
        store.getState().say('Loaded their draft. Ctrl+Z brings yours back (unsaved).');
      } else if (await saver.keepMine()) {
        store.getState().say('Your draft is saved over theirs.');
      } else if (saver.status.getState().kind !== 'conflict') {
        setFailure('Your draft could not be saved yet: the toolbar says why.');
      }
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog
      title="Someone else saved this graph"
      role="alertdialog"
      size="wide"
      onClose={onClose}
      description="It was saved in another tab or by someone else while you were editing, so your latest changes are not saved. Choose which draft to keep — nothing is overwritten until you do."
      footer={
        <>
          <Button onClick={() => downloadGraph(mine)}>Download mine</Button>
          <Button
            busy={busy === 'load'}
            disabled={busy !== null}
            onClick={() => void choose('load')}
          >
            Load theirs
          </Button>
          <Button
            variant="danger"
            busy={busy === 'keep'}
            disabled={busy !== null}
            onClick={() => void choose('keep')}
          >
            Keep mine and overwrite
          </Button>
        </>
      }
    >
      {failure && (
        <p role="alert" className="gf-field-error">
          {failure}
        </p>
      )}
      <h3 className="gf-conflict-heading">What your draft changes compared with theirs</h3>
      {loadError ? (
        <p role="alert">Their draft could not be read ({loadError}). You can still choose.</p>
      ) : theirs && diff ? (
        <ChangeList
          diff={diff}
          before={theirs.draft}
          after={mine}
          sides={{ before: 'Theirs', after: 'Yours' }}
        />
      ) : (
        <LoadingState label="Reading their draft" />
      )}
    </Dialog>
  );
}
