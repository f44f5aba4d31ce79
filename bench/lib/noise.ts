/**
 * How noisy the machine was while a benchmark ran: CPU used by processes outside the bench's
 * own process tree (other engineers' test suites, say) and hypervisor steal, as a share of the
 * machine's whole capacity. Linux only (from /proc); elsewhere only the load average is kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** A point-in-time reading of the CPU counters (clock ticks). */
export interface CpuSnapshot {
  at: number;
  total: number;
  busy: number;
  steal: number;
  /** Ticks used by this process and its descendants (the stack, the systems under test). */
  ours: number;
}

/** What a benchmark's interval looked like. */
export interface NoiseReport {
  seconds: number;
  /** CPU used by other processes, % of all cores. */
  foreignCpuPct: number | null;
  /** Hypervisor steal, % of all cores. */
  stealPct: number | null;
  /** CPU used by the bench, the stack and the systems under test, % of all cores. */
  benchCpuPct: number | null;
  loadAverage: number[];
  noisy: boolean;
}

/** Above this share of the machine used by others, a figure is flagged as noisy. */
const NOISY_PCT = 10;

/**
 * Reads the CPU counters now (undefined parts where /proc is missing).
 *
 * @example
 * const before = cpuSnapshot(); await work(); const noise = noiseBetween(before, cpuSnapshot());
 */
export function cpuSnapshot(): CpuSnapshot | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...fields] = line.trim().split(/\s+/);
    const n = fields.map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      n;
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return {
      at: Date.now(),
      total,
      busy: total - idle - iowait - steal,
      steal,
      ours: treeTicks(process.pid),
    };
  } catch {
    return undefined;
  }
}

/**
 * The noise of the interval between two snapshots.
 *
 * @example
 * noiseBetween(before, cpuSnapshot()).noisy;
 */
export function noiseBetween(
  before: CpuSnapshot | undefined,
  after: CpuSnapshot | undefined,
): NoiseReport {
  const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
  const seconds = before && after ? (after.at - before.at) / 1000 : 0;
  if (!before || !after || after.total <= before.total) {
    const noisy = (loadAverage[0] ?? 0) > cpus().length;
    return { seconds, foreignCpuPct: null, stealPct: null, benchCpuPct: null, loadAverage, noisy };
  }
  const total = after.total - before.total;
  const pct = (ticks: number) => Math.max(0, Math.round((ticks / total) * 1000) / 10);
  const ours = after.ours - before.ours;
  const foreignCpuPct = pct(after.busy - before.busy - ours);
  const stealPct = pct(after.steal - before.steal);
  return {
    seconds,
    foreignCpuPct,
    stealPct,
    benchCpuPct: pct(ours),
    loadAverage,
    noisy: foreignCpuPct > NOISY_PCT || stealPct > NOISY_PCT / 2,
  };
}

/**
 * Clock ticks used so far by `root` and every live descendant, including children they have
 * already reaped (cutime/cstime), so a system under test that exited is still counted.
 */
function treeTicks(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const ticks =
        Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(Number(name), { ppid, ticks });
    } catch {
      // the process exited while we listed /proc
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks;
}
