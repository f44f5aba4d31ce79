import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './ui.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  /** Called on Escape, on the close button and on a click outside. */
  onClose(): void;
  children: ReactNode;
  /** The buttons at the bottom (the dialog's actions). */
  footer?: ReactNode;
  /** One line under the title. */
  description?: ReactNode;
  /** `full`: nearly the whole window (comparisons side by side). */
  size?: 'normal' | 'wide' | 'full';
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog: rendered over the page with the rest of the app inert, focus moved into it
 * (the first field, else the first button) and kept there (Tab cycles), Escape closes it, and
 * focus returns to what opened it.
 *
 * @example
 * {open && <Dialog title="Import a graph" onClose={() => setOpen(false)} footer={<Button>Import</Button>}>…</Dialog>}
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  description,
  size = 'normal',
  role = 'dialog',
}: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const root = document.getElementById('root');
    const wasInert = root?.inert ?? false;
    if (root) root.inert = true;
    const node = panel.current;
    const first =
      node?.querySelector<HTMLElement>('[data-autofocus]') ??
      node?.querySelector<HTMLElement>(
        '.gf-dialog-body :is(input, select, textarea):not([disabled])',
      ) ??
      node?.querySelector<HTMLElement>(`.gf-dialog-body :is(${FOCUSABLE})`) ??
      node?.querySelector<HTMLElement>('.gf-dialog-footer button:not([disabled])') ??
      node;
    first?.focus();
    return () => {
      if (root) root.inert = wasInert;
      opener?.focus?.();
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      // A field inside used it (a combobox closing its list, an autocomplete): not for us.
      if (event.defaultPrevented) return;
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.closest('[inert]'),
    );
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (event.shiftKey && document.activeElement === firstItem) {
      event.preventDefault();
      lastItem?.focus();
    } else if (!event.shiftKey && document.activeElement === lastItem) {
      event.preventDefault();
      firstItem?.focus();
    }
  };

  return createPortal(
    <div
      className="gf-dialog-overlay"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) close.current();
      }}
    >
      <div
        ref={panel}
        className={`gf-dialog gf-dialog-${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="gf-dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="gf-dialog-close"
            aria-label="Close"
            onClick={() => close.current()}
          >
            ×
          </button>
        </header>
        {description ? (
          <p id={descriptionId} className="gf-dialog-description">
            {description}
          </p>
        ) : null}
        <div className="gf-dialog-body">{children}</div>
        {footer ? <footer className="gf-dialog-footer">{footer}</footer> : null}
      </div>
    </div>,
    document.body,
  );
}
