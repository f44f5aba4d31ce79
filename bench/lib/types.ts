/**
 * What a benchmark is to `npm run bench`: adding one is one module exporting a
 * {@link Benchmark} (see bench/benchmarks/) and one line in bench/benchmarks/index.ts.
 */
import type { BenchStack } from './bench-stack.js';

/** The result of a benchmark that cannot run yet, and why. */
export interface Skipped {
  skipped: string;
}

/**
 * True for a {@link Skipped} result.
 *
 * @example
 * if (isSkipped(result)) console.log(result.skipped);
 */
export function isSkipped(result: unknown): result is Skipped {
  return typeof result === 'object' && result !== null && 'skipped' in result;
}

/** Live progress of the running benchmark (the spinner's detail text). */
export interface Progress {
  update(detail: string): void;
}

/** What a benchmark gets from the runner. */
export interface BenchContext {
  /** `BENCH_QUICK=1`: shrink every phase. */
  quick: boolean;
  /** The embedded stack (only for benchmarks with `needsStack`). */
  stack: BenchStack;
  progress: Progress;
  /** Where systems under test write their logs. */
  logDir: string;
}

/** One benchmark: its row in the table, how it runs, and how its figure is explained. */
export interface Benchmark<R extends object = object> {
  /** Its key in bench/results.json. */
  key: string;
  /** The table's "what" column. */
  what: string;
  /** The table's "goal" column. */
  goal: string;
  /** Whether it needs the Temporal dev server and the store. */
  needsStack: boolean;
  /** Run after the others (it leaves state behind on the stack, e.g. thousands of open runs). */
  runsLast?: boolean;
  run(ctx: BenchContext): Promise<R | Skipped>;
  /** The table's "result" column. */
  result(result: R): string;
  /** Whether the goal was met (undefined: no verdict). */
  met(result: R): boolean | undefined;
  /** Markdown explaining the figure, with what limits it when the goal was missed. */
  explain(result: R | Skipped): string;
  /**
   * When the goal was missed: the measured reason, from this run's figures, and what would
   * close it (PERFORMANCE.md's "Goals missed").
   */
  missed?(result: R): string;
}

/** A benchmark with its result type erased, as the runner holds it. */
export type AnyBenchmark = Benchmark<object>;

/**
 * Declares a benchmark (type-checks it against its own result type, then erases that type so
 * different benchmarks fit one list).
 *
 * @example
 * export const fooBenchmark = defineBenchmark<{ ms: number }>({ key: 'foo', … });
 */
export function defineBenchmark<R extends object>(benchmark: Benchmark<R>): AnyBenchmark {
  return benchmark as unknown as AnyBenchmark;
}
