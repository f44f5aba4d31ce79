import type { ReactNode } from 'react';
import { Button } from './button.js';
import { Dialog } from './dialog.js';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The confirming button's words, e.g. "Delete graph". */
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** A destructive action: the confirm button is red. */
  danger?: boolean;
  busy?: boolean;
}

/**
 * Asks before an action that cannot be undone. Focus starts on Cancel, so Enter never
 * destroys by accident.
 *
 * @example
 * <ConfirmDialog title="Delete “Welcome”?" confirmLabel="Delete graph" danger onConfirm={remove} onCancel={close}>Its runs stop.</ConfirmDialog>
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog
      title={props.title}
      role="alertdialog"
      onClose={props.onCancel}
      footer={
        <>
          <Button data-autofocus onClick={props.onCancel}>
            Cancel
          </Button>
          <Button
            variant={props.danger ? 'danger' : 'primary'}
            busy={props.busy ?? false}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </Button>
        </>
      }
    >
      {props.children}
    </Dialog>
  );
}
