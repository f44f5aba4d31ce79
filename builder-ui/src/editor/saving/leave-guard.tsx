import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { useStore } from 'zustand';
import { Button, Dialog } from '../../ui/index.js';
import type { EditorStore } from '../editor-store.js';
import type { DraftSaver } from './draft-saver.js';
import { downloadGraph } from './download.js';

/**
 * Leaving the editor inside the app (a link, Back) waits for the draft to be saved; when it
 * cannot be (offline, refused, someone else saved first) it asks: stay, download my draft, or
 * leave without saving. Needs the app's data router.
 */
export function LeaveGuard({ saver, store }: { saver: DraftSaver; store: EditorStore }) {
  const status = useStore(saver.status);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname &&
      (store.getState().dirty || saver.status.getState().kind !== 'saved'),
  );
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let live = true;
    void saver.flush().then((saved) => {
      if (!live) return;
      if (saved) blocker.proceed();
      else setUnsaved(true);
    });
    return () => {
      live = false;
    };
  }, [blocker, saver]);

  if (blocker.state !== 'blocked' || !unsaved) return null;
  const stay = () => {
    setUnsaved(false);
    blocker.reset();
  };
  return (
    <Dialog
      title="Leave without saving?"
      role="alertdialog"
      onClose={stay}
      description={
        status.kind === 'conflict'
          ? 'Someone else saved this graph meanwhile, so your latest changes are not saved.'
          : `Your latest changes could not be saved${'message' in status ? `: ${status.message}` : '.'}`
      }
      footer={
        <>
          <Button data-autofocus onClick={stay}>
            Stay
          </Button>
          <Button onClick={() => downloadGraph(store.getState().doc)}>Download my draft</Button>
          <Button
            variant="danger"
            onClick={() => {
              setUnsaved(false);
              blocker.proceed();
            }}
          >
            Leave without saving
          </Button>
        </>
      }
    >
      <p>Stay to try again or to choose whose draft to keep, or download yours to import later.</p>
    </Dialog>
  );
}
