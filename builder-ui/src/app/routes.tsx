import { lazy, Suspense } from 'react';
import { Navigate, useParams, type RouteObject } from 'react-router';
import { LoginPage } from '../auth/login-page.js';
import { RequireSession } from '../auth/require-session.js';
import { GraphListPage } from '../graphs/graph-list-page.js';
import { TemplatesPage } from '../templates/templates-page.js';
import { LoadingState } from '../ui/index.js';
import { GuildPickerPage } from './guild-picker-page.js';
import { Layout } from './layout.js';
import { NotFoundPage } from './not-found-page.js';

// The editor is the heaviest part (canvas, forms, code editor): its own chunk, loaded on open.
const EditorPage = lazy(() =>
  import('../editor/editor-page.js').then((module) => ({ default: module.EditorPage })),
);

function GuildHome() {
  const { guildId = '' } = useParams();
  return <Navigate to={`/guilds/${guildId}/graphs`} replace />;
}

/**
 * The builder's routes (DESIGN.md, Running it): `/login`, and behind sign-in `/` (the server
 * picker), `/guilds/:guildId/graphs`, `/guilds/:guildId/graphs/:graphId` (the editor) and
 * `/templates`.
 *
 * @example
 * createBrowserRouter(routes);
 */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
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
        element: (
          <Suspense fallback={<LoadingState label="Opening the editor" />}>
            <EditorPage />
          </Suspense>
        ),
      },
      { path: 'templates', element: <TemplatesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
