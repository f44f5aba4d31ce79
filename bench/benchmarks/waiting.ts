/**
 * `waiting`: thousands of runs parked at once — half in `flow.delay` (1 day), half in
 * `flow.collect` (a 1-day giveaway window, opened through the engine's store activities) — on
 * one worker process with default settings: its resident memory once all are waiting (and its
 * workflow cache holds as many as its default size allows), and the time to start them.
 * For scale, a reference worker then parks hand-written one-day `sleep` workflows
 * (bench/workflows/handwritten.ts) the same way: what the SDK itself costs per cached run.
 *
 * Knobs: BENCH_WAITING_RUNS, BENCH_WAITING_CONCURRENCY (starts in flight),
 * BENCH_WAITING_SAMPLES (RSS samples, one per second, once settled), BENCH_WAITING_REFERENCE_RUNS.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { startRun } from '@guildflow/engine/service';
import { collectDayGraph, delayDayGraph, snapshotOf } from '../fixtures.js';
import { SutProcess } from '../lib/child.js';
import { knob } from '../lib/config.js';
import { profileHistory } from '../lib/history.js';
import { runPool } from '../lib/pool.js';
import { median, round } from '../lib/stats.js';
import { defineBenchmark, type BenchContext } from '../lib/types.js';
import type { WorkerStats, WorkerSutConfig } from '../sut/worker-process.js';
import { handwrittenBundle } from '../workflows/bundle.js';
import { explainWaiting } from './waiting-report.js';

const DAY_MS = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One parked population on one worker process. */
export interface ParkedMeasure {
  runs: number;
  /** First start call → last start accepted by Temporal, seconds. */
  startSeconds: number;
  /** First start call → every run waiting (worker idle for 3 s, collect windows stored), seconds. */
  settleSeconds: number;
  startErrors: string[];
  /** The idle worker before any run, MiB. */
  baselineRssMb: number;
  /** Median of the RSS samples once every run waits, MiB (× 1.048576 for MB). */
  workerRssMb: number;
  rssSamplesMb: number[];
  /** The main thread's V8 heap (the workflow thread has its own, inside RSS). */
  heapUsedMb: number;
  cachedWorkflows: number;
  /** The worker's default cache size on this machine (from its heap limit). */
  maxCachedWorkflows: number;
  /** (RSS − idle RSS) ÷ cached workflows, KiB. */
  kibPerCachedWorkflow: number;
}

/** `waiting` in results.json. */
export interface WaitingResult extends ParkedMeasure {
  /** Runs checked through their history: running, a timer set, nothing pending. */
  verified: number;
  /** The hand-written reference on its own worker process. */
  reference: ParkedMeasure;
}

/**
 * The `waiting` benchmark.
 *
 * @example
 * const result = await waitingBenchmark.run(ctx); // { runs, workerRssMb, startSeconds, … }
 */
export const waitingBenchmark = defineBenchmark<WaitingResult>({
  key: 'waiting',
  what: '10,000 runs waiting in `flow.delay`/`flow.collect` at once: worker resident memory and the time to start them',
  goal: 'RSS ≤ 400 MB',
  needsStack: true,
  runsLast: true, // it leaves its runs waiting (1-day timers) on the dev server
  run: runWaitingBench,
  result: (r) =>
    `${r.runs.toLocaleString('en-US')} runs: worker RSS **${Math.round(r.workerRssMb * 1.048576)} MB** (${r.cachedWorkflows.toLocaleString('en-US')} cached); started in ${r.startSeconds} s, all waiting after ${r.settleSeconds} s`,
  met: (r) => r.workerRssMb * 1.048576 <= 400,
  explain: explainWaiting,
  missed: (r) =>
    `the idle worker already holds ${r.baselineRssMb} MB before any run (two workflow threads, each with the interpreter bundle and the preloaded core compiled, plus discord.js, mongoose and every executor in the main thread); 10,000 waiting runs add ${Math.round(r.workerRssMb - r.baselineRssMb)} MB with ${r.cachedWorkflows} runs cached. The hand-written reference idles at ${r.reference.baselineRssMb} MB. A cache of 40 or one workflow thread did not lower it (performance-levers.md). What would close it: a smaller bundle per thread (the catalog's JSON Schemas are its bulk and the interpreter needs only the declarations' policies and field modes), and the heap growth while thousands of runs replay once into their timers.`,
});

async function runWaitingBench(ctx: BenchContext): Promise<WaitingResult> {
  const runs = knob('WAITING_RUNS', ctx.quick, 10_000, 400);
  const referenceRuns = knob('WAITING_REFERENCE_RUNS', ctx.quick, 3000, 400);
  const connection = await Connection.connect({ address: ctx.stack.temporalAddress });
  const client = new Client({ connection });
  try {
    const suffix = randomUUID().slice(0, 8);
    const delay = snapshotOf(delayDayGraph(), `g_wait_delay_${suffix}`);
    const collect = snapshotOf(collectDayGraph(), `g_wait_collect_${suffix}`);
    const graphQueue = 'bench-waiting';
    let verified = 0;
    const graphs = await park(ctx, {
      name: 'waiting-worker',
      client,
      config: {
        temporalAddress: ctx.stack.temporalAddress,
        mongoUri: ctx.stack.mongoUri,
        workers: [{ taskQueue: graphQueue, bundle: 'interpreter' }],
      },
      taskQueue: graphQueue,
      runs,
      expectedCollects: Math.floor(runs / 2),
      start: async (i) => {
        const collecting = i % 2 === 1;
        const { runId } = await startRun({
          client,
          taskQueue: graphQueue,
          snapshot: collecting ? collect : delay,
          trigger: {
            type: 'trigger.manual',
            payload: { name: `member${i}`, messageId: String(400000000001000000n + BigInt(i)) },
          },
          triggerType: 'trigger.manual',
        });
        return runId;
      },
      // Spot-check that runs really wait: running, a timer set, no activity pending.
      verify: async (ids) => {
        for (const id of sampleOf(ids, 20)) {
          const handle = client.workflow.getHandle(id);
          const [description, history] = await Promise.all([
            handle.describe(),
            profileHistory(handle),
          ]);
          const pending = description.raw.pendingActivities?.length ?? 0;
          if (
            description.status.name !== 'RUNNING' ||
            pending > 0 ||
            !history.kinds.includes('timerStarted')
          )
            throw new Error(
              `run ${id} is not waiting (${description.status.name}, ${pending} pending activities, events: ${history.kinds.join(' ')})`,
            );
          verified += 1;
        }
      },
    });
    const { codePath } = await handwrittenBundle();
    const referenceQueue = 'bench-waiting-handwritten';
    const reference = await park(ctx, {
      name: 'waiting-reference-worker',
      client,
      config: {
        temporalAddress: ctx.stack.temporalAddress,
        workers: [{ taskQueue: referenceQueue, bundle: { codePath } }],
      },
      taskQueue: referenceQueue,
      runs: referenceRuns,
      expectedCollects: 0,
      start: async () => {
        const workflowId = `hw_wait_${randomUUID()}`;
        await client.workflow.start('handwrittenWaitWorkflow', {
          taskQueue: referenceQueue,
          workflowId,
          args: [DAY_MS],
        });
        return workflowId;
      },
    });
    return { ...graphs, verified, reference };
  } finally {
    await connection.close().catch(() => {});
  }
}

interface ParkOptions {
  name: string;
  client: Client;
  config: WorkerSutConfig;
  taskQueue: string;
  runs: number;
  /** `engine.openCollect` calls to wait for before the runs count as parked. */
  expectedCollects: number;
  start(index: number): Promise<string>;
  verify?(ids: string[]): Promise<void>;
}

/** Starts a worker process, parks `runs` runs on it and measures it; stops it afterwards. */
async function park(ctx: BenchContext, options: ParkOptions): Promise<ParkedMeasure> {
  const concurrency = knob('WAITING_CONCURRENCY', ctx.quick, 50, 20);
  const samples = knob('WAITING_SAMPLES', ctx.quick, 10, 3);
  const label = options.name.replace(/-worker$/, '');
  ctx.progress.update(`${label}: starting the worker under test`);
  const worker = await SutProcess.start({
    name: options.name,
    entry: fileURLToPath(new URL('../sut/worker-process.ts', import.meta.url)),
    config: options.config,
    logDir: ctx.logDir,
  });
  const stats = () => worker.request<WorkerStats>('stats');
  const rss = async () => worker.rssMb() ?? (await stats()).rssMb;
  try {
    await sleep(3000); // let the fresh worker settle before its idle size is read
    const baselineRssMb = await rss();
    const ids: string[] = [];
    const started = Date.now();
    const pool = await runPool(
      options.runs,
      concurrency,
      async (i) => {
        ids.push(await options.start(i));
      },
      (done) => {
        if (done % 100 === 0) ctx.progress.update(`${label}: started ${done}/${options.runs}`);
      },
    );
    // Parked: nothing left in the queue's backlog, every collect window stored, and the worker
    // idle with an unchanged cache for 3 polls in a row (it can sit idle while the server, not
    // the worker, is the bottleneck, so idleness alone is not enough).
    let quiet = 0;
    let lastCached = -1;
    for (;;) {
      const now = await stats();
      const opened = now.completed['engine.openCollect'] ?? 0;
      const idle = now.workers.every(
        (w) => w.inFlightActivations === 0 && w.inFlightActivities === 0,
      );
      const cached = now.workers.find((w) => w.taskQueue === options.taskQueue)?.cached ?? 0;
      const backlog = await workflowBacklog(options.client, options.taskQueue);
      const steady =
        idle && cached === lastCached && backlog === 0 && opened >= options.expectedCollects;
      quiet = steady ? quiet + 1 : 0;
      lastCached = cached;
      ctx.progress.update(
        `${label}: parking (${opened}/${options.expectedCollects} collect windows, ${cached} cached, backlog ${backlog})`,
      );
      if (quiet >= 3) break;
      if (Date.now() - started > 30 * 60_000)
        throw new Error(`${label}: the runs did not all reach their wait within 30 minutes`);
      await sleep(1000);
    }
    const settleSeconds = round((Date.now() - started - 3000) / 1000, 1);
    ctx.progress.update(`${label}: checking runs`);
    await options.verify?.(ids);
    const rssSamplesMb: number[] = [];
    for (let s = 0; s < samples; s += 1) {
      ctx.progress.update(`${label}: sampling memory ${s + 1}/${samples}`);
      await sleep(1000);
      rssSamplesMb.push(round(await rss(), 1));
    }
    const last = await stats();
    const main = last.workers.find((w) => w.taskQueue === options.taskQueue);
    const workerRssMb = round(median(rssSamplesMb), 1);
    const cachedWorkflows = main?.cached ?? 0;
    return {
      runs: ids.length,
      startSeconds: round(pool.elapsedMs / 1000, 1),
      settleSeconds,
      startErrors: pool.errors,
      baselineRssMb: round(baselineRssMb, 1),
      workerRssMb,
      rssSamplesMb,
      heapUsedMb: round(last.heapUsedMb, 1),
      cachedWorkflows,
      maxCachedWorkflows: main?.maxCached ?? 0,
      kibPerCachedWorkflow:
        cachedWorkflows > 0
          ? round(((workerRssMb - baselineRssMb) * 1024) / cachedWorkflows, 1)
          : 0,
    };
  } finally {
    await worker.stop();
  }
}

/** Workflow tasks waiting in the queue's backlog (0 when the server cannot say). */
async function workflowBacklog(client: Client, taskQueue: string): Promise<number> {
  try {
    const answer = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      reportStats: true,
    });
    return Number(answer.stats?.approximateBacklogCount ?? 0);
  } catch {
    return 0;
  }
}

/** Up to `count` ids spread over the list. */
function sampleOf(ids: readonly string[], count: number): string[] {
  const step = Math.max(1, Math.floor(ids.length / count));
  return ids.filter((_, i) => i % step === 0).slice(0, count);
}
