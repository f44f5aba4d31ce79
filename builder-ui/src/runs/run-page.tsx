import { getNodeType, type GraphDocument } from '@guildflow/engine/core';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useGraph, useVersion } from '../api/queries.js';
import { usePinNode } from '../api/pin-queries.js';
import { useCancelRun, useRerun, useRun, type RunDetail } from '../api/run-queries.js';
import {
  Button,
  ConfirmDialog,
  ErrorState,
  LoadingState,
  errorMessage,
  useToast,
} from '../ui/index.js';
import { RunGraph } from './run-graph.js';
import { RunStatusBadge, duration } from './run-words.js';
import { StepDetail, StepList, stepKey } from './step-list.js';
import '../graphs/graphs.css';
import './runs.css';

/**
 * `/guilds/:guildId/runs/:runId`: one run node by node — its status and timing, the graph of
 * the version it ran (read-only, each node marked with what it did), its steps in order and
 * each step's rendered input, output and error; a running run can be cancelled.
 */
export function RunPage() {
  const { guildId = '', runId = '' } = useParams();
  const run = useRun(guildId, runId);
  if (run.isPending) return <LoadingState label="Loading the run" />;
  if (run.isError) {
    const missing = run.error instanceof ApiError && run.error.status === 404;
    return (
      <main id="main" className="gf-page">
        <ErrorState
          error={run.error}
          title={missing ? 'Run not found' : 'The run could not be loaded'}
          {...(missing ? {} : { onRetry: () => void run.refetch() })}
        />
        <p>
          <Link to={`/guilds/${guildId}/runs`}>All runs</Link>
        </p>
      </main>
    );
  }
  return <RunView guildId={guildId} run={run.data} />;
}

function RunView({ guildId, run }: { guildId: string; run: RunDetail }) {
  const version = useVersion(guildId, run.graphId, run.version === 0 ? null : run.version);
  // A test run of a draft keeps no copy of it: the drawing is the draft as it is now.
  const draft = useGraph(guildId, run.version === 0 ? run.graphId : '');
  const graph: GraphDocument | undefined =
    run.version === 0 ? draft.data?.draft : version.data?.document;
  const graphError = run.version === 0 ? draft.error : version.error;
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const node of graph?.nodes ?? [])
      map.set(node.id, node.label ?? getNodeType(node.type)?.title ?? node.type);
    return map;
  }, [graph]);
  const [selected, setSelected] = useState<string | null>(null);
  const step =
    run.steps.find((s) => stepKey(s) === selected) ??
    // Picked on the drawing: the node's latest step.
    [...run.steps].reverse().find((s) => s.nodeId === selected);
  const cancel = useCancelRun(guildId);
  const rerun = useRerun(guildId);
  const navigate = useNavigate();
  const pin = usePinNode(guildId, run.graphId);
  const kindOf = (nodeId: string) => {
    const node = graph?.nodes.find((n) => n.id === nodeId);
    return node ? getNodeType(node.type)?.kind : undefined;
  };
  const pinnable =
    step?.status === 'completed' &&
    !step.pinned &&
    step.output !== undefined &&
    kindOf(step.nodeId) === 'action';
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  return (
    <main id="main" className="gf-page gf-run-page">
      <div className="gf-page-header">
        <div>
          <p className="gf-muted">
            <Link to={`/guilds/${guildId}/runs`}>Runs</Link> ·{' '}
            <Link to={`/guilds/${guildId}/graphs/${run.graphId}`}>Open the graph</Link>
          </p>
          <h1>
            Run <code className="gf-runs-id">{run.runId}</code>{' '}
            <RunStatusBadge status={run.status} />
          </h1>
          <p className="gf-muted">
            {run.version === 0 ? 'Test run of the draft' : `Version ${run.version}`} · started{' '}
            {new Date(run.startedAt).toLocaleString()} ·{' '}
            {run.status === 'running' ? 'running for ' : 'took '}
            {duration(run.startedAt, run.endedAt)}
          </p>
        </div>
        <div className="gf-page-actions">
          <Button
            busy={rerun.isPending}
            title="The same version (or draft snapshot), payload and options"
            onClick={() =>
              rerun.mutate(run.runId, {
                onSuccess: (started) => void navigate(`/guilds/${guildId}/runs/${started.runId}`),
                onError: (error) => toast.error(errorMessage(error)),
              })
            }
          >
            Run again
          </Button>
          {run.status === 'running' ? (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Cancel run
            </Button>
          ) : null}
        </div>
      </div>
      {run.error ? (
        <p className="gf-notice gf-run-error" role="alert">
          <strong>{run.error.code}</strong>: {run.error.message}
        </p>
      ) : null}
      {run.stepsError ? <p className="gf-notice">{run.stepsError}</p> : null}
      {run.version === 0 ? (
        <p className="gf-muted">
          A test run of the draft: the drawing shows the draft as it is now, which may have changed
          since.
        </p>
      ) : null}
      <div className="gf-run-layout">
        <div className="gf-run-main">
          {graph ? (
            <RunGraph
              graph={graph}
              steps={run.steps}
              titles={titles}
              selected={step?.nodeId ?? null}
              onSelect={setSelected}
            />
          ) : graphError ? (
            <p className="gf-notice">
              The graph of this run could not be drawn: {errorMessage(graphError)}
            </p>
          ) : (
            <LoadingState label="Drawing the graph" />
          )}
          {step ? (
            <StepDetail
              step={step}
              title={titles.get(step.nodeId) ?? step.nodeId}
              onPin={
                pinnable
                  ? () =>
                      pin.mutate(
                        { nodeId: step.nodeId, fromRun: run.runId },
                        {
                          onSuccess: () =>
                            toast.success(
                              `Pinned ${step.nodeId}: test runs use this output instead of running it.`,
                            ),
                          onError: (error) => toast.error(errorMessage(error)),
                        },
                      )
                  : undefined
              }
            />
          ) : (
            <p className="gf-muted">Pick a step or a node to see its input and output.</p>
          )}
        </div>
        <aside className="gf-run-side" aria-label="Steps of this run">
          <h2>Steps</h2>
          <StepList
            steps={run.steps}
            titles={titles}
            selected={step ? stepKey(step) : null}
            onSelect={setSelected}
          />
          {run.droppedSteps > 0 ? (
            <p className="gf-muted">{run.droppedSteps} earlier steps were not kept.</p>
          ) : null}
        </aside>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Cancel this run?"
          confirmLabel="Cancel run"
          danger
          busy={cancel.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            cancel.mutate(run.runId, {
              onSuccess: () => {
                setConfirming(false);
                toast.success('Cancelling the run: it stops at its next step.');
              },
              onError: (error) => toast.error(errorMessage(error)),
            })
          }
        >
          It stops where it is: steps already done stay done, nothing further runs.
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
