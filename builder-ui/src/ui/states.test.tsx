import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.js';
import { ErrorState, LoadingState } from './states.js';
import { ToastProvider, useToast } from './toast.js';

afterEach(cleanup);

describe('states', () => {
  it('shows the API’s own message and offers a retry', async () => {
    const retry = vi.fn();
    render(
      <ErrorState
        error={new ApiError(503, 'store_unavailable', 'The store is not answering; try again.')}
        onRetry={retry}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'The store is not answering; try again.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('announces loading', () => {
    render(<LoadingState label="Loading graphs" />);
    expect(screen.getByRole('status').textContent).toBe('Loading graphs…');
  });
});

function Saver() {
  const toast = useToast();
  return (
    <>
      <button onClick={() => toast.success('Saved.')}>ok</button>
      <button onClick={() => toast.error('Not saved: the graph changed.')}>fail</button>
    </>
  );
}

describe('toasts', () => {
  it('shows successes for a while and errors until dismissed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(
        <ToastProvider>
          <Saver />
        </ToastProvider>,
      );
      await user.click(screen.getByRole('button', { name: 'ok' }));
      await user.click(screen.getByRole('button', { name: 'fail' }));
      expect(screen.getByRole('status').textContent).toContain('Saved.');
      expect(screen.getByRole('alert').textContent).toContain('Not saved');
      act(() => vi.advanceTimersByTime(6_000));
      expect(screen.queryByRole('status')).toBeNull();
      expect(screen.getByRole('alert')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
