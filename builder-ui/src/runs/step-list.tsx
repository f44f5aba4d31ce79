import type { Step } from '../api/run-queries.js';
import { Button } from '../ui/index.js';
import { StepStatusBadge, duration } from './run-words.js';

const WAIT_WORDS: Record<NonNullable<Step['wait']>['for'], string> = {
  delay: 'a delay',
  event: 'for an event, at most',
  collect: 'collecting',
};

/** A step's key: a node runs once per loop item, each its own step. */
export const stepKey = (step: Step) => `${step.nodeId}#${step.iteration ?? ''}#${step.startedAt}`;

/**
 * The run's steps in the order they started: node, status, loop item, time taken and the port
 * it left by. Each is a button that shows the step in full (the keyboard's way to the steps).
 */
export function StepList(props: {
  steps: readonly Step[];
  titles: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect(key: string): void;
}) {
  const ordered = [...props.steps].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (ordered.length === 0) return <p className="gf-muted">No step has started yet.</p>;
  return (
    <ol className="gf-run-steps" aria-label="Steps">
      {ordered.map((step) => {
        const key = stepKey(step);
        return (
          <li key={key}>
            <button
              type="button"
              className={`gf-run-step${props.selected === key ? ' is-selected' : ''}`}
              aria-pressed={props.selected === key}
              onClick={() => props.onSelect(key)}
            >
              <span className="gf-run-step-name">
                {props.titles.get(step.nodeId) ?? step.nodeId}
                {step.iteration ? (
                  <span className="gf-muted"> · item {step.iteration.split('#').pop()}</span>
                ) : null}
              </span>
              <StepStatusBadge status={step.status} />
              <span className="gf-run-step-time">
                {step.status === 'waiting' && step.wait
                  ? `until ${new Date(step.wait.until).toLocaleTimeString()}`
                  : step.status === 'waiting' || step.status === 'running'
                    ? `for ${duration(step.startedAt, null)}`
                    : duration(step.startedAt, step.endedAt ?? null)}
                {step.port ? ` → ${step.port}` : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

/** One step in full: when, how long, the port taken, its rendered input, output and error. */
export function StepDetail({
  step,
  title,
  onPin,
}: {
  step: Step;
  title: string;
  /** Offered for a completed step of a node that test runs can skip (an action or data node). */
  onPin?: (() => void) | undefined;
}) {
  return (
    <section className="gf-run-step-detail" aria-labelledby="gf-run-step-title">
      <h2 id="gf-run-step-title">
        {title} <StepStatusBadge status={step.status} />
      </h2>
      <dl className="gf-run-step-facts">
        <dt>Node</dt>
        <dd>
          <code>{step.nodeId}</code>
          {step.iteration ? ` (item ${step.iteration})` : ''}
        </dd>
        <dt>Started</dt>
        <dd>{new Date(step.startedAt).toLocaleString()}</dd>
        <dt>{step.endedAt ? 'Took' : 'So far'}</dt>
        <dd>{duration(step.startedAt, step.endedAt ?? null)}</dd>
        {step.wait ? (
          <>
            <dt>{step.status === 'waiting' ? 'Waits' : 'Waited'}</dt>
            <dd>
              {WAIT_WORDS[step.wait.for]} until {new Date(step.wait.until).toLocaleString()}
              {step.wait.untilUncompressed
                ? ` (time compressed: at 1× it would be ${new Date(step.wait.untilUncompressed).toLocaleString()})`
                : ''}
            </dd>
          </>
        ) : null}
        {step.pinned ? (
          <>
            <dt>Pinned</dt>
            <dd>Not executed: the output is the node’s pinned test data.</dd>
          </>
        ) : null}
        {step.port ? (
          <>
            <dt>Left by</dt>
            <dd>{step.port}</dd>
          </>
        ) : null}
      </dl>
      {step.error ? (
        <div className="gf-run-step-error" role="alert">
          <strong>{step.error.code}</strong>: {step.error.message}
          {step.error.retryable ? ' (retried)' : ''}
        </div>
      ) : null}
      <Json label="Input (the settings as rendered)" value={step.input} />
      <Json label="Output" value={step.output} />
      {onPin ? (
        <p>
          <Button size="small" onClick={onPin}>
            Pin this output
          </Button>{' '}
          <span className="gf-muted">
            Test runs of the graph then use it instead of running the node.
          </span>
        </p>
      ) : null}
    </section>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="gf-run-json">
      <h3>{label}</h3>
      {value === undefined ? (
        <p className="gf-muted">None.</p>
      ) : (
        <pre tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}
