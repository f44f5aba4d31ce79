import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal `<dialog>` (focus kept inside, Escape closes, the page behind inert), shown
 * while mounted. No portal or injected styles: the service's CSP allows neither.
 */
export function Modal({
  label,
  onClose,
  children,
  className,
}: {
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // What had the focus before the dialog opened (read once, before showModal moves it).
  const opener = useRef(document.activeElement);
  useEffect(() => {
    const dialog = ref.current;
    const back = opener.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // showModal focuses the first focusable element; the content may name a better one.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    // Unmounting removes the dialog without close(), so the browser does not give the focus
    // back: do it, unless what ran from the dialog moved the focus somewhere on purpose.
    return () => {
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || dialog.contains(focus);
      if (lost && back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={`gf-editor-modal ${className ?? ''}`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="gf-editor-modal-body">{children}</div>
    </dialog>
  );
}
