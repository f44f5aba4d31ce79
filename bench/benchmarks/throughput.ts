/**
 * `throughput`: the highest rate of webhook-triggered one-action runs this machine sustains
 * with nothing lost and p99 ≤ 1 s from the webhook request to the run's close. The load
 * generator (this process) signs and posts deliveries to `POST /hooks/:hookId` of the engine
 * service (a child process) at a fixed rate; the worker (a child process) runs the interpreter
 * with a no-op `discord.sendMessage` (the action's own cost is Discord's, not ours). Each rate
 * uses a fresh graph, so its runs are counted and timed from Temporal's visibility by GraphId.
 *
 * Knobs: BENCH_THROUGHPUT_SECONDS (each step of the ramp), BENCH_THROUGHPUT_CONFIRM_SECONDS
 * (the final run at the best rate), BENCH_THROUGHPUT_RATES (the ramp, runs/s).
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { signWebhook } from '@guildflow/engine/service';
import { BENCH_GUILD, webhookGraph } from '../fixtures.js';
import { SutGroup } from '../lib/child.js';
import { knob } from '../lib/config.js';
import { profileHistory } from '../lib/history.js';
import { apiClient } from '../lib/http.js';
import { cpuPer, cpuReading, paced, type CpuReading } from '../lib/pace.js';
import { round, summarize } from '../lib/stats.js';
import { defineBenchmark, isSkipped, type BenchContext } from '../lib/types.js';
import type { ApiSutConfig } from '../sut/api-process.js';
import type { WorkerSutConfig } from '../sut/worker-process.js';

const TASK_QUEUE = 'bench-throughput';
const DRAIN_MS = 30_000;
/** Before a step, the last step's leftover runs get this long to close. */
const IDLE_MS = 180_000;
const P99_GOAL_MS = 1000;
/** Runs of each step whose histories are read. */
const HISTORY_SAMPLE = 20;

/** One step of the ramp. */
export interface ThroughputStep {
  rate: number;
  seconds: number;
  achievedRate: number;
  sent: number;
  /** Deliveries not answered 202, plus accepted runs that did not complete. */
  lost: number;
  /** Webhook request → run closed. */
  p50Ms: number;
  p99Ms: number;
  /** Webhook request → 202 answer. */
  acceptP99Ms: number;
  sustained: boolean;
  /** CPU per completed run by process (ms), over the step and its drain. */
  cpuMsPerRun: Record<string, number>;
  /** Mean over a sample of the step's runs: workflow tasks and history events per run. */
  workflowTasksPerRun: number;
  eventsPerRun: number;
}

/** `throughput` in results.json. */
export interface ThroughputResult {
  maxRunsPerSec: number;
  steps: ThroughputStep[];
  confirm: ThroughputStep | null;
  /** Confirmations that failed before `confirm` (a higher rate that did not hold for long). */
  failedConfirms?: ThroughputStep[];
}

type Api = ReturnType<typeof apiClient>;
type CpuProbe = () => CpuReading;

async function newHook(
  api: Api,
  name: string,
): Promise<{ graphId: string; url: string; secret: string }> {
  const graphs = `/api/guilds/${BENCH_GUILD}/graphs`;
  const created = await api('POST', graphs, webhookGraph(name));
  if (created.status !== 201 || !created.body.webhook)
    throw new Error(`creating a webhook graph: ${JSON.stringify(created.body)}`);
  const published = await api('POST', `${graphs}/${created.body.id}/publish`);
  if (published.status !== 200)
    throw new Error(`publishing a webhook graph: ${JSON.stringify(published.body)}`);
  return {
    graphId: created.body.id,
    url: created.body.webhook.url,
    secret: created.body.webhook.secret,
  };
}

async function step(
  api: Api,
  client: Client,
  rate: number,
  seconds: number,
  ctx: BenchContext,
  cpu: CpuProbe,
): Promise<ThroughputStep> {
  const hook = await newHook(api, `throughput ${rate}/s`);
  const cpuBefore = cpu();
  const count = Math.round(rate * seconds);
  const sentAt = new Map<string, number>();
  const accept: number[] = [];
  let refused = 0;
  const { achievedRate: achieved, calls } = await paced(
    count,
    rate,
    (i) => {
      const body = JSON.stringify({ order: i, amount: 42 });
      const at = Date.now();
      const timestamp = Math.floor(at / 1000);
      const t0 = performance.now();
      return fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-guildflow-timestamp': String(timestamp),
          'x-guildflow-signature': signWebhook(hook.secret, body, timestamp),
        },
        body,
      }).then(
        async (r) => {
          const answer = (await r.json().catch(() => ({}))) as { runId?: string };
          accept.push(performance.now() - t0);
          if (r.status === 202 && answer.runId) sentAt.set(answer.runId, at);
          else refused++;
        },
        () => {
          refused++;
        },
      );
    },
    (i) => ctx.progress.update(`${rate}/s: ${i}/${count} deliveries`),
  );
  await Promise.all(calls);
  // Wait for the accepted runs to close, then read their close times from visibility.
  const query = `GraphId='${hook.graphId}' AND ExecutionStatus='Completed'`;
  const deadline = Date.now() + DRAIN_MS;
  let closed = 0;
  while (Date.now() < deadline) {
    closed = (await client.workflow.count(query)).count;
    ctx.progress.update(`${rate}/s: ${closed}/${sentAt.size} runs completed`);
    if (closed >= sentAt.size) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const latencies: number[] = [];
  for await (const run of client.workflow.list({ query })) {
    const sent = sentAt.get(run.workflowId);
    if (sent !== undefined && run.closeTime) latencies.push(run.closeTime.getTime() - sent);
  }
  const summary = summarize(latencies);
  const lost = refused + (sentAt.size - latencies.length);
  const cpuMsPerRun = cpuPer(cpuBefore, cpu(), latencies.length);
  // After the CPU reading: what the runs cost Temporal, from a sample of their histories.
  const sample = await Promise.all(
    [...sentAt.keys()]
      .slice(0, HISTORY_SAMPLE)
      .map((id) => profileHistory(client.workflow.getHandle(id))),
  );
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : round(values.reduce((a, b) => a + b, 0) / values.length, 2);
  return {
    rate,
    seconds,
    achievedRate: round(achieved, 1),
    sent: count,
    lost,
    p50Ms: summary.p50Ms,
    p99Ms: summary.p99Ms,
    acceptP99Ms: summarize(accept).p99Ms,
    sustained: lost === 0 && summary.p99Ms <= P99_GOAL_MS && achieved >= rate * 0.95,
    cpuMsPerRun,
    workflowTasksPerRun: mean(
      sample.map((h) => h.kinds.filter((k) => k === 'workflowTaskStarted').length),
    ),
    eventsPerRun: mean(sample.map((h) => h.events)),
  };
}

async function run(ctx: BenchContext): Promise<ThroughputResult> {
  const seconds = knob('THROUGHPUT_SECONDS', ctx.quick, 20, 4);
  const confirmSeconds = knob('THROUGHPUT_CONFIRM_SECONDS', ctx.quick, 60, 6);
  const rates = (
    process.env.BENCH_THROUGHPUT_RATES ?? (ctx.quick ? '25,50,100' : '20,30,40,50,75,100,150,200')
  )
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const suts = new SutGroup(ctx.logDir, 'throughput');
  const connection = await Connection.connect({ address: ctx.stack.temporalAddress });
  const { temporalAddress, mongoUri } = ctx.stack;
  try {
    await suts.start('worker-process', {
      temporalAddress,
      mongoUri,
      // Webhook runs are live runs: their Discord action runs as a local activity (v4); the
      // worker process still polls the `-discord` queue of older runs next to each queue.
      workers: [{ taskQueue: TASK_QUEUE, bundle: 'interpreter' }],
    } satisfies WorkerSutConfig);
    const adminToken = 'bench-throughput-admin';
    const service = await suts.start<{ url: string }>('api-process', {
      temporalAddress,
      mongoUri,
      adminToken,
      taskQueue: TASK_QUEUE,
      webhookRateLimit: false,
    } satisfies ApiSutConfig);
    const api = apiClient(service.ready.url, adminToken);
    const client = new Client({ connection });
    const processes = suts.pids();
    const cpu: CpuProbe = () =>
      cpuReading({ ...processes, temporal: ctx.stack.pids.temporal, store: ctx.stack.pids.store });
    await step(api, client, 10, ctx.quick ? 1 : 3, ctx, cpu); // warm-up: JIT, bundle, caches
    const steps: ThroughputStep[] = [];
    const confirms: ThroughputStep[] = [];
    for (const rate of rates) {
      await idle(client, ctx);
      const result = await step(api, client, rate, seconds, ctx, cpu);
      steps.push(result);
      if (!result.sustained) break;
    }
    // The best step's rate, held for the confirmation's full length; a rate at the edge may
    // pass 20 s and fail 60, so the next sustained rate down gets its turn (two tries at most).
    const candidates = steps
      .filter((s) => s.sustained)
      .reverse()
      .slice(0, 2);
    let confirm: ThroughputStep | null = null;
    for (const candidate of candidates) {
      // A step that was not sustained leaves runs behind: the confirmation starts once they closed.
      await idle(client, ctx);
      confirm = await step(api, client, candidate.rate, confirmSeconds, ctx, cpu);
      if (confirm.sustained) break;
      confirms.push(confirm);
    }
    return {
      maxRunsPerSec: confirm?.sustained ? confirm.rate : 0,
      steps,
      confirm,
      failedConfirms: confirms,
    };
  } finally {
    await suts.stopAll();
    await connection.close();
  }
}

/** Waits (at most IDLE_MS) until no run of this benchmark is open any more. */
async function idle(client: Client, ctx: BenchContext): Promise<void> {
  const deadline = Date.now() + IDLE_MS;
  const query = `TaskQueue='${TASK_QUEUE}' AND ExecutionStatus='Running'`;
  for (;;) {
    const open = (await client.workflow.count(query)).count;
    if (open === 0 || Date.now() > deadline) return;
    ctx.progress.update(`waiting for ${open} runs of the last step to close`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** What the ramp and the confirmation held, in words. */
function held(r: ThroughputResult): string {
  const best = [...r.steps].reverse().find((s) => s.sustained);
  if (!best) return 'no step of the ramp was sustained';
  if (r.confirm?.sustained)
    return `${r.confirm.rate}/s held for the ${r.confirm.seconds} s confirmation`;
  const tried = [...(r.failedConfirms ?? []), ...(r.confirm ? [r.confirm] : [])];
  return `the ramp held ${best.rate}/s for ${best.seconds} s, but the ${tried
    .map((c) => `${c.seconds} s confirmation at ${c.rate}/s (p99 ${c.p99Ms} ms)`)
    .join(' and the ')} did not hold, so none counts as sustained`;
}

/** What the runs cost Temporal, from the histories of the last step measured. */
function historyWords(r: ThroughputResult): string {
  const last = r.confirm ?? r.steps[r.steps.length - 1];
  const where =
    'on one Temporal dev server whose history and visibility live in one SQLite file, sharing 2 cores with the store, the service, the worker and the load generator.';
  if (!last || last.workflowTasksPerRun === undefined) return ` Runs ran ${where}`;
  return ` Each run took ${last.workflowTasksPerRun} workflow tasks and ${last.eventsPerRun} history events (mean of ${HISTORY_SAMPLE} runs of the ${r.confirm ? 'confirmation' : `${last.rate}/s step`}) ${where}`;
}

/** CPU per run of every process but the load generator (the bench's own), ms. */
function systemCpuMs(step: ThroughputStep): number {
  const { loadGenerator: _generator, ...system } = step.cpuMsPerRun;
  return round(
    Object.values(system).reduce((a, b) => a + b, 0),
    1,
  );
}

/** `throughput` in results.json. */
export const throughputBenchmark = defineBenchmark<ThroughputResult>({
  key: 'throughput',
  what: 'the highest rate of webhook-triggered one-action runs sustained for 60 s with nothing lost and p99 ≤ 1 s (n8n reports 220 executions/s for webhook + one node on a 2-vCPU instance)',
  goal: '≥ 100 runs/s; CPU per run ≤ 20 ms (all processes but the load generator)',
  needsStack: true,
  run,
  result: (r) =>
    `${r.maxRunsPerSec} runs/s${r.confirm ? `; CPU per run ${systemCpuMs(r.confirm)} ms` : ''}`,
  met: (r) => r.maxRunsPerSec >= 100 && r.confirm !== null && systemCpuMs(r.confirm) <= 20,
  missed: (r) => {
    const step = r.confirm ?? r.steps.at(-1);
    if (!step) return 'no step ran.';
    const cpu = step.cpuMsPerRun;
    const total = systemCpuMs(step);
    const cores = cpus().length;
    return `at ${step.rate}/s a run cost ${total} ms of CPU in all but the load generator (Temporal ${cpu.temporal}, worker ${cpu.worker}, service ${cpu.service}, store ${cpu.store}), so ${cores} cores carry about ${Math.floor((cores * 1000) / Math.max(total, 0.001))} runs/s; ${held(r)}. 100 runs/s needs ≤ 20 ms per run, and the Temporal dev server alone spent ${cpu.temporal} ms on one StartWorkflowExecution and one workflow task (already the minimum: ${step.workflowTasksPerRun} workflow task, ${step.eventsPerRun} history events per run), with history and visibility in one SQLite file. What would close it: Temporal on cores of its own (a cluster on PostgreSQL or Cassandra: its CPU leaves this machine), then the worker's SDK overhead per workflow task (the interpreter benchmark's profile shows the per-promise stack capture's share of the workflow thread) and the service's express/HMAC path (~8 ms). On one 2-core machine with a Temporal workflow per run, 100 runs/s is out of reach.`;
  },
  explain: (r) =>
    isSkipped(r)
      ? `**throughput** — skipped: ${r.skipped}.`
      : `**throughput** — signed deliveries to \`POST /hooks/:hookId\` (HMAC check with a timestamp, published version lookup, the delivery's replay claim in the store, run start = one Temporal StartWorkflowExecution) at a fixed rate, each run \`trigger.webhook\` → \`discord.sendMessage\` (a no-op executor: the action's cost is Discord's), timed from the request to the run's close in Temporal's visibility. A rate counts as sustained when nothing is lost, p99 ≤ 1 s and the generator achieved it. Ramp: ${r.steps
          .map(
            (s) =>
              `${s.rate}/s → ${s.sustained ? 'ok' : 'missed'} (p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, lost ${s.lost}, 202 p99 ${s.acceptP99Ms} ms)`,
          )
          .join('; ')}.${(r.failedConfirms ?? [])
          .map(
            (c) =>
              ` A confirmation at ${c.rate}/s for ${c.seconds} s did not hold (p99 ${c.p99Ms} ms, lost ${c.lost}).`,
          )
          .join('')}${
          r.confirm
            ? ` Confirmation at ${r.confirm.rate}/s for ${r.confirm.seconds} s: p99 ${r.confirm.p99Ms} ms, lost ${r.confirm.lost}; CPU per run: ${Object.entries(
                r.confirm.cpuMsPerRun,
              )
                .map(([k, v]) => `${k} ${v} ms`)
                .join(', ')} (${round(
                Object.values(r.confirm.cpuMsPerRun).reduce((a, b) => a + b, 0),
                1,
              )} ms in all).`
            : ''
        }${historyWords(r)}`,
});
