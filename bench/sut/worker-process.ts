/**
 * System under test: a Guildflow worker process laid out like workers/src/main.ts — per task
 * queue, the graph Worker (production factory and settings) and a Discord activity Worker on
 * `<queue>-discord`, where the interpreter sends live Discord actions — with cheap no-op
 * executors under the node type names and, optionally, the engine's store activities. The bench
 * process drives it over IPC (bench/lib/child.ts) and reads its memory, CPU and worker status.
 *
 * One difference from production, on purpose: the Discord Workers have no server-side rate
 * limit (`maxTaskQueueActivitiesPerSecond`, 40/s in production for Discord's global limit).
 * The no-op executors call no Discord, and the bench measures the engine, not that budget.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { discordWorkerOptions } from '@guildflow/discord';
import { cacheDir } from '@guildflow/stack';
import { workflowBundle } from '@guildflow/engine/bundle';
import { actionQueueOf } from '@guildflow/engine/core';
import { createStoreActivities } from '@guildflow/engine/service';
import { discordTaskQueue, type ActionInput } from '@guildflow/engine/interpreter';
import { createGuildflowWorker, type ActivityRegistry } from '@guildflow/workers';
import { createDiscordExecutors, createDiscordRest } from '@guildflow/discord';
import { failStartup, serveBench, sutConfig } from './protocol.js';

/** What the bench asks this worker to run. */
export interface WorkerSutConfig {
  temporalAddress: string;
  /** Adds the engine's `engine.*` and `data.*` activities on this store. */
  mongoUri?: string;
  /** Real Discord executors against this API (the sandbox) instead of the no-op ones. */
  discord?: { apiUrl: string; token: string; applicationId: string };
  workers: { taskQueue: string; bundle: 'interpreter' | { codePath: string } }[];
}

/** The answer to the `stats` request. */
export interface WorkerStats {
  rssMb: number;
  heapUsedMb: number;
  /** Process CPU time (all threads, including the workflow thread), microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
  /** Completed activity calls by name. */
  completed: Record<string, number>;
  workers: {
    taskQueue: string;
    cached: number;
    maxCached: number;
    inFlightActivations: number;
    inFlightActivities: number;
  }[];
}

// Worker state changes log at INFO; the bench only wants warnings.
Runtime.install({ logger: new DefaultLogger('WARN') });

const completed: Record<string, number> = {};
const counted = (name: string, fn: (input: never) => Promise<unknown>) => async (input: never) => {
  const result = await fn(input);
  completed[name] = (completed[name] ?? 0) + 1;
  return result;
};

/** No-op executors: the bench measures the engine, not Discord. */
const noop: ActivityRegistry = {
  'discord.sendMessage': async (input: ActionInput) => ({
    messageId: `m-${input.context.runId}`,
    channelId: String(input.config.channelId ?? ''),
  }),
  'discord.addRole': async () => ({}),
};

/**
 * The engine's interpreter bundle — or, with `BENCH_GRAPH_BUNDLE=<file.js>`, a candidate
 * interpreter bundle (to measure a proposed interpreter change before making it).
 */
async function interpreterBundle(): Promise<{ code: string } | { codePath: string }> {
  const candidate = process.env.BENCH_GRAPH_BUNDLE;
  return candidate
    ? { codePath: candidate }
    : { code: (await workflowBundle(cacheDir('workflow-bundles'))).code };
}

async function main(): Promise<void> {
  const config = sutConfig<WorkerSutConfig>();
  const store = config.mongoUri ? createStoreActivities(config.mongoUri) : undefined;
  const discordExecutors = config.discord
    ? createDiscordExecutors({
        rest: createDiscordRest({ token: config.discord.token, apiUrl: config.discord.apiUrl }),
        applicationId: config.discord.applicationId,
      })
    : noop;
  const registry: ActivityRegistry = { ...discordExecutors, ...store?.activities };
  const activities: ActivityRegistry = Object.fromEntries(
    Object.entries(registry).map(([name, fn]) => [name, counted(name, fn)]),
  );
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const workers: { taskQueue: string; worker: Worker; running: Promise<void> }[] = [];
  const discordActivities = Object.fromEntries(
    Object.entries(activities).filter(([name]) => actionQueueOf(name) === 'discord'),
  );
  const { maxConcurrentActivityTaskExecutions } = discordWorkerOptions();
  for (const spec of config.workers) {
    const bundle = spec.bundle === 'interpreter' ? await interpreterBundle() : spec.bundle;
    const worker = await createGuildflowWorker({
      connection,
      workflowBundle: bundle,
      activities,
      taskQueue: spec.taskQueue,
    });
    workers.push({ taskQueue: spec.taskQueue, worker, running: worker.run() });
    const discordQueue = discordTaskQueue(spec.taskQueue);
    const discord = await Worker.create({
      connection,
      namespace: 'default',
      taskQueue: discordQueue,
      activities: discordActivities,
      maxConcurrentActivityTaskExecutions,
      shutdownGraceTime: '10s',
    });
    workers.push({ taskQueue: discordQueue, worker: discord, running: discord.run() });
  }

  const stop = async () => {
    for (const { worker } of workers) worker.shutdown();
    await Promise.allSettled(workers.map((w) => w.running));
    await connection.close().catch(() => {});
    await store?.close().catch(() => {});
    process.exit(0);
  };
  serveBench(
    { pid: process.pid, taskQueues: workers.map((w) => w.taskQueue) },
    {
      stats: (): WorkerStats => {
        const memory = process.memoryUsage();
        const cpu = process.cpuUsage();
        return {
          rssMb: memory.rss / 2 ** 20,
          heapUsedMb: memory.heapUsed / 2 ** 20,
          cpuUserUs: cpu.user,
          cpuSystemUs: cpu.system,
          completed: { ...completed },
          workers: workers.map(({ taskQueue, worker }) => {
            const status = worker.getStatus();
            return {
              taskQueue,
              cached: status.numCachedWorkflows,
              maxCached: worker.options.workflowBundle ? worker.options.maxCachedWorkflows : 0,
              inFlightActivations: status.numInFlightWorkflowActivations,
              inFlightActivities: status.numInFlightActivities,
            };
          }),
        };
      },
      stop: () => void stop(),
    },
  );
}

main().catch(failStartup);
