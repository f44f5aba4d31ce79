import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeGraphApi } from '../testing/fake-graph-api.js';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { mockReactFlow } from '../testing/react-flow-mocks.js';
import { EditorPage } from './editor-page.js';

afterEach(cleanup);

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the app's requests: the fake service, with `override` answering first when it does. */
function serve(override?: (path: string) => Response | undefined | Promise<Response | undefined>) {
  const api = installFakeGraphApi({ guildId: 'g1', graphId: 'graph1', doc: welcomeGraph() });
  const fake = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const answer = await override?.(new URL(request.url).pathname);
    return answer ?? fake(request);
  }) as typeof fetch;
  return api;
}

// The app's data router (the editor guards leaving with it), in memory.
function open() {
  mockReactFlow();
  const router = createMemoryRouter(
    [
      { path: '/guilds/:guildId/graphs/:graphId', element: <EditorPage /> },
      { path: '/guilds/:guildId/graphs', element: <p>The graph list</p> },
    ],
    { initialEntries: ['/guilds/g1/graphs/graph1'] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, client };
}

const rename = async (name: string) => {
  const user = userEvent.setup();
  const field = await screen.findByRole('textbox', { name: 'Graph name' });
  await user.clear(field);
  await user.type(field, name);
  return user;
};

describe('EditorPage', () => {
  it('shows a loading state, then the graph from the API with the catalog in the palette', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    serve(async (path) => {
      if (path === '/api/guilds/g1/graphs/graph1') await held;
      return undefined;
    });
    open();
    expect(screen.getByRole('status').textContent).toBe('Opening the graph…');
    release();
    expect(await screen.findByRole('heading', { name: 'Welcome new members' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Node palette' }).textContent).toContain(
      'Send message',
    );
    expect(screen.getByText('Saved')).toBeTruthy();
    expect(screen.getByText('Not published')).toBeTruthy();
    await waitFor(() =>
      expect(document.querySelector('.react-flow__node[data-id="role"]')).toBeTruthy(),
    );
  });

  it('says when the graph does not exist, with the way back', async () => {
    const user = userEvent.setup();
    serve((path) =>
      path === '/api/guilds/g1/graphs/graph1'
        ? json(404, { error: { code: 'not_found', message: 'No graph graph1 in this guild.' } })
        : undefined,
    );
    open();
    expect(await screen.findByRole('heading', { name: 'Graph not found' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Back to the graphs' }));
    expect(screen.getByText('The graph list')).toBeTruthy();
  });

  it('shows the API’s message when loading fails, and tries again on request', async () => {
    const user = userEvent.setup();
    let down = true;
    serve((path) =>
      down && path === '/api/guilds/g1/graphs/graph1'
        ? json(503, {
            error: {
              code: 'store_unavailable',
              message: 'The store is not answering: try again in a moment.',
            },
          })
        : undefined,
    );
    open();
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('The store is not answering: try again in a moment.');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Welcome new members' })).toBeTruthy();
  });

  it('saves what is left before leaving for the list, and reads it back on reopening', async () => {
    const api = serve();
    const { router } = open();
    const user = await rename('Welcome everyone');
    // Straight away, before the autosave's pause is over.
    await user.click(screen.getByRole('link', { name: '← Graphs' }));
    await screen.findByText('The graph list');
    expect(api.state.draft.name).toBe('Welcome everyone');
    expect(api.writes().map((r) => [r.method, r.ifMatch])).toEqual([['PUT', '"1"']]);

    // At once: the graph is read again, never taken from the cache of the last opening.
    await act(() => router.navigate('/guilds/g1/graphs/graph1'));
    expect(await screen.findByRole('heading', { name: 'Welcome everyone' })).toBeTruthy();
  });

  it('asks before leaving when the draft cannot be saved, and stays when told to', async () => {
    const api = serve();
    open();
    api.refuseSaves({ status: 400, code: 'invalid_document', message: 'The name is too long.' });
    const user = await rename('Welcome everyone');
    await user.click(screen.getByRole('link', { name: '← Graphs' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(ask.textContent).toContain('The name is too long.');
    await user.click(within(ask).getByRole('button', { name: 'Stay' }));
    expect(screen.queryByText('The graph list')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Welcome everyone' })).toBeTruthy();

    // Asked again, leaving without saving leaves (the service kept the old name).
    await user.click(screen.getByRole('link', { name: '← Graphs' }));
    const again = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(again).getByRole('button', { name: 'Leave without saving' }));
    await screen.findByText('The graph list');
    expect(api.state.draft.name).toBe('Welcome new members');
  });
});
