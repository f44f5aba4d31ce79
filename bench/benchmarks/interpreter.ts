/**
 * `interpreter`: the 5-node graph run through `graphWorkflow` vs. the same work hand-written
 * (bench/workflows/handwritten.ts), on one worker process with two identical Workers (one per
 * task queue and bundle), in interleaved rounds (ABBA, so drift hits both sides alike). Then a
 * separate, profiled worker splits each side's workflow-thread time per run.
 *
 * Knobs: BENCH_INTERPRETER_RUNS (runs per round), BENCH_INTERPRETER_ROUNDS (rounds per side),
 * BENCH_INTERPRETER_CONCURRENCY (runs in flight), BENCH_INTERPRETER_PROFILE_RUNS (0: no
 * profile), BENCH_GRAPH_BUNDLE (a candidate interpreter bundle, see sut/worker-process.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { workflowBundle } from '@guildflow/engine/bundle';
import { getNodeType } from '@guildflow/engine/core';
import { TASK_QUEUE } from '@guildflow/engine/interpreter';
import { cacheDir } from '@guildflow/stack';
import { fiveNodeGraph, snapshotOf } from '../fixtures.js';
import { SutProcess } from '../lib/child.js';
import { knob } from '../lib/config.js';
import type { ThreadBreakdown } from '../lib/cpu-profile.js';
import { profileHistory, type HistoryProfile } from '../lib/history.js';
import { median, round, summarize } from '../lib/stats.js';
import { defineBenchmark, type BenchContext } from '../lib/types.js';
import type { WorkerSutConfig } from '../sut/worker-process.js';
import { handwrittenBundle } from '../workflows/bundle.js';
import { HANDWRITTEN_POLICY } from '../workflows/policy.js';
import {
  HANDWRITTEN_QUEUE,
  InterpreterLoad,
  type InterpreterRound,
  type Side,
} from './interpreter-load.js';
import { explainInterpreter } from './interpreter-report.js';

export type { InterpreterRound, Side } from './interpreter-load.js';

/** Per-side profile: histories of the last rounds, medians of the rounds, the profiled worker. */
export interface SideProfile {
  historyEvents: number;
  eventKinds: string[];
  historyPayloadBytes: number;
  inputBytes: number;
  resultBytes: number;
  workflowTasksPerRun: number;
  /** Workflow task started → completed, ms (the worker's turn, as the server saw it). */
  workflowTaskMs: { p50Ms: number; p95Ms: number; meanMs: number };
  runMsP50: number;
  workerCpuMsPerRun: number;
  serverCpuMsPerRun: number | null;
  loadCpuMsPerRun: number;
  bundleBytes: number;
  /** The workflow thread's busy time per run, split (from the profiled worker), ms. */
  workflowThread?: ThreadBreakdown & { runs: number };
}

/** `interpreter` in results.json. */
export interface InterpreterResult {
  graphRunsPerSec: number;
  handwrittenRunsPerSec: number;
  ratio: number;
  graphHistoryEvents: number;
  handwrittenHistoryEvents: number;
  /** The graph's history as a simulated (sandbox) run, whose actions stay on the run's queue. */
  graphSimulatedHistoryEvents: number;
  runsPerRound: number;
  concurrency: number;
  /** Set when the graph side ran a candidate bundle (BENCH_GRAPH_BUNDLE). */
  candidateBundle?: string;
  rounds: InterpreterRound[];
  profile: Record<Side, SideProfile>;
}

/**
 * The `interpreter` benchmark.
 *
 * @example
 * const result = await interpreterBenchmark.run(ctx); // { graphRunsPerSec, handwrittenRunsPerSec, ratio, … }
 */
export const interpreterBenchmark = defineBenchmark<InterpreterResult>({
  key: 'interpreter',
  what: 'a 5-node graph (trigger → if → 2 actions → delay 0) through the interpreter vs. a hand-written Temporal workflow doing the same activities, same worker settings, interleaved',
  goal: 'ratio ≥ 0.9; history events equal',
  needsStack: true,
  run: runInterpreterBench,
  result: (r) =>
    `${r.graphRunsPerSec} vs ${r.handwrittenRunsPerSec} runs/s: ratio **${r.ratio}**; history ${r.graphHistoryEvents} vs ${r.handwrittenHistoryEvents} events`,
  met: (r) => r.ratio >= 0.9 && r.graphHistoryEvents === r.handwrittenHistoryEvents,
  explain: explainInterpreter,
  missed: (r) => {
    const graph = r.profile.graph.workflowThread;
    const hand = r.profile.handwritten.workflowThread;
    const events =
      r.graphHistoryEvents === r.handwrittenHistoryEvents
        ? `Both histories have ${r.graphHistoryEvents} events, so the gap is the worker's.`
        : `History events differ: ${r.graphHistoryEvents} vs ${r.handwrittenHistoryEvents}.`;
    const thread =
      graph && hand
        ? ` Profiled, the workflow thread spends ${graph.busyMs} ms per run on the graph against ${hand.busyMs} ms by hand; the SDK's per-promise stack capture is ${graph.promiseHookMs} vs ${hand.promiseHookMs} ms of that, the rest is the interpreter's own work (rendering, the step log, the scheduler).`
        : '';
    return `ratio ${r.ratio} (${r.graphRunsPerSec} vs ${r.handwrittenRunsPerSec} runs/s). ${events}${thread} What would close it: fewer promises per step in the scheduler (about half the gap is the stack capture the SDK does for each one) and a lighter step log for steps nobody inspects.`;
  },
});

async function runInterpreterBench(ctx: BenchContext): Promise<InterpreterResult> {
  const runs = knob('INTERPRETER_RUNS', ctx.quick, 400, 60);
  const rounds = knob('INTERPRETER_ROUNDS', ctx.quick, 5, 2);
  const concurrency = knob('INTERPRETER_CONCURRENCY', ctx.quick, 60, 20);
  const profileRuns = Number(process.env.BENCH_INTERPRETER_PROFILE_RUNS ?? (ctx.quick ? 40 : 150));
  for (const type of ['discord.sendMessage', 'discord.addRole']) {
    if (!isDeepStrictEqual(getNodeType(type)?.policy, HANDWRITTEN_POLICY))
      throw new Error(
        `the baseline's activity policy no longer equals the catalog's ${type} policy: update bench/workflows/policy.ts`,
      );
  }
  ctx.progress.update('bundling the workflows');
  const candidate = process.env.BENCH_GRAPH_BUNDLE;
  const graphBundle = candidate
    ? { code: readFileSync(candidate, 'utf8') }
    : await workflowBundle(cacheDir('workflow-bundles'));
  const baseline = await handwrittenBundle();
  const config: WorkerSutConfig = {
    temporalAddress: ctx.stack.temporalAddress,
    workers: [
      { taskQueue: TASK_QUEUE, bundle: 'interpreter' },
      { taskQueue: HANDWRITTEN_QUEUE, bundle: { codePath: baseline.codePath } },
    ],
  };
  const connection = await Connection.connect({ address: ctx.stack.temporalAddress });
  const client = new Client({ connection });
  const load = new InterpreterLoad(
    ctx,
    client,
    snapshotOf(fiveNodeGraph(), `g_bench_${randomUUID().slice(0, 8)}`),
    concurrency,
  );
  ctx.progress.update('starting the worker under test');
  const worker = await SutProcess.start({
    name: 'interpreter-worker',
    entry: fileURLToPath(new URL('../sut/worker-process.ts', import.meta.url)),
    config,
    logDir: ctx.logDir,
  });
  try {
    const warm = Math.max(10, Math.round(runs / 4));
    for (const side of ['graph', 'handwritten'] as const)
      await load.round(worker, side, warm, 'warm-up');
    const timed: InterpreterRound[] = [];
    const lastIds: Record<Side, string[]> = { graph: [], handwritten: [] };
    for (let r = 0; r < rounds; r += 1) {
      const order: Side[] = r % 2 === 0 ? ['graph', 'handwritten'] : ['handwritten', 'graph'];
      for (const side of order) {
        const { result, ids } = await load.round(worker, side, runs, `round ${r + 1}/${rounds}`);
        timed.push(result);
        lastIds[side] = ids;
      }
    }
    ctx.progress.update('reading histories');
    const simulated = await load.execute('graph', true);
    const graphSimulatedHistoryEvents = (await profileHistory(client.workflow.getHandle(simulated)))
      .events;
    const profile = {} as Record<Side, SideProfile>;
    for (const side of ['graph', 'handwritten'] as const) {
      const histories: HistoryProfile[] = [];
      for (const id of lastIds[side].slice(0, 25))
        histories.push(await profileHistory(client.workflow.getHandle(id)));
      const first = histories[0];
      if (!first) throw new Error(`no ${side} run finished: see ${worker.logFile}`);
      if (histories.some((h) => h.events !== first.events))
        throw new Error(
          `${side} runs have different history lengths: ${histories.map((h) => h.events).join(', ')}`,
        );
      const sideRounds = timed.filter((t) => t.side === side);
      const serverCpu = sideRounds
        .map((t) => t.serverCpuMsPerRun)
        .filter((v): v is number => v !== null);
      const tasks = histories.flatMap((h) => h.workflowTaskMs);
      const taskSummary = summarize(tasks);
      profile[side] = {
        historyEvents: first.events,
        eventKinds: first.kinds,
        historyPayloadBytes: median(histories.map((h) => h.payloadBytes)),
        inputBytes: first.inputBytes,
        resultBytes: first.resultBytes,
        workflowTasksPerRun: round(tasks.length / histories.length, 2),
        workflowTaskMs: {
          p50Ms: taskSummary.p50Ms,
          p95Ms: taskSummary.p95Ms,
          meanMs: round(tasks.reduce((a, b) => a + b, 0) / Math.max(1, tasks.length), 2),
        },
        runMsP50: round(median(histories.map((h) => h.runMs)), 1),
        workerCpuMsPerRun: round(median(sideRounds.map((t) => t.workerCpuMsPerRun)), 2),
        serverCpuMsPerRun: serverCpu.length > 0 ? round(median(serverCpu), 2) : null,
        loadCpuMsPerRun: round(median(sideRounds.map((t) => t.loadCpuMsPerRun)), 2),
        bundleBytes: side === 'graph' ? Buffer.byteLength(graphBundle.code) : baseline.bytes,
      };
    }
    await worker.stop(); // the profiled worker polls the same queues
    if (profileRuns > 0) {
      ctx.progress.update('profiling the workflow threads');
      const threads = await load.profile(config, profileRuns);
      if (threads)
        for (const side of ['graph', 'handwritten'] as const)
          profile[side].workflowThread = threads[side];
    }
    const rate = (side: Side) =>
      round(median(timed.filter((t) => t.side === side).map((t) => t.runsPerSec)), 1);
    const graphRunsPerSec = rate('graph');
    const handwrittenRunsPerSec = rate('handwritten');
    return {
      graphRunsPerSec,
      handwrittenRunsPerSec,
      ratio: round(graphRunsPerSec / handwrittenRunsPerSec, 3),
      graphHistoryEvents: profile.graph.historyEvents,
      handwrittenHistoryEvents: profile.handwritten.historyEvents,
      graphSimulatedHistoryEvents,
      runsPerRound: runs,
      concurrency,
      ...(candidate ? { candidateBundle: candidate } : {}),
      rounds: timed,
      profile,
    };
  } finally {
    await connection.close().catch(() => {});
    await worker.stop();
  }
}
