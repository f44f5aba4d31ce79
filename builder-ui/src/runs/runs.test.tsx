import { catalogJson, type GraphDocument } from '@guildflow/engine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDetail, RunSummary } from '../api/run-queries.js';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { mockReactFlow } from '../testing/react-flow-mocks.js';
import { ToastProvider } from '../ui/index.js';
import { RunPage } from './run-page.js';
import { RunsPage } from './runs-page.js';

afterEach(cleanup);

const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 12, 0, s)).toISOString();
const summary = (runId: string, status: RunSummary['status'], version = 1): RunSummary => ({
  runId,
  graphId: 'graph1',
  version,
  status,
  triggerType: 'trigger.memberJoined',
  startedAt: at(0),
  endedAt: status === 'running' ? null : at(3),
  durationMs: status === 'running' ? null : 3000,
});

/** The service's run routes for one guild, answering the app's fetch; records the queries. */
function serve(runs: RunSummary[], detail: RunDetail, doc: GraphDocument) {
  const seen: URL[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://x');
    seen.push(url);
    const path = url.pathname;
    if (path === '/api/catalog') return json(catalogJson());
    if (path === '/api/guilds/g1/graphs')
      return json({ graphs: [{ id: 'graph1', name: 'Welcome', enabled: true }] });
    if (path === '/api/guilds/g1/runs') {
      const status = url.searchParams.get('status');
      const limit = Number(url.searchParams.get('limit'));
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const matching = runs.filter((r) => !status || r.status === status);
      const next = from + limit < matching.length ? String(from + limit) : null;
      return json({ runs: matching.slice(from, from + limit), nextCursor: next });
    }
    if (path === `/api/guilds/g1/runs/${detail.runId}`) return json(detail);
    if (path === '/api/guilds/g1/graphs/graph1/versions/1')
      return json({ version: 1, document: doc, publishedAt: at(0) });
    return json({ error: { code: 'not_found', message: `No route ${path}` } }, 404);
  }) as typeof fetch;
  return seen;
}

function open(path: string) {
  mockReactFlow();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/guilds/:guildId/runs" element={<RunsPage />} />
            <Route path="/guilds/:guildId/runs/:runId" element={<RunPage />} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const doc = welcomeGraph();
const detail: RunDetail = {
  ...summary('run_a', 'failed'),
  droppedSteps: 0,
  error: { code: 'missing_permissions', message: 'The bot lacks Manage Roles.' },
  steps: [
    { nodeId: 'start', status: 'completed', startedAt: at(0), endedAt: at(0), port: 'out' },
    {
      nodeId: 'greet',
      status: 'completed',
      startedAt: at(1),
      endedAt: at(2),
      port: 'out',
      input: { content: 'Welcome <@42>!' },
      output: { messageId: 'm-1' },
    },
  ],
};

describe('the runs list', () => {
  it('lists runs with graph, trigger and version, and filters by status through the API', async () => {
    const seen = serve([summary('run_a', 'completed'), summary('run_b', 'failed', 0)], detail, doc);
    open('/guilds/g1/runs');
    const table = await screen.findByRole('table', { name: 'Runs of this server' });
    await waitFor(() => expect(within(table).getAllByText('Welcome')).toHaveLength(2));
    expect(within(table).getByText('Draft (test)')).toBeTruthy();
    expect(within(table).getAllByText('Member joined')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'failed');
    await waitFor(() => expect(within(table).queryByText('run_a')).toBeNull());
    expect(
      seen.some((u) => u.pathname.endsWith('/runs') && u.searchParams.get('status') === 'failed'),
    ).toBe(true);
  });

  it('shows more runs a page at a time, following the API’s cursor', async () => {
    const many = Array.from({ length: 30 }, (_, i) => summary(`run_${i}`, 'completed'));
    const seen = serve(many, detail, doc);
    open('/guilds/g1/runs');
    const table = await screen.findByRole('table', { name: 'Runs of this server' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 25));
    await userEvent.click(screen.getByRole('button', { name: 'Show more runs' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 30));
    expect(screen.queryByRole('button', { name: 'Show more runs' })).toBeNull();
    expect(seen.some((u) => u.searchParams.get('cursor') === '25')).toBe(true);
  });

  it('says so when there are none', async () => {
    serve([], detail, doc);
    open('/guilds/g1/runs');
    expect(await screen.findByRole('heading', { name: 'No runs yet' })).toBeTruthy();
  });
});

describe('the run page', () => {
  it('shows why the run failed, its steps in order, and a step in full when picked', async () => {
    serve([], detail, doc);
    open('/guilds/g1/runs/run_a');
    expect((await screen.findByRole('alert')).textContent).toContain('The bot lacks Manage Roles.');
    const steps = await screen.findByRole('list', { name: 'Steps' });
    const buttons = within(steps).getAllByRole('button');
    expect(buttons.map((b) => b.textContent?.split('Completed')[0])).toEqual([
      'Member joined',
      'Send message',
    ]);
    await userEvent.click(buttons[1]!);
    const detailView = screen.getByRole('region', { name: /Send message/ });
    expect(detailView.textContent).toContain('"messageId": "m-1"');
    expect(detailView.textContent).toContain('Welcome <@42>!');
    // The drawing marks what ran and what the run never reached.
    await waitFor(() =>
      expect(document.querySelector('.react-flow__node[data-id="greet"]')?.className).toContain(
        'is-completed',
      ),
    );
    expect(document.querySelector('.react-flow__node[data-id="role"]')?.className).toContain(
      'is-not-run',
    );
  });

  it('says when the run does not exist', async () => {
    serve([], detail, doc);
    open('/guilds/g1/runs/run_missing');
    expect(await screen.findByRole('heading', { name: 'Run not found' })).toBeTruthy();
  });
});
