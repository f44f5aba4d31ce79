import type { RunSummary, Step } from '../api/run-queries.js';
import { Badge } from '../ui/index.js';

type Tone = 'success' | 'danger' | 'info' | 'neutral' | 'warning';

const RUN_TONES: Record<RunSummary['status'], Tone> = {
  running: 'info',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  terminated: 'danger',
  timed_out: 'danger',
};
const RUN_WORDS: Record<RunSummary['status'], string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  terminated: 'Terminated',
  timed_out: 'Timed out',
};
const STEP_TONES: Record<Step['status'], Tone> = {
  running: 'info',
  waiting: 'warning',
  completed: 'success',
  failed: 'danger',
  skipped: 'neutral',
};
const STEP_WORDS: Record<Step['status'], string> = {
  running: 'Running',
  waiting: 'Waiting',
  completed: 'Completed',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** A run's status as a badge (colour and word). */
export function RunStatusBadge({ status }: { status: RunSummary['status'] }) {
  return <Badge tone={RUN_TONES[status]}>{RUN_WORDS[status]}</Badge>;
}

/** A step's status as a badge (colour and word). */
export function StepStatusBadge({ status }: { status: Step['status'] }) {
  return <Badge tone={STEP_TONES[status]}>{STEP_WORDS[status]}</Badge>;
}

/** Every run status with its word, in the order filters list them. */
export const RUN_STATUS_CHOICES = Object.entries(RUN_WORDS) as [RunSummary['status'], string][];

/**
 * How long something took, in words a person reads at a glance: `850 ms`, `12.4 s`, `3 min
 * 5 s`, `2 h 10 min`, `4 d 3 h`; `—` before it started.
 */
export function duration(fromIso: string, toIso: string | null, now = Date.now()): string {
  const ms = Math.max(0, (toIso ? Date.parse(toIso) : now) - Date.parse(fromIso));
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}
