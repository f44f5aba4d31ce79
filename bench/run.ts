/**
 * `npm run bench`: starts its own embedded stack (Temporal dev server + store in a temporary
 * directory), runs every benchmark in bench/benchmarks/index.ts with progress output, and
 * writes the raw results to bench/results.json and the table to docs/PERFORMANCE.md.
 * Benchmarks measure and report; nothing here asserts a time.
 *
 *   npm run bench                        full run (about 10 minutes on 2 cores)
 *   BENCH_QUICK=1 npm run bench          shrunk phases → bench/results-quick.json + table on stdout
 *   BENCH_ONLY=interpreter npm run bench only some keys (treated like a quick run)
 *   BENCH_RENDER=1 npm run bench         re-render docs/PERFORMANCE.md from bench/results.json
 *   BENCH_ONLY=waiting BENCH_MERGE=1 npm run bench
 *                                        re-measure some keys at full size into bench/results.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError, step } from '@guildflow/stack';
import { benchmarks } from './benchmarks/index.js';
import { startBenchStack, type BenchStack } from './lib/bench-stack.js';
import { benchSettings } from './lib/config.js';
import { describeMachine } from './lib/machine.js';
import { cpuSnapshot, noiseBetween, type NoiseReport } from './lib/noise.js';
import { parseResults, performanceMarkdown, resultsJson } from './lib/output.js';
import type { BenchReport } from './lib/report.js';
import { isSkipped } from './lib/types.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const docPath = join(root, 'docs/PERFORMANCE.md');
const resultsPath = join(root, 'bench/results.json');

if (process.env.BENCH_RENDER === '1') {
  writeFileSync(
    docPath,
    await performanceMarkdown(parseResults(readFileSync(resultsPath, 'utf8')), benchmarks, docPath),
  );
  process.stderr.write('re-rendered docs/PERFORMANCE.md from bench/results.json\n');
  process.exit(0);
}

const settings = benchSettings();
// A full-size re-measurement of some keys replaces just those in bench/results.json.
const merge = process.env.BENCH_MERGE === '1' && !settings.quick && settings.only !== undefined;
const partial = !merge && (settings.quick || settings.only !== undefined);
const selected = benchmarks.filter((b) => !settings.only || settings.only.has(b.key));
const startedAt = new Date();
const results: Record<string, object> = {};
const noise: Record<string, NoiseReport> = {};
const startLoad = loadavg();
let machine = describeMachine({ temporalBinary: undefined, storeKind: 'not started' }, startLoad);

// Services under test log JSON lines on errors only; keep the bench's own output readable.
process.env.GUILDFLOW_LOG ??= 'silent';

let stack: BenchStack | undefined;
let exitCode = 0;
const stop = async () => {
  await stack?.stop().catch(() => {});
  stack = undefined;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void stop().finally(() => process.exit(130)));

try {
  if (selected.some((b) => b.needsStack)) stack = await startBenchStack();
  machine = describeMachine(
    { temporalBinary: stack?.temporalBinary, storeKind: stack?.storeKind ?? 'not started' },
    startLoad,
  );
  // Table order, except benchmarks that leave state on the stack (thousands of open runs) go last.
  const order = [...selected].sort(
    (a, b) => Number(a.runsLast ?? false) - Number(b.runsLast ?? false),
  );
  const logDir = join(stack?.dataDir ?? tmpdir(), 'logs');
  for (const benchmark of order) {
    const before = cpuSnapshot();
    try {
      const result = await step(`Benchmark ${benchmark.key}`, (progress) => {
        if (benchmark.needsStack && !stack) throw new Error('the stack is not running');
        return benchmark.run({
          quick: settings.quick,
          stack: stack as BenchStack,
          progress,
          logDir,
        });
      });
      results[benchmark.key] = result;
      if (isSkipped(result))
        process.stderr.write(`  ${benchmark.key}: skipped (${result.skipped})\n`);
      else {
        const met = benchmark.met(result);
        const verdict = met === undefined ? '' : met ? ' (goal met)' : ' (goal missed)';
        process.stderr.write(`  ${benchmark.key}: ${benchmark.result(result)}${verdict}\n`);
      }
    } catch (error) {
      exitCode = 1;
      const message = error instanceof Error ? error.message : String(error);
      results[benchmark.key] = { failed: message };
      process.stderr.write(`  ${benchmark.key} failed: ${message}\n`);
    }
    if (!isSkipped(results[benchmark.key]))
      noise[benchmark.key] = noiseBetween(before, cpuSnapshot());
  }
} catch (error) {
  exitCode = 1;
  if (error instanceof SetupError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
}

const measured: BenchReport = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  mode: partial ? 'quick' : 'full',
  machine,
  stack: stack ? { storeKind: stack.storeKind, sqlite: stack.sqlite } : null,
  noise,
  results,
};
await stop();
const report = merge
  ? mergeInto(parseResults(readFileSync(resultsPath, 'utf8')), measured)
  : measured;
const shown = merge ? benchmarks : selected;
const json = resultsJson(report, shown);
const markdown = await performanceMarkdown(report, shown, docPath);
if (partial) {
  writeFileSync(join(root, 'bench/results-quick.json'), json);
  process.stdout.write(`${markdown}\n`);
  process.stderr.write(
    'wrote bench/results-quick.json (quick or partial run: docs/PERFORMANCE.md left as it was)\n',
  );
} else {
  writeFileSync(resultsPath, json);
  writeFileSync(docPath, markdown);
  process.stderr.write('wrote bench/results.json and docs/PERFORMANCE.md\n');
}
process.exit(exitCode);

/** `previous` with the keys measured now replaced (and noted as re-measured). */
function mergeInto(previous: BenchReport, now: BenchReport): BenchReport {
  const at = now.finishedAt;
  return {
    ...previous,
    noise: { ...previous.noise, ...now.noise },
    results: { ...previous.results, ...now.results },
    remeasured: {
      ...previous.remeasured,
      ...Object.fromEntries(Object.keys(now.results).map((k) => [k, at])),
    },
  };
}
