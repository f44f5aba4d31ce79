import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import './ui.css';

/** A short message at the corner of the screen. */
export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  message: string;
}

interface Toasts {
  success(message: string): void;
  error(message: string): void;
  info(message: string): void;
}

const ToastContext = createContext<Toasts | null>(null);
/** Success and info toasts go away by themselves; errors stay until closed. */
const TOAST_MS = 5_000;

/**
 * Holds the toasts of the app and draws them in a live region (screen readers read them).
 *
 * @example
 * <ToastProvider><App /></ToastProvider>
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);
  const push = useCallback(
    (kind: Toast['kind'], message: string) => {
      const id = Date.now() + Math.random();
      setToasts((list) => [...list.slice(-4), { id, kind, message }]);
      if (kind !== 'error') setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const api = useMemo<Toasts>(
    () => ({
      success: (m) => push('success', m),
      error: (m) => push('error', m),
      info: (m) => push('info', m),
    }),
    [push],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="gf-toasts">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`gf-toast gf-toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{toast.message}</span>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/**
 * The app's toasts.
 *
 * @example
 * const toast = useToast();
 * toast.success('Published version 3.');
 */
export function useToast(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToast() needs a <ToastProvider> above it.');
  return toasts;
}
