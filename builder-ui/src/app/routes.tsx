import type { QueryClient } from '@tanstack/react-query';
import { Navigate, useParams, useRouteError, type RouteObject } from 'react-router';
import { LoginPage } from '../auth/login-page.js';
import { RequireSession } from '../auth/require-session.js';
import { GraphListPage } from '../graphs/graph-list-page.js';
import { RunsPage } from '../runs/runs-page.js';
import { TemplatesPage } from '../templates/templates-page.js';
import { ErrorState, LoadingState } from '../ui/index.js';
import { loadEditorPage, startEditorOpening, startSignedInPage } from './route-loaders.js';
import { GuildPickerPage } from './guild-picker-page.js';
import { Layout } from './layout.js';
import { NotFoundPage } from './not-found-page.js';

/** A route that could not load (its code, after a deploy or offline): say so and offer a reload. */
function RouteError() {
  const error = useRouteError();
  return (
    <main id="main">
      <ErrorState
        error={error}
        title="This page could not be opened"
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}

function GuildHome() {
  const { guildId = '' } = useParams();
  return <Navigate to={`/guilds/${guildId}/graphs`} replace />;
}

/**
 * The builder's routes (DESIGN.md, Running it): `/login`, and behind sign-in `/` (the server
 * picker), `/guilds/:guildId/graphs`, `/guilds/:guildId/graphs/:graphId` (the editor), the
 * guild's runs, sandbox, credentials and billing, and `/templates`. Entering the editor's route starts loading what it opens with (`client` holds
 * what it reads).
 */
export const appRoutes = (client: QueryClient): RouteObject[] => [
  { path: '/login', element: <LoginPage /> },
  {
    loader: startSignedInPage(client),
    hydrateFallbackElement: <LoadingState label="Opening Guildflow" />,
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <GuildPickerPage /> },
      { path: 'guilds/:guildId', element: <GuildHome /> },
      { path: 'guilds/:guildId/graphs', element: <GraphListPage /> },
      {
        path: 'guilds/:guildId/graphs/:graphId',
        // The router loads the editor's chunk with the route's reads (no Suspense: React would
        // hold a revealed page back up to 300 ms after a fallback).
        loader: startEditorOpening(client),
        lazy: async () => ({ Component: (await loadEditorPage()).EditorPage }),
        errorElement: <RouteError />,
      },
      { path: 'guilds/:guildId/runs', element: <RunsPage /> },
      {
        // Its own chunk: it draws the run's graph with React Flow and the engine core.
        path: 'guilds/:guildId/runs/:runId',
        lazy: async () => ({ Component: (await import('../runs/run-page.js')).RunPage }),
        errorElement: <RouteError />,
      },
      {
        path: 'guilds/:guildId/sandbox',
        lazy: async () => ({ Component: (await import('../sandbox/sandbox-page.js')).SandboxPage }),
        errorElement: <RouteError />,
      },
      {
        path: 'guilds/:guildId/credentials',
        lazy: async () => ({
          Component: (await import('../credentials/credentials-page.js')).CredentialsPage,
        }),
        errorElement: <RouteError />,
      },
      {
        path: 'guilds/:guildId/billing',
        lazy: async () => ({ Component: (await import('../billing/billing-page.js')).BillingPage }),
        errorElement: <RouteError />,
      },
      { path: 'templates', element: <TemplatesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
