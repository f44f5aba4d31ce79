import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, errorMessage } from '../ui/index.js';

/**
 * Catches a render error anywhere below and shows it with a way out, instead of a blank page.
 *
 * @example
 * <ErrorBoundary><App /></ErrorBoundary>
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever opens the console; the page says what to do.
    console.warn('The builder hit an error:', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <main id="main" className="gf-page">
        <div className="gf-state gf-state-error" role="alert">
          <h1>This page hit a problem</h1>
          <p>{errorMessage(this.state.error)}</p>
          <div className="gf-state-action">
            <Button variant="primary" onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button onClick={() => window.location.assign('/')}>Go to your servers</Button>
          </div>
        </div>
      </main>
    );
  }
}
