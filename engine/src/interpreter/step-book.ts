import type { StepLog, StepStatus, StepWait } from './contract.js';

/** Most steps a run keeps; older finished ones are dropped (and counted) past this. */
export const MAX_STEPS = 500;
/** Longest JSON kept for one step's input or output. */
export const MAX_FIELD_CHARS = 2000;

/** A wait as a node states it: its deadline (ms), the run's timeScale, and what it waits for. */
export type WaitMark = {
  deadline: number;
  timeScale: number;
  /** When the wait began (ms); the step's start when absent. */
  from?: number;
} & Omit<StepWait, 'until' | 'untilUncompressed'>;

interface SavedSteps {
  entries: (StepLog & { seq?: number })[];
  dropped: number;
}

/**
 * The compact per-node step log a run keeps in workflow memory and returns from the `steps`
 * query: bounded in count and size so history and query payloads stay small.
 *
 * @example
 * const book = StepBook.restore(StepBook.empty());
 * book.begin(1, 'greet', undefined, { content: 'hi' });
 * book.finish(1, 'completed', { messageId: '1' }, 'out');
 */
export class StepBook {
  private constructor(private readonly saved: SavedSteps) {}

  static empty(): SavedSteps {
    return { entries: [], dropped: 0 };
  }

  static restore(saved: SavedSteps): StepBook {
    return new StepBook(saved);
  }

  save(): SavedSteps {
    return this.saved;
  }

  get dropped(): number {
    return this.saved.dropped;
  }

  begin(seq: number, nodeId: string, iteration: string | undefined, input?: unknown): void {
    this.push({
      seq,
      nodeId,
      ...(iteration ? { iteration } : {}),
      status: 'running',
      startedAt: now(),
      ...(input === undefined ? {} : { input: summarize(input) }),
    });
  }

  /** Records the rendered input once it is known (after expressions were evaluated). */
  input(seq: number, input: unknown): void {
    const entry = this.find(seq);
    if (entry) entry.input = summarize(input);
  }

  /**
   * Marks a step waiting; with `wait`, until `deadline` (ms, real time). The uncompressed end
   * counts from `from` (when the wait began: a window opens when its activity runs), else from
   * the step's start (timer nodes fix their deadline in the workflow task that begins them).
   */
  waiting(seq: number, wait?: WaitMark): void {
    const entry = this.find(seq);
    if (!entry) return;
    entry.status = 'waiting';
    if (!wait) return;
    const { deadline, timeScale, from, ...what } = wait;
    const began = from ?? Date.parse(entry.startedAt);
    const uncompressed = began + Math.round((deadline - began) * timeScale);
    entry.wait = {
      until: new Date(deadline).toISOString(),
      ...(timeScale === 1 ? {} : { untilUncompressed: new Date(uncompressed).toISOString() }),
      ...what,
    };
  }

  finish(
    seq: number,
    status: Exclude<StepStatus, 'running' | 'waiting'>,
    output?: unknown,
    port?: string,
    error?: StepLog['error'],
  ): void {
    const entry = this.find(seq);
    if (!entry) return;
    entry.status = status;
    entry.endedAt = now();
    if (output !== undefined) entry.output = summarize(output);
    if (port !== undefined) entry.port = port;
    if (error !== undefined)
      entry.error = { ...error, message: error.message.slice(0, MAX_FIELD_CHARS) };
  }

  /** Marks a finished step as pinned: its output is test data, the node did not execute. */
  pinned(seq: number): void {
    const entry = this.find(seq);
    if (entry) entry.pinned = true;
  }

  skipped(nodeId: string, iteration: string | undefined): void {
    const at = now();
    this.push({
      nodeId,
      ...(iteration ? { iteration } : {}),
      status: 'skipped',
      startedAt: at,
      endedAt: at,
    });
  }

  /** The log without internal sequence numbers, oldest first. */
  list(): StepLog[] {
    return this.saved.entries.map(({ seq: _seq, ...step }) => step);
  }

  private find(seq: number): (StepLog & { seq?: number }) | undefined {
    for (let i = this.saved.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.saved.entries[i];
      if (entry?.seq === seq) return entry;
    }
    return undefined;
  }

  private push(entry: StepLog & { seq?: number }): void {
    this.saved.entries.push(entry);
    if (this.saved.entries.length <= MAX_STEPS) return;
    const index = this.saved.entries.findIndex(
      (e) => e.status !== 'running' && e.status !== 'waiting',
    );
    if (index >= 0) {
      this.saved.entries.splice(index, 1);
      this.saved.dropped += 1;
    }
  }
}

function now(): string {
  // Inside a workflow, Date is Temporal's deterministic workflow time.
  return new Date().toISOString();
}

/** Keeps a value whole when its JSON is short, else a truncated preview. */
export function summarize(value: unknown): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return { unserializable: true };
  }
  if (json === undefined) return null;
  if (json.length <= MAX_FIELD_CHARS) return value;
  return { truncated: true, preview: json.slice(0, MAX_FIELD_CHARS) };
}
