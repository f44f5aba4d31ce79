/**
 * Knobs of `npm run bench`, all from the environment:
 *
 * - `BENCH_QUICK=1` shrinks every phase (60 s phases to a few seconds, 10,000 runs to a few
 *   hundred) for development on a busy machine; its results go to bench/results-quick.json
 *   (git-ignored) and the table is printed, never written to docs/PERFORMANCE.md.
 * - `BENCH_ONLY=interpreter,api` runs only those keys (also written as a quick result).
 * - `BENCH_<NAME>=<number>` overrides one size, e.g. `BENCH_WAITING_RUNS=2000` (each benchmark
 *   names its knobs in its module).
 */

/** The settings of one `npm run bench`. */
export interface BenchSettings {
  quick: boolean;
  /** Keys to run; undefined runs all. */
  only: ReadonlySet<string> | undefined;
}

/** Reads the bench settings from the environment. */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const only = env.BENCH_ONLY?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return {
    quick: env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true',
    only: only && only.length > 0 ? new Set(only) : undefined,
  };
}

/** A size: `BENCH_<name>` when set, else the full or the quick default. */
export function knob(name: string, quick: boolean, full: number, quickValue: number): number {
  const raw = process.env[`BENCH_${name}`];
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  if (Number.isFinite(value) && value > 0) return value;
  return quick ? quickValue : full;
}
