import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { LOCAL_ACTIVITY_SLOTS } from '@guildflow/discord';
import { TASK_QUEUE } from '@guildflow/engine/interpreter';

/** Activities keyed by name: node type ids for actions, `engine.*` for the interpreter's own. */
export type ActivityRegistry = Record<string, (...args: never[]) => Promise<unknown>>;

export interface GuildflowWorkerOptions {
  connection: NativeConnection;
  /** The interpreter bundle (see workflowBundle) — or a path for tests that bundle themselves. */
  workflowBundle: { code: string } | { codePath: string };
  activities: ActivityRegistry;
  taskQueue?: string;
  /** Extra Worker options (concurrency, shutdown grace). */
  tuning?: Partial<
    Pick<
      WorkerOptions,
      | 'maxConcurrentActivityTaskExecutions'
      | 'maxConcurrentWorkflowTaskExecutions'
      | 'maxCachedWorkflows'
      | 'maxConcurrentLocalActivityExecutions'
      | 'shutdownGraceTime'
    >
  >;
}

/**
 * Runs kept in the worker's workflow cache. Waiting runs live in Temporal, not here: a run that
 * is not cached is replayed from its (short) history when its timer fires or a signal comes. The
 * SDK's default sizes the cache from the heap limit (2,310 runs at 4 GB), which let 10,000
 * waiting giveaways take 2.8 GB (bench `waiting`). An idle worker is ~320 MB and a cached graph
 * run ~0.4–0.7 MB, so 100 keeps a worker under 400 MB; raise it (`GUILDFLOW_WORKFLOW_CACHE`) on
 * a worker with memory to spare and many runs in flight at once.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 100;

/**
 * Creates the Temporal worker that runs graph workflows and their activities.
 *
 * @example
 * const worker = await createGuildflowWorker({ connection, workflowBundle, activities });
 * await worker.run();
 */
export function createGuildflowWorker(options: GuildflowWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    workflowBundle: options.workflowBundle,
    activities: options.activities,
    shutdownGraceTime: '10s',
    // Discord actions wait their turn in the in-process budget while holding a slot.
    maxConcurrentLocalActivityExecutions: LOCAL_ACTIVITY_SLOTS,
    maxCachedWorkflows:
      Number(process.env.GUILDFLOW_WORKFLOW_CACHE) || DEFAULT_MAX_CACHED_WORKFLOWS,
    ...options.tuning,
  });
}
