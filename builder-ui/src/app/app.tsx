import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ToastProvider } from '../ui/index.js';
import { ErrorBoundary } from './error-boundary.js';
import { createQueryClient } from './query-client.js';
import { appRoutes } from './routes.js';

/**
 * The builder's root: error boundary, server state (TanStack Query), toasts and the router.
 * `router` is injectable for tests (a memory router).
 *
 * @example
 * createRoot(root).render(<App />);
 */
export function App({ router }: { router?: ReturnType<typeof createBrowserRouter> } = {}) {
  const [client] = useState(createQueryClient);
  const [browserRouter] = useState(() => router ?? createBrowserRouter(appRoutes(client)));
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>
        <ToastProvider>
          <RouterProvider router={browserRouter} />
        </ToastProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
