import { SQLITE_PRAGMAS, type SqliteMode } from '@guildflow/stack';
/** Renders docs/PERFORMANCE.md from a bench run. */
import { LEVERS } from '../levers.js';
import type { MachineInfo } from './machine.js';
import type { NoiseReport } from './noise.js';
import { isSkipped, type AnyBenchmark } from './types.js';

/** bench/results.json: the run's context, then one key per benchmark. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  mode: 'full' | 'quick';
  machine: MachineInfo;
  stack: { storeKind: string; sqlite: SqliteMode } | null;
  /** CPU used by others while each benchmark ran. */
  noise: Record<string, NoiseReport>;
  /** Keys measured again later at full size (BENCH_MERGE), and when. */
  remeasured?: Record<string, string>;
  /** Benchmark key → its result (or `{ skipped }`, or `{ failed }`). */
  results: Record<string, object>;
}

/**
 * The whole PERFORMANCE.md.
 *
 * @example
 * writeFileSync('docs/PERFORMANCE.md', renderPerformance(report, benchmarks));
 */
export function renderPerformance(
  report: BenchReport,
  benchmarks: readonly AnyBenchmark[],
): string {
  const m = report.machine;
  const rows = benchmarks.map((b) => {
    const r = report.results[b.key];
    return `| \`${b.key}\` | ${b.what} | ${b.goal} | ${resultCell(b, r, report.noise[b.key])} |`;
  });
  const noisy = benchmarks.filter((b) => report.noise[b.key]?.noisy);
  const missed = benchmarks.flatMap((b) => {
    const r = report.results[b.key];
    if (!r || isSkipped(r) || 'failed' in r || b.met(r) !== false || !b.missed) return [];
    return [`- **\`${b.key}\`** — ${b.missed(r)}`];
  });
  const sections = benchmarks.map((b) => {
    const r = report.results[b.key];
    if (r && 'failed' in r)
      return `### ${b.key}\n\n**${b.key}** failed in this run: ${String((r as { failed: unknown }).failed)}`;
    return `### ${b.key}\n\n${b.explain(r ?? { skipped: 'not run' })}`;
  });
  return `# Performance

Measured by \`npm run bench\`${report.mode === 'quick' ? ' **in quick mode (shrunk phases: not comparable with a full run)**' : ''} on ${report.startedAt.slice(0, 10)} (${duration(report)}) on the
embedded stack the bench starts itself: a Temporal dev server (${m.temporalCli}; SQLite ${sqliteWords(report.stack?.sqlite)}) and the
${report.stack?.storeKind ?? 'unknown'} store, in a temporary data directory. Systems under test (workers, the engine service) run in
child processes; the load generator is the bench process.

**Machine:** ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory, ${m.os}, Node ${m.node}, Temporal TypeScript SDK ${m.temporalSdk}.
Load average when the bench started: ${m.loadAverage.join(' ')}.
${noiseSummary(report, noisy)}${remeasured(report)}

Raw samples and every round are in \`bench/results.json\`. Run it again with \`npm run bench\`
(\`BENCH_QUICK=1 npm run bench\` for a quick look; see bench/lib/config.ts for the knobs).

| key | what | goal | result |
|---|---|---|---|
${rows.join('\n')}

## Goals missed: the measured reason, and what would close it

${missed.length > 0 ? missed.join('\n') : 'None: every goal was met.'}

## Levers

Each lever tried against the goals, with its measured effect (throughput benchmark at 20 runs/s,
A/B runs alternated; every run's figures are in [performance-levers.md](performance-levers.md)).

| lever | measured effect | kept |
|---|---|---|
${LEVERS.map((l) => `| ${l.lever} | ${l.effect} | ${l.kept ? 'yes' : 'no'} |`).join('\n')}

## What each figure means

${sections.join('\n\n')}

## Machine load during each benchmark

CPU used by processes outside the bench's own process tree (the bench, the stack, the systems under
test), and hypervisor steal, as a share of all ${m.cores} cores, from /proc; a figure is marked noisy
above 10 % foreign CPU or 5 % steal.

| key | seconds | bench CPU | foreign CPU | steal | load average after |
|---|---|---|---|---|---|
${benchmarks
  .filter((b) => report.noise[b.key])
  .map((b) => {
    const n = report.noise[b.key] as NoiseReport;
    const pct = (v: number | null) => (v === null ? 'n/a' : `${v} %`);
    return `| \`${b.key}\` | ${n.seconds.toFixed(0)} | ${pct(n.benchCpuPct)} | ${pct(n.foreignCpuPct)}${n.noisy ? ' (noisy)' : ''} | ${pct(n.stealPct)} | ${n.loadAverage.join(' ')} |`;
  })
  .join('\n')}
`;
}

function resultCell(
  b: AnyBenchmark,
  r: object | undefined,
  noise: NoiseReport | undefined,
): string {
  if (!r) return '_not run_';
  if (isSkipped(r)) return `_not measured yet: ${r.skipped}_`;
  if ('failed' in r)
    return `**failed**: ${String((r as { failed: unknown }).failed).slice(0, 200)}`;
  const met = b.met(r);
  const verdict = met === undefined ? '' : met ? ' — ✅ goal met' : ' — ❌ goal missed';
  const noisy = noise?.noisy ? ` (noisy: others used ${noise.foreignCpuPct} % CPU)` : '';
  return `${b.result(r)}${verdict}${noisy}`;
}

function noiseSummary(report: BenchReport, noisy: readonly AnyBenchmark[]): string {
  if (noisy.length === 0)
    return 'The machine was quiet during every benchmark (see the last section).';
  return `**The machine was noisy** during ${noisy.map((b) => `\`${b.key}\``).join(', ')}: other processes used CPU meanwhile (see the last section), so those figures are pessimistic.`;
}

function remeasured(report: BenchReport): string {
  const keys = Object.entries(report.remeasured ?? {});
  if (keys.length === 0) return '';
  return `\n${keys.map(([key]) => `\`${key}\``).join(', ')} ${keys.length === 1 ? 'was' : 'were'} measured again at full size on ${keys.map(([, at]) => at.slice(0, 16).replace('T', ' ')).join(', ')} UTC in a separate run (\`BENCH_ONLY=… BENCH_MERGE=1\`).`;
}

function duration(report: BenchReport): string {
  const s = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  return s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`;
}

function sqliteWords(mode: SqliteMode | undefined): string {
  if (mode === undefined) return 'as configured';
  const pragmas = SQLITE_PRAGMAS[mode].join(', ');
  return mode === 'shipped'
    ? `as \`npm start\` ships it: ${pragmas}`
    : `**${mode}** (${pragmas}), not what \`npm start\` ships`;
}
