import { useState } from 'react';
import { Link } from 'react-router';
import {
  useCatalog,
  useDeleteGraph,
  useDuplicateGraph,
  useLastRuns,
  useSetGraphEnabled,
  type GraphResource,
  type GraphSummary,
} from '../api/queries.js';
import { Badge, Button, ConfirmDialog, errorMessage, useToast } from '../ui/index.js';
import { RunStatusBadge } from '../runs/run-words.js';
import { relativeTime } from './relative-time.js';

/** The list of a guild's graphs: one row each, with its quick actions. */
export function GraphTable(props: {
  guildId: string;
  graphs: readonly GraphSummary[];
  onCreated(graph: GraphResource): void;
}) {
  const { guildId } = props;
  const toast = useToast();
  const catalog = useCatalog();
  const lastRuns = useLastRuns(guildId);
  const setEnabled = useSetGraphEnabled(guildId);
  const duplicate = useDuplicateGraph(guildId);
  const remove = useDeleteGraph(guildId);
  const [deleting, setDeleting] = useState<GraphSummary | null>(null);
  const titles = new Map(catalog.data?.nodes.map((node) => [node.type, node.title]));

  const toggle = (graph: GraphSummary) =>
    setEnabled.mutate(
      { graph, enabled: !graph.enabled },
      {
        onSuccess: () =>
          toast.success(
            graph.enabled
              ? `“${graph.name}” is off.`
              : `“${graph.name}” is on again (version ${graph.publishedVersion}).`,
          ),
        onError: (error) => toast.error(`“${graph.name}” was not changed: ${errorMessage(error)}`),
      },
    );

  return (
    <>
      <table className="gf-table">
        <caption className="gf-visually-hidden">Graphs of this server</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Trigger</th>
            <th scope="col">Published</th>
            <th scope="col">Last run</th>
            <th scope="col">Changed</th>
            <th scope="col">On</th>
            <th scope="col">
              <span className="gf-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.graphs.map((graph) => {
            const run = lastRuns.data?.get(graph.id);
            const pending = setEnabled.isPending && setEnabled.variables?.graph.id === graph.id;
            return (
              <tr key={graph.id}>
                <th scope="row">
                  <Link to={`/guilds/${guildId}/graphs/${graph.id}`} className="gf-graph-name">
                    {graph.name}
                  </Link>
                  {graph.issueCount > 0 ? (
                    <Badge tone="warning" title="Problems in the draft: open it to see them">
                      {graph.issueCount} issue{graph.issueCount === 1 ? '' : 's'}
                    </Badge>
                  ) : null}
                </th>
                <td>
                  {graph.triggerType ? (
                    (titles.get(graph.triggerType) ?? graph.triggerType)
                  ) : (
                    <span className="gf-muted">No trigger</span>
                  )}
                </td>
                <td>
                  {graph.publishedVersion === null ? (
                    <span className="gf-muted">Draft only</span>
                  ) : (
                    `Version ${graph.publishedVersion}`
                  )}
                </td>
                <td>
                  {run ? (
                    <Link className="gf-graph-run" to={`/guilds/${guildId}/runs/${run.runId}`}>
                      <span className="gf-visually-hidden">Last run of {graph.name}: </span>
                      <RunStatusBadge status={run.status} />
                      <time
                        dateTime={run.startedAt}
                        title={new Date(run.startedAt).toLocaleString()}
                      >
                        {relativeTime(run.startedAt)}
                      </time>
                    </Link>
                  ) : lastRuns.isError ? (
                    <span className="gf-muted" title={errorMessage(lastRuns.error)}>
                      Unavailable
                    </span>
                  ) : lastRuns.isPending ? (
                    <span className="gf-muted">…</span>
                  ) : (
                    <span className="gf-muted">Never</span>
                  )}
                </td>
                <td>
                  <time
                    dateTime={graph.updatedAt}
                    title={new Date(graph.updatedAt).toLocaleString()}
                  >
                    {relativeTime(graph.updatedAt)}
                  </time>
                </td>
                <td>
                  <button
                    type="button"
                    role="switch"
                    className="gf-switch"
                    aria-checked={graph.enabled}
                    aria-label={`${graph.name} is ${graph.enabled ? 'on' : 'off'}`}
                    disabled={pending || (graph.publishedVersion === null && !graph.enabled)}
                    title={
                      graph.publishedVersion === null
                        ? 'Not published yet: open it and publish it to turn it on.'
                        : graph.enabled
                          ? 'Turn off: no new runs start'
                          : `Turn on version ${graph.publishedVersion} again`
                    }
                    onClick={() => toggle(graph)}
                  >
                    <span aria-hidden="true" />
                  </button>
                </td>
                <td className="gf-graph-actions">
                  <Button
                    size="small"
                    variant="ghost"
                    aria-label={`Duplicate ${graph.name}`}
                    busy={duplicate.isPending && duplicate.variables === graph.id}
                    onClick={() =>
                      duplicate.mutate(graph.id, {
                        onSuccess: (copy) => {
                          toast.success(`Copied as “${copy.name}”.`);
                          props.onCreated(copy);
                        },
                        onError: (error) => toast.error(`Not copied: ${errorMessage(error)}`),
                      })
                    }
                  >
                    Duplicate
                  </Button>
                  <Button
                    size="small"
                    variant="ghost"
                    aria-label={`Delete ${graph.name}`}
                    onClick={() => setDeleting(graph)}
                  >
                    Delete
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete graph"
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                toast.success(`“${deleting.name}” was deleted.`);
                setDeleting(null);
              },
              onError: (error) => toast.error(`Not deleted: ${errorMessage(error)}`),
            })
          }
        >
          <p>
            Its triggers stop at once and its versions are gone; runs already running finish. This
            cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
