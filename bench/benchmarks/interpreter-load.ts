/**
 * The interpreter benchmark's load generator: starts runs of either side the same way, runs a
 * timed round against a worker under test, and profiles a worker's workflow threads.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import {
  INTERPRETER_VERSION,
  TASK_QUEUE,
  runSearchAttributes,
  type GraphSnapshot,
} from '@guildflow/engine/interpreter';
import { startRun } from '@guildflow/engine/service';
import { handwrittenInput, scorePayload } from '../fixtures.js';
import { SutProcess } from '../lib/child.js';
import { threadBreakdown, type ThreadBreakdown } from '../lib/cpu-profile.js';
import { runPool, withTimeout } from '../lib/pool.js';
import { cpuMsOf } from '../lib/proc.js';
import { round } from '../lib/stats.js';
import type { BenchContext } from '../lib/types.js';
import type { WorkerStats, WorkerSutConfig } from '../sut/worker-process.js';

/**
 * The queue of the hand-written baseline (the graph runs on the engine's `guildflow`).
 *
 * @example
 * { taskQueue: HANDWRITTEN_QUEUE, bundle: { codePath } }
 */
export const HANDWRITTEN_QUEUE = 'guildflow-handwritten';
/** Which workflow a round runs. */
export type Side = 'graph' | 'handwritten';

/** One timed round of one side. */
export interface InterpreterRound {
  side: Side;
  runs: number;
  runsPerSec: number;
  /** Worker process CPU (all threads) per run, ms. */
  workerCpuMsPerRun: number;
  /** Temporal dev server CPU per run, ms (null when not measurable). */
  serverCpuMsPerRun: number | null;
  /** The load generator's (bench process) CPU per run, ms. */
  loadCpuMsPerRun: number;
  errors: string[];
}

/**
 * Drives both sides against one worker under test.
 *
 * @example
 * const load = new InterpreterLoad(ctx, client, snapshot, 40);
 * const { result } = await load.round(worker, 'graph', 400, 'round 1/5');
 */
export class InterpreterLoad {
  private counter = 0;

  constructor(
    private readonly ctx: BenchContext,
    private readonly client: Client,
    private readonly snapshot: GraphSnapshot,
    private readonly concurrency: number,
  ) {}

  /** Starts one run; the baseline gets startRun's search attributes and memo, so only the workflow differs. */
  async start(side: Side, simulate = false): Promise<string> {
    const i = this.counter++;
    if (side === 'graph') {
      const { runId } = await startRun({
        client: this.client,
        taskQueue: TASK_QUEUE,
        snapshot: this.snapshot,
        trigger: { type: 'trigger.manual', payload: scorePayload(i) },
        triggerType: 'trigger.manual',
        ...(simulate ? { options: { simulate } } : {}),
      });
      return runId;
    }
    const workflowId = `hw_${randomUUID()}`;
    await this.client.workflow.start('handwrittenWorkflow', {
      taskQueue: HANDWRITTEN_QUEUE,
      workflowId,
      args: [handwrittenInput(this.snapshot, i)],
      typedSearchAttributes: runSearchAttributes(this.snapshot, 'trigger.manual'),
      memo: { interpreterVersion: INTERPRETER_VERSION, startedAt: new Date().toISOString() },
    });
    return workflowId;
  }

  /** Starts one run and waits for its result. */
  async execute(side: Side, simulate = false): Promise<string> {
    const id = await this.start(side, simulate);
    await withTimeout(this.client.workflow.getHandle(id).result(), 120_000, `${side} run ${id}`);
    return id;
  }

  /** `count` runs of `side`, `concurrency` in flight, with the CPU each process spent per run. */
  async round(
    worker: SutProcess,
    side: Side,
    count: number,
    label: string,
  ): Promise<{ result: InterpreterRound; ids: string[] }> {
    const stats = () => worker.request<WorkerStats>('stats');
    const before = await stats();
    const serverBefore = cpuMsOf(this.ctx.stack.pids.temporal);
    const loadBefore = process.cpuUsage();
    const ids: string[] = [];
    const pool = await runPool(
      count,
      this.concurrency,
      async () => {
        ids.push(await this.execute(side));
      },
      (done) => {
        if (done % 10 === 0) this.ctx.progress.update(`${label}: ${side} ${done}/${count}`);
      },
    );
    const after = await stats();
    const serverAfter = cpuMsOf(this.ctx.stack.pids.temporal);
    const load = process.cpuUsage(loadBefore);
    const perRun = (ms: number) => round(ms / Math.max(1, ids.length), 2);
    return {
      ids,
      result: {
        side,
        runs: ids.length,
        runsPerSec: round(ids.length / (pool.elapsedMs / 1000), 1),
        workerCpuMsPerRun: perRun(
          (after.cpuUserUs + after.cpuSystemUs - before.cpuUserUs - before.cpuSystemUs) / 1000,
        ),
        serverCpuMsPerRun:
          serverBefore === undefined || serverAfter === undefined
            ? null
            : perRun(serverAfter - serverBefore),
        loadCpuMsPerRun: perRun((load.user + load.system) / 1000),
        errors: pool.errors,
      },
    };
  }

  /**
   * Runs `count` runs of each side on a fresh worker started with `--cpu-prof`, and splits each
   * workflow thread's busy time per run (profiling slows the worker: kept out of the timed rounds).
   */
  async profile(
    config: WorkerSutConfig,
    count: number,
  ): Promise<Record<Side, ThreadBreakdown & { runs: number }> | undefined> {
    mkdirSync(this.ctx.logDir, { recursive: true });
    const dir = mkdtempSync(join(this.ctx.logDir, 'cpu-profiles-'));
    const worker = await SutProcess.start({
      name: 'interpreter-worker-profiled',
      entry: fileURLToPath(new URL('../sut/worker-process.ts', import.meta.url)),
      config,
      logDir: this.ctx.logDir,
      cpuProfileDir: dir,
    });
    try {
      for (const side of ['graph', 'handwritten'] as const)
        await this.round(worker, side, count, 'profiling');
    } finally {
      await worker.stop();
    }
    const graph = threadBreakdown(dir, 'graphWorkflow');
    const handwritten = threadBreakdown(dir, 'handwrittenWorkflow');
    if (!graph || !handwritten) return undefined;
    const perRun = (b: ThreadBreakdown) => ({
      runs: count,
      busyMs: round(b.busyMs / count, 2),
      promiseHookMs: round(b.promiseHookMs / count, 2),
      moduleEvaluationMs: round(b.moduleEvaluationMs / count, 2),
      garbageCollectionMs: round(b.garbageCollectionMs / count, 2),
      otherMs: round(b.otherMs / count, 2),
    });
    return { graph: perRun(graph), handwritten: perRun(handwritten) };
  }
}
