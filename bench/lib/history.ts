/**
 * What a run's Temporal history says about its cost: event count and kinds, payload bytes (the
 * state the server stores and ships to the worker), and how long each workflow task took.
 */
import type { WorkflowHandle } from '@temporalio/client';

/** The cost profile of one run's history. */
export interface HistoryProfile {
  events: number;
  /** Event kinds in order, e.g. `workflowExecutionStarted`. */
  kinds: string[];
  /** Bytes of every payload and blob in the history. */
  payloadBytes: number;
  /** Bytes of the workflow's input (the start event). */
  inputBytes: number;
  /** Bytes of the workflow's result (the completion event). */
  resultBytes: number;
  /** Per workflow task: from started (handed to the worker) to completed, milliseconds. */
  workflowTaskMs: number[];
  /** Start event → close event, milliseconds. */
  runMs: number;
}

type Event = Record<string, unknown> & {
  eventTime?: { seconds?: unknown; nanos?: number | null } | null;
};

/** Fetches and profiles the history of a closed run. */
export async function profileHistory(handle: WorkflowHandle): Promise<HistoryProfile> {
  const history = await handle.fetchHistory();
  const events = (history.events ?? []) as Event[];
  const kinds = events.map(kindOf);
  const times = events.map(timeOf);
  const workflowTaskMs: number[] = [];
  kinds.forEach((kind, i) => {
    if (kind !== 'workflowTaskStarted') return;
    const done = kinds.indexOf('workflowTaskCompleted', i);
    if (done > i) workflowTaskMs.push((times[done] ?? 0) - (times[i] ?? 0));
  });
  const attribute = (kind: string, field: string) => {
    const index = kinds.indexOf(kind);
    const attributes =
      index < 0
        ? undefined
        : (events[index]?.[`${kind}EventAttributes`] as Record<string, unknown>);
    return bytesIn(attributes?.[field]);
  };
  return {
    events: events.length,
    kinds,
    payloadBytes: events.reduce((sum, event) => sum + bytesIn(event), 0),
    inputBytes: attribute('workflowExecutionStarted', 'input'),
    resultBytes: attribute('workflowExecutionCompleted', 'result'),
    workflowTaskMs,
    runMs: (times[times.length - 1] ?? 0) - (times[0] ?? 0),
  };
}

/** The kind of an event: the name of its one `…EventAttributes` field. */
function kindOf(event: Event): string {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventAttributes') && value) return key.slice(0, -'EventAttributes'.length);
  }
  return 'unknown';
}

function timeOf(event: Event): number {
  const seconds = Number(String(event.eventTime?.seconds ?? 0));
  return seconds * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
}

/** Sum of the lengths of every byte array inside `value`. */
function bytesIn(value: unknown): number {
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + bytesIn(v), 0);
  if (value && typeof value === 'object') {
    let sum = 0;
    for (const v of Object.values(value)) sum += bytesIn(v);
    return sum;
  }
  return 0;
}
