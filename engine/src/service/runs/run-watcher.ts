import { setTimeout as sleep } from 'node:timers/promises';
import { isGrpcCancelledError } from '@temporalio/client';
// A CommonJS package: Node's ESM loader gives its exports as the default only.
import proto from '@temporalio/proto';
import { STEPS_QUERY, type StepLog } from '../../interpreter/contract.js';
import { log, messageOf } from '../log.js';
import { readRun, type RunDetail } from './run-detail.js';
import { temporalCall, type TemporalDeps } from './temporal-calls.js';

/** What a subscriber of a run hears: its detail first, then step changes, then its end. */
export type RunEvent =
  | { type: 'run'; data: RunDetail }
  | { type: 'step'; data: { steps: StepLog[]; droppedSteps: number; changedAt: string | null } }
  | { type: 'end'; data: Pick<RunDetail, 'status' | 'endedAt' | 'durationMs' | 'error'> }
  /** The watch broke off (Temporal gone too long): reconnect to start over. */
  | { type: 'error'; data: { code: string; message: string } };
export type RunListener = (event: RunEvent) => void;

const EventType = proto.temporal.api.enums.v1.EventType;
// Steps change only when a workflow task completes (the worker's state is then what the
// query answers); a close event ends the watch.
const CLOSE_EVENTS = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
]);
// Temporal answers an idle long poll after ~20 s; the deadline only catches a lost answer.
const LONG_POLL_DEADLINE_MS = 60_000;
const QUERY_TIMEOUT_MS = 3000;
const RETRY_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * The watchers of one service process: at most one per run, shared by all its subscribers.
 * A watcher long-polls the run's history and reads the `steps` query only when a workflow task
 * completed, so a run costs one open long poll however many people watch it, and nothing while
 * it sits in a timer. The last subscriber leaving stops it (its long poll is cancelled).
 */
export class RunWatchers {
  private readonly watchers = new Map<string, RunWatcher>();
  /** Long polls in flight across all watchers (tests and metrics). */
  longPolls = 0;

  constructor(private readonly deps: TemporalDeps) {}

  /** Runs watched right now. */
  get size(): number {
    return this.watchers.size;
  }

  /** Subscribers of one run's watcher (0 when it is not watched). */
  subscribers(guildId: string, runId: string): number {
    return this.watchers.get(`${guildId}/${runId}`)?.listeners.size ?? 0;
  }

  /**
   * Follows a run the caller already checked belongs to `guildId`; returns the unsubscribe.
   * The listener hears `run` first (now, or once the watcher has read it), and `end` last.
   */
  subscribe(guildId: string, runId: string, listener: RunListener): () => void {
    const key = `${guildId}/${runId}`;
    let watcher = this.watchers.get(key);
    if (!watcher) {
      const created = new RunWatcher(this.deps, guildId, runId, this, () => {
        if (this.watchers.get(key) === created) this.watchers.delete(key);
      });
      this.watchers.set(key, created);
      watcher = created;
      void created.run();
    }
    const joined = watcher;
    joined.add(listener);
    return () => joined.remove(listener);
  }
}

const registries = new WeakMap<object, RunWatchers>();

/**
 * The watchers of the service built on `deps` (one registry per Temporal client).
 *
 * @example
 * watchersOf(service.deps).size; // 0 once every stream closed
 */
export function watchersOf(deps: TemporalDeps): RunWatchers {
  let registry = registries.get(deps.temporal.client);
  if (!registry) {
    registry = new RunWatchers(deps);
    registries.set(deps.temporal.client, registry);
  }
  return registry;
}

/** One run's watch: its latest detail, its subscribers, and the loop that follows its history. */
class RunWatcher {
  readonly listeners = new Set<RunListener>();
  private detail: RunDetail | undefined;
  private ended: RunEvent | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: TemporalDeps,
    private readonly guildId: string,
    private readonly runId: string,
    private readonly registry: RunWatchers,
    private readonly done: () => void,
  ) {}

  add(listener: RunListener): void {
    this.listeners.add(listener);
    // A late subscriber starts from what the others have: the detail as it stands now.
    if (this.detail) listener({ type: 'run', data: this.detail });
    if (this.ended) listener(this.ended);
  }

  remove(listener: RunListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.stop();
  }

  async run(): Promise<void> {
    try {
      this.detail = await readRun(this.deps, this.guildId, this.runId);
      this.emit({ type: 'run', data: this.detail });
      if (this.detail.status !== 'running') return this.finish(this.detail);
      await this.follow();
    } catch (error) {
      if (!this.abort.signal.aborted) {
        log('warn', 'run watch stopped', { runId: this.runId, error: messageOf(error) });
        this.emit({
          type: 'error',
          data: {
            code: 'watch_failed',
            message: `Following the run stopped (${messageOf(error)}); reconnect to start over.`,
          },
        });
      }
      this.stop();
    }
  }

  /** Long-polls the history from its start (pages through what exists, then waits at its end). */
  private async follow(): Promise<void> {
    const connection = this.deps.temporal.connection;
    const namespace = this.deps.temporal.client.options.namespace;
    let execution: { workflowId: string; runId?: string } = { workflowId: this.runId };
    let nextPageToken: Uint8Array | undefined;
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let response;
      this.registry.longPolls += 1;
      try {
        response = await connection.withAbortSignal(this.abort.signal, () =>
          connection.withDeadline(Date.now() + LONG_POLL_DEADLINE_MS, () =>
            connection.workflowService.getWorkflowExecutionHistory({
              namespace,
              execution,
              waitNewEvent: true,
              skipArchival: true,
              ...(nextPageToken ? { nextPageToken } : {}),
            }),
          ),
        );
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted || isGrpcCancelledError(error)) return;
        // Temporal away for a moment: keep the subscribers, try again a little later.
        const pause = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 10_000;
        failures += 1;
        await sleep(pause, undefined, { signal: this.abort.signal }).catch(() => {});
        continue;
      } finally {
        this.registry.longPolls -= 1;
      }
      const events = response.history?.events ?? [];
      nextPageToken = response.nextPageToken?.length ? response.nextPageToken : undefined;
      let taskDone: Date | undefined;
      let switched = false;
      for (const event of events) {
        const type = Number(event.eventType);
        if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
          taskDone = timeOf(event.eventTime) ?? taskDone;
        if (CLOSE_EVENTS.has(type)) {
          return this.finish(await readRun(this.deps, this.guildId, this.runId));
        }
        if (type === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
          // The run goes on in a new execution of the same workflow id: follow it.
          const next =
            event.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
          execution = { workflowId: this.runId, ...(next ? { runId: next } : {}) };
          nextPageToken = undefined;
          switched = true;
        }
      }
      if (taskDone) await this.readSteps(taskDone);
      // A running execution always answers a token to wait on; none without a close event
      // means this execution ended unseen (e.g. continued as new before a page was read): read
      // how the run stands, and follow its current execution if it goes on.
      if (!nextPageToken && !switched) {
        const now = await readRun(this.deps, this.guildId, this.runId);
        if (now.status !== 'running') return this.finish(now);
        execution = { workflowId: this.runId };
      }
    }
  }

  private async readSteps(changedAt: Date): Promise<void> {
    let steps: StepLog[];
    try {
      const handle = this.deps.temporal.client.workflow.getHandle(this.runId);
      steps = await temporalCall(
        this.deps,
        () => handle.query<StepLog[]>(STEPS_QUERY),
        QUERY_TIMEOUT_MS,
      );
    } catch {
      return; // no worker answered now; the next task completion reads again
    }
    this.changeSteps(steps, this.detail?.droppedSteps ?? 0, changedAt.toISOString());
  }

  private changeSteps(steps: StepLog[], droppedSteps: number, changedAt: string | null): void {
    if (!this.detail) return;
    if (JSON.stringify(steps) === JSON.stringify(this.detail.steps)) return;
    this.detail = { ...this.detail, steps, droppedSteps };
    this.emit({ type: 'step', data: { steps, droppedSteps, changedAt } });
  }

  private finish(closed: RunDetail): void {
    this.changeSteps(closed.steps, closed.droppedSteps, closed.endedAt);
    this.detail = closed;
    const { status, endedAt, durationMs, error } = closed;
    this.ended = {
      type: 'end',
      data: { status, endedAt, durationMs, ...(error ? { error } : {}) },
    };
    this.emit(this.ended);
    this.stop();
  }

  private emit(event: RunEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private stop(): void {
    if (!this.abort.signal.aborted) this.abort.abort();
    this.done();
  }
}

function timeOf(time: { seconds?: unknown; nanos?: number | null } | null | undefined) {
  if (!time) return undefined;
  const seconds = Number(time.seconds ?? 0);
  return new Date(seconds * 1000 + Math.floor((time.nanos ?? 0) / 1e6));
}
