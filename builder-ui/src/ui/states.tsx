import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { Button } from './button.js';
import './ui.css';

/**
 * A view with nothing to show yet, saying what to do about it.
 *
 * @example
 * <EmptyState title="No graphs yet" action={<Button onClick={create}>New graph</Button>}>Draw one or install a template.</EmptyState>
 */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="gf-state gf-state-empty">
      <h2>{props.title}</h2>
      {props.children ? <p className="gf-muted">{props.children}</p> : null}
      {props.action ? <div className="gf-state-action">{props.action}</div> : null}
    </div>
  );
}

/**
 * A view whose data is on its way (announced to screen readers).
 *
 * @example
 * if (graphs.isPending) return <LoadingState label="Loading graphs" />;
 */
export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="gf-state gf-state-loading" role="status" aria-live="polite">
      <span className="gf-spinner gf-spinner-large" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

/**
 * A view whose data could not be loaded: the API's message (it says what to do) and a retry.
 *
 * @example
 * if (graphs.isError) return <ErrorState error={graphs.error} onRetry={() => graphs.refetch()} />;
 */
export function ErrorState(props: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div className="gf-state gf-state-error" role="alert">
      <h2>{props.title ?? 'Something went wrong'}</h2>
      <p>{errorMessage(props.error)}</p>
      {props.onRetry ? (
        <div className="gf-state-action">
          <Button onClick={props.onRetry}>Try again</Button>
        </div>
      ) : null}
    </div>
  );
}

/** The message to show for a failure: the API's own (written for people), else the error's. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
