import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
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
  tuning?: Partial<Pick<WorkerOptions, 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'maxCachedWorkflows' | 'shutdownGraceTime'>>;
}

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
    ...options.tuning,
  });
}
