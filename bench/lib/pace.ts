/** Open-loop load: requests fired on a fixed schedule, whatever the answers take. */
import { performance } from 'node:perf_hooks';
import { cpuMsOf } from './proc.js';
import { round } from './stats.js';

/**
 * Calls `fire(i)` for i = 0 … count − 1 at `rate` per second (catching up when the event loop
 * falls behind, never bunching ahead), without awaiting the calls. Resolves when the last one is
 * fired, with the achieved rate and every call's promise.
 *
 * @example
 * const { achievedRate, calls } = await paced(500, 25, (i) => post(i));
 * await Promise.all(calls);
 */
export async function paced(
  count: number,
  rate: number,
  fire: (index: number) => Promise<void>,
  onProgress?: (fired: number) => void,
): Promise<{ achievedRate: number; calls: Promise<void>[] }> {
  const calls: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    calls.push(fire(i));
    if (i % Math.max(1, Math.round(rate)) === 0) onProgress?.(i);
  }
  return { achievedRate: count / ((performance.now() - started) / 1000), calls };
}

/** CPU time so far (ms) of each named process: the systems under test, the stack, this one. */
export type CpuReading = Record<string, number | undefined>;

/** Reads the CPU time of processes by pid, plus this process as `loadGenerator`. */
export function cpuReading(pids: Record<string, number | undefined>): CpuReading {
  const own = process.cpuUsage();
  return {
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMsOf(pid)])),
    loadGenerator: (own.user + own.system) / 1000,
  };
}

/**
 * CPU per unit of work between two readings, by process (ms, 2 decimals).
 *
 * @example
 * cpuPer(before, cpuReading(pids), runs); // { worker: 16.6, temporal: 36.8, … }
 */
export function cpuPer(
  before: CpuReading,
  after: CpuReading,
  units: number,
): Record<string, number> {
  const per: Record<string, number> = {};
  for (const [name, ms] of Object.entries(after)) {
    const was = before[name];
    if (typeof ms === 'number' && typeof was === 'number')
      per[name] = round((ms - was) / Math.max(1, units), 2);
  }
  return per;
}
