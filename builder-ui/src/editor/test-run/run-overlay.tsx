import { Link } from 'react-router';
import { useStore } from 'zustand';
import type { Step } from '../../api/run-queries.js';
import { useEditor } from '../editor-context.js';
import { useGraphSession } from '../graph-session.js';
import type { TestRunView } from './test-run-store.js';
import './test-run.css';

const RUN_WORDS: Record<TestRunView['status'], string> = {
  starting: 'starting…',
  running: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  terminated: 'terminated',
  timed_out: 'timed out',
};

// The state that shows when a node ran several times (a loop): what needs looking at first.
const RANK: Record<Step['status'], number> = {
  failed: 5,
  running: 4,
  waiting: 3,
  completed: 2,
  skipped: 1,
};

/** A node's state in the test run shown on the canvas (undefined: not reached, or no run). */
export function useRunStatus(nodeId: string): Step['status'] | undefined {
  const { testRun } = useGraphSession();
  return useStore(testRun, (s) => {
    let best: Step['status'] | undefined;
    for (const step of s.run?.steps ?? [])
      if (step.nodeId === nodeId && (!best || RANK[step.status] > RANK[best])) best = step.status;
    return best;
  });
}

/**
 * The test run over the canvas: its state, time compression, how many steps ran, the step it
 * waits in (until when), a link to its page, and closing it (the run goes on).
 */
export function RunOverlayBanner() {
  const { testRun } = useGraphSession();
  const run = useStore(testRun, (s) => s.run);
  const guildId = useEditor((s) => s.guildId);
  if (!run) return null;
  const waiting = run.steps.find((s) => s.status === 'waiting');
  const done = run.steps.filter((s) => s.status === 'completed').length;
  return (
    <div className={`gf-test-run-banner is-${run.status}`} role="status" aria-live="polite">
      <span>
        <strong>Test run {RUN_WORDS[run.status]}</strong>
        {run.timeScale > 1 ? ` at ${run.timeScale.toLocaleString('en')}×` : ''} · {done}{' '}
        {done === 1 ? 'step' : 'steps'} done
        {waiting?.wait
          ? ` · ${waiting.nodeId} waits until ${new Date(waiting.wait.until).toLocaleTimeString()}`
          : ''}
        {run.error ? ` · ${run.error}` : ''}
      </span>
      <Link to={`/guilds/${guildId}/runs/${run.runId}`}>Open the run</Link>
      <button
        type="button"
        aria-label="Stop showing the test run"
        onClick={() => testRun.getState().clear()}
      >
        ×
      </button>
    </div>
  );
}
