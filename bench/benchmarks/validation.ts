/** `validation`: the existing 1,000-node validation benchmark (bench/validation.ts), unchanged. */
import { runValidationBench, type ValidationBenchResult } from '../validation.js';
import { isSkipped } from '../lib/types.js';
import { defineBenchmark } from '../lib/types.js';

/**
 * The `validation` benchmark.
 *
 * @example
 * const result = await validationBenchmark.run(ctx); // { nodes, edges, ms, p95Ms, samples }
 */
export const validationBenchmark = defineBenchmark<ValidationBenchResult>({
  key: 'validation',
  what: 'validating a 1,000-node graph (median of 60 runs, fresh copy each)',
  goal: '≤ 20 ms',
  needsStack: false,
  run: () => runValidationBench(),
  result: (r) =>
    `${r.ms.toFixed(2)} ms (p95 ${r.p95Ms.toFixed(2)} ms; ${r.nodes} nodes, ${r.edges} edges)`,
  met: (r) => r.ms <= 20,
  explain: (
    r,
  ) => `**validation** — \`validateGraph\` on a realistic generated graph${isSkipped(r) ? '' : ` of ${r.nodes} nodes and ${r.edges} edges`}: JSON
Schema of the document, the graph rules (cycles, reachability, ports, joins, loop bodies), every
node's config schema and every expression with its references checked against the node's ancestors.
The builder runs it on every edit and the API on every save, so it must stay far below a frame. It
runs in the bench process (no stack involved); each timed call gets a fresh deep copy of the document.`,
});
