/** The PERFORMANCE.md section of the `waiting` benchmark. */
import { isSkipped, type Skipped } from '../lib/types.js';
import type { WaitingResult } from './waiting.js';

/** Cached runs that fit in 400 MB next to an idle worker of `idleMib`. */
function fit(idleMib: number, kibPerRun: number): number {
  const free = (400 / 1.048576 - idleMib) * 1024;
  return kibPerRun > 0 ? Math.max(0, Math.floor(free / kibPerRun)) : 0;
}

/** The hand-written reference's RSS extrapolated to a full default cache, MB. */
function atDefault(r: WaitingResult): number {
  return Math.round(
    (r.reference.baselineRssMb + (r.maxCachedWorkflows * r.reference.kibPerCachedWorkflow) / 1024) *
      1.048576,
  );
}

/**
 * Explains the waiting-runs figures: what was started, when the worker was measured, and
 * what its memory is made of.
 */
export function explainWaiting(r: WaitingResult | Skipped): string {
  const intro = `**waiting** — many long waits on one worker, as a server full of week-long giveaways and reminders
would have. The load generator starts the runs through \`startRun\` (as the service does), a fixed
number of starts in flight; half run a graph that waits a day in \`flow.delay\`, half a giveaway that
opens a one-day \`flow.collect\` window (the \`engine.openCollect\` activity stores it in the store).
The worker under test is its own process (production worker factory, default settings, the
engine's store activities). *startSeconds* is the first start call until Temporal accepted the last;
*settleSeconds* until the queue's backlog was empty, every collect window was stored and the worker
had been idle, with an unchanged cache, for 3 s. A sample
of runs is then checked through their histories (running, a timer set, nothing pending), and the
worker's resident memory (VmRSS) is sampled once a second; the figure is the median. The worker keeps
at most its default workflow cache (\`maxCachedWorkflows\`: Guildflow's worker sets 100, where the SDK would derive 2,310 from the V8 heap
limit); runs beyond it are evicted and cost the worker nothing until their timer fires (they are
replayed then).`;
  if (isSkipped(r)) return `${intro}\n\n_Skipped: ${r.skipped}_`;
  const mb = (mib: number) => Math.round(mib * 1.048576);
  const verdict =
    mb(r.workerRssMb) <= 400
      ? `The worker holds ${r.cachedWorkflows.toLocaleString('en-US')} waiting runs in its cache in ${mb(r.workerRssMb)} MB (goal ≤ 400 MB).`
      : `The worker needs ${mb(r.workerRssMb)} MB, above the 400 MB goal: ${r.cachedWorkflows.toLocaleString('en-US')} cached runs at about ${r.kibPerCachedWorkflow} KiB each on top of the idle ${mb(r.baselineRssMb)} MB. **What limits it** is the worker's own footprint and its workflow cache, not the waiting itself: a run evicted from the cache costs the worker nothing until its timer fires. Guildflow's worker caches ${r.maxCachedWorkflows.toLocaleString('en-US')} runs (the SDK's default, sized from the V8 heap, was 2,310 runs and 2.8 GB here before), an idle worker with its workflow threads is already ${mb(r.baselineRssMb)} MB, and the per-run figure also holds what starting 10,000 runs left on the heap; even a one-line hand-written workflow costs ${r.reference.kibPerCachedWorkflow} KiB per cached run on this SDK (its reusable V8 context keeps each workflow's globals and module instances)${atDefault(r) > 400 ? `: at the default cache size that alone comes to about ${atDefault(r)} MB, so the default cannot fit 400 MB with any workflow code` : ''}. Within 400 MB this worker could cache about ${fit(r.baselineRssMb, r.kibPerCachedWorkflow)} graph runs (\`maxCachedWorkflows\`), a hand-written one about ${fit(r.reference.baselineRssMb, r.reference.kibPerCachedWorkflow)}.`;
  return `${intro}

| | |
|---|---|
| runs started | ${r.runs.toLocaleString('en-US')} (${r.startErrors.length} start errors) |
| start time | ${r.startSeconds} s (${Math.round(r.runs / Math.max(0.1, r.startSeconds))} starts/s) |
| all waiting after | ${r.settleSeconds} s |
| idle worker RSS | ${mb(r.baselineRssMb)} MB |
| worker RSS with every run waiting | ${mb(r.workerRssMb)} MB (samples: ${r.rssSamplesMb.map((s) => mb(s)).join(', ')}) |
| main-thread V8 heap used (the workflow thread's heap is in the RSS) | ${mb(r.heapUsedMb)} MB |
| cached runs / default cache size | ${r.cachedWorkflows.toLocaleString('en-US')} / ${r.maxCachedWorkflows.toLocaleString('en-US')} |
| memory per cached run | ${r.kibPerCachedWorkflow} KiB |
| runs verified waiting | ${r.verified} |
| reference: hand-written \`sleep('1d')\` runs on their own worker | ${r.reference.runs.toLocaleString('en-US')} runs, ${r.reference.cachedWorkflows.toLocaleString('en-US')} cached: RSS ${mb(r.reference.workerRssMb)} MB (idle ${mb(r.reference.baselineRssMb)} MB), ${r.reference.kibPerCachedWorkflow} KiB per cached run |

${verdict}`;
}
