/**
 * Every benchmark of `npm run bench`, in table (and run) order. Adding a benchmark: write its
 * module (a `defineBenchmark({ … })`, see bench/lib/types.ts) and add one line here.
 */
import type { AnyBenchmark } from '../lib/types.js';
import { apiBenchmark } from './api.js';
import { builderBenchmark } from './builder.js';
import { interpreterBenchmark } from './interpreter.js';
import { publishBenchmark } from './publish.js';
import { e2eBenchmark } from './e2e.js';
import { routerBenchmark } from './router.js';
import { throughputBenchmark } from './throughput.js';
import { validationBenchmark } from './validation.js';
import { waitingBenchmark } from './waiting.js';

/**
 * The benchmarks, in the order of the table (those with `runsLast` run last).
 *
 * @example
 * for (const b of benchmarks) console.log(b.key, b.goal);
 */
export const benchmarks: readonly AnyBenchmark[] = [
  routerBenchmark,
  e2eBenchmark,
  throughputBenchmark,
  interpreterBenchmark,
  waitingBenchmark,
  validationBenchmark,
  apiBenchmark,
  publishBenchmark,
  builderBenchmark,
];
