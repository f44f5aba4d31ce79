import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { storedToken } from '../api/client.js';
import { useSession } from '../api/queries.js';
import { ErrorState, LoadingState } from '../ui/index.js';
import { onSignedOutByApi } from './session-events.js';

/**
 * Shows `children` to a signed-in caller only: without a token, or when the API refuses it
 * anywhere later (401), it goes to `/login` with the reason and comes back here after.
 *
 * @example
 * <RequireSession><Layout /></RequireSession>
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const from = `${location.pathname}${location.search}`;

  useEffect(
    () =>
      onSignedOutByApi((message) => {
        void navigate('/login', { replace: true, state: { message, from } });
      }),
    [navigate, from],
  );

  if (!storedToken()) return <Navigate to="/login" replace state={{ from }} />;
  if (session.isPending) return <LoadingState label="Checking your sign-in" />;
  if (session.isError)
    return (
      <main id="main">
        <ErrorState
          error={session.error}
          title="Guildflow could not check your sign-in"
          onRetry={() => void session.refetch()}
        />
      </main>
    );
  return <>{children}</>;
}
