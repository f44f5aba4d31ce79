import { Link, useParams, useSearchParams } from 'react-router';
import { useCatalog, useGraphs } from '../api/queries.js';
import { useRuns, type RunSummary } from '../api/run-queries.js';
import { relativeTime } from '../graphs/relative-time.js';
import { Button, EmptyState, ErrorState, LoadingState } from '../ui/index.js';
import { RUN_STATUS_CHOICES, RunStatusBadge, duration } from './run-words.js';
import './runs.css';

const PAGE = 25;

/**
 * `/guilds/:guildId/runs`: the guild's runs, newest first — status, graph, trigger, version,
 * started, duration — filtered by graph and status (kept in the address, so a filtered list can
 * be linked), more on request. Each row opens the run step by step.
 */
export function RunsPage() {
  const { guildId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const graphId = search.get('graphId') ?? undefined;
  const status = (search.get('status') ?? undefined) as RunSummary['status'] | undefined;
  const runs = useRuns(guildId, { graphId, status, limit: PAGE });
  const rows = runs.data?.pages.flatMap((page) => page.runs) ?? [];
  const graphs = useGraphs(guildId);
  const catalog = useCatalog();
  const names = new Map(graphs.data?.map((g) => [g.id, g.name]));
  const titles = new Map(catalog.data?.nodes.map((node) => [node.type, node.title]));
  const setFilter = (key: 'graphId' | 'status', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  return (
    <main id="main" className="gf-page">
      <div className="gf-page-header">
        <div>
          <h1>Runs</h1>
          <p className="gf-muted">Every run of this server’s graphs, newest first.</p>
        </div>
      </div>
      <div className="gf-runs-filters" role="group" aria-label="Filter runs">
        <label>
          Graph
          <select value={graphId ?? ''} onChange={(e) => setFilter('graphId', e.target.value)}>
            <option value="">All graphs</option>
            {graphs.data?.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any status</option>
            {RUN_STATUS_CHOICES.map(([value, word]) => (
              <option key={value} value={value}>
                {word}
              </option>
            ))}
          </select>
        </label>
      </div>
      {runs.isPending ? (
        <LoadingState label="Loading runs" />
      ) : runs.isError ? (
        <ErrorState
          error={runs.error}
          title="The runs could not be loaded"
          onRetry={() => void runs.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState title={graphId || status ? 'No run matches' : 'No runs yet'}>
          {graphId || status
            ? 'Try another graph or status.'
            : 'Runs appear here when a published graph is triggered, or when you run one from the editor.'}
        </EmptyState>
      ) : (
        <>
          <table className="gf-table gf-runs-table">
            <caption className="gf-visually-hidden">Runs of this server</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Graph</th>
                <th scope="col">Trigger</th>
                <th scope="col">Version</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((run) => (
                <tr key={run.runId}>
                  <th scope="row">
                    <Link to={`/guilds/${guildId}/runs/${run.runId}`} className="gf-runs-id">
                      {run.runId}
                    </Link>
                  </th>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td>
                    {names.get(run.graphId) ?? <span className="gf-muted">{run.graphId}</span>}
                  </td>
                  <td>
                    {run.triggerType ? (titles.get(run.triggerType) ?? run.triggerType) : '—'}
                  </td>
                  <td>{run.version === 0 ? 'Draft (test)' : `Version ${run.version}`}</td>
                  <td>
                    <time dateTime={run.startedAt} title={new Date(run.startedAt).toLocaleString()}>
                      {relativeTime(run.startedAt)}
                    </time>
                  </td>
                  <td>{duration(run.startedAt, run.endedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {runs.hasNextPage ? (
            <div className="gf-runs-more">
              <Button onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
                {runs.isFetchingNextPage ? 'Loading…' : 'Show more runs'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </main>
  );
}
