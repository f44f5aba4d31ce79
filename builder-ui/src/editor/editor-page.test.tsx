import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOG_ENTRIES, welcomeGraph } from '../testing/editor-fixtures.js';
import { mockReactFlow } from '../testing/react-flow-mocks.js';

// The API client binds fetch when it is created: route it through a handler each test sets.
const api = vi.hoisted(() => {
  const state = { handler: (_url: string): Response | Promise<Response> => new Response('{}') };
  globalThis.fetch = ((input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    return Promise.resolve(state.handler(new URL(url).pathname));
  }) as typeof fetch;
  return state;
});

const { EditorPage } = await import('./editor-page.js');

afterEach(cleanup);

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const graph = {
  id: 'graph1',
  guildId: 'g1',
  name: 'Welcome new members',
  enabled: false,
  draft: welcomeGraph(),
  issues: [],
  publishedVersion: null,
  revision: 4,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function open() {
  mockReactFlow();
  render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } })}
    >
      <MemoryRouter initialEntries={['/guilds/g1/graphs/graph1']}>
        <Routes>
          <Route path="/guilds/:guildId/graphs/:graphId" element={<EditorPage />} />
          <Route path="/guilds/:guildId/graphs" element={<p>The graph list</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('EditorPage', () => {
  it('shows a loading state, then the graph from the API with the catalog in the palette', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    api.handler = async (path) => {
      if (path === '/api/catalog') return json(200, { groups: [], nodes: CATALOG_ENTRIES });
      await held;
      return path === '/api/guilds/g1/graphs/graph1'
        ? json(200, graph)
        : json(404, { error: { code: 'not_found', message: 'no' } });
    };
    open();
    expect(screen.getByRole('status').textContent).toBe('Opening the graph…');
    release();
    expect(await screen.findByRole('heading', { name: 'Welcome new members' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Node palette' }).textContent).toContain(
      'Send message',
    );
    await waitFor(() =>
      expect(document.querySelector('.react-flow__node[data-id="role"]')).toBeTruthy(),
    );
  });

  it('says when the graph does not exist, with the way back', async () => {
    const user = userEvent.setup();
    api.handler = (path) =>
      path === '/api/catalog'
        ? json(200, { groups: [], nodes: CATALOG_ENTRIES })
        : json(404, { error: { code: 'not_found', message: 'No graph graph1 in this guild.' } });
    open();
    expect(await screen.findByRole('heading', { name: 'Graph not found' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Back to the graphs' }));
    expect(screen.getByText('The graph list')).toBeTruthy();
  });

  it('shows the API’s message when loading fails, and tries again on request', async () => {
    const user = userEvent.setup();
    let down = true;
    api.handler = (path) => {
      if (path === '/api/catalog') return json(200, { groups: [], nodes: CATALOG_ENTRIES });
      return down
        ? json(503, {
            error: {
              code: 'store_unavailable',
              message: 'The store is not answering: try again in a moment.',
            },
          })
        : json(200, graph);
    };
    open();
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('The store is not answering: try again in a moment.');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Welcome new members' })).toBeTruthy();
  });
});
