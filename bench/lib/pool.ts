/** Load shapes for the load generator: a bounded pool of tasks, and closed-loop clients. */
import { performance } from 'node:perf_hooks';

/** What a pool run did. */
export interface PoolResult {
  /** Wall time from the first task's start to the last one's end, milliseconds. */
  elapsedMs: number;
  errors: string[];
}

/**
 * Runs `task(0)` … `task(count - 1)` with at most `concurrency` in flight; failures are
 * collected (the first few messages), never thrown, so one bad run does not lose a round.
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<PoolResult> {
  const errors: string[] = [];
  let next = 0;
  let done = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        if (errors.length < 20) errors.push(error instanceof Error ? error.message : String(error));
        else errors.push('…');
      }
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { elapsedMs: performance.now() - started, errors };
}

/**
 * Runs `clients` closed-loop clients for `durationMs`: each calls `step(client, n)` again as
 * soon as its previous call finished, until the time is up.
 *
 * @example
 * await closedLoop(20, 60_000, async (client, n) => { await request(client, n); });
 */
export async function closedLoop(
  clients: number,
  durationMs: number,
  step: (client: number, iteration: number) => Promise<void>,
): Promise<{ elapsedMs: number }> {
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n += 1) await step(client, n);
    }),
  );
  return { elapsedMs: performance.now() - started };
}

/**
 * `promise`, or a rejection naming `what` after `ms` (so a run nobody executes fails the
 * benchmark with a reason instead of hanging it).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
