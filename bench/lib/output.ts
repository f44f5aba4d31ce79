/** bench/results.json ⇄ the in-memory report, and the formatted PERFORMANCE.md. */
import { format, resolveConfig } from 'prettier';
import { renderPerformance, type BenchReport } from './report.js';
import type { AnyBenchmark } from './types.js';

const CONTEXT_KEYS = [
  'startedAt',
  'finishedAt',
  'mode',
  'machine',
  'stack',
  'noise',
  'remeasured',
] as const;

/**
 * The results.json text: the run's context, then one key per benchmark in table order.
 *
 * @example
 * writeFileSync('bench/results.json', resultsJson(report, benchmarks));
 */
export function resultsJson(report: BenchReport, benchmarks: readonly AnyBenchmark[]): string {
  const { results, ...context } = report;
  const byKey = Object.fromEntries(
    benchmarks.filter((b) => results[b.key]).map((b) => [b.key, results[b.key]]),
  );
  return `${JSON.stringify({ ...context, ...byKey }, null, 2)}\n`;
}

/**
 * The report back from a results.json text (to re-render the page without measuring again).
 *
 * @example
 * const report = parseResults(readFileSync('bench/results.json', 'utf8'));
 */
export function parseResults(text: string): BenchReport {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const results = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !(CONTEXT_KEYS as readonly string[]).includes(key)),
  ) as Record<string, object>;
  return { ...(raw as unknown as Omit<BenchReport, 'results'>), results };
}

/**
 * PERFORMANCE.md, formatted like the rest of the repository (so `npm run format:check` accepts it).
 */
export async function performanceMarkdown(
  report: BenchReport,
  benchmarks: readonly AnyBenchmark[],
  docPath: string,
): Promise<string> {
  return format(renderPerformance(report, benchmarks), {
    ...(await resolveConfig(docPath)),
    filepath: docPath,
  });
}
