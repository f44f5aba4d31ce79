/** The machine a benchmark ran on: cores, memory, versions and load, for the report. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

const require = createRequire(import.meta.url);

/** What results.json and docs/PERFORMANCE.md say about the machine. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  temporalSdk: string;
  temporalCli: string;
  store: string;
  /** 1, 5 and 15 minute load averages when the bench started. */
  loadAverage: number[];
}

/**
 * Describes this machine and the stack the bench started.
 *
 * @example
 * const machine = describeMachine({ temporalBinary: '/path/temporal', storeKind: 'ferretdb' }, loadavg());
 */
export function describeMachine(
  stack: { temporalBinary?: string | undefined; storeKind: string },
  load: number[] = loadavg(),
): MachineInfo {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    temporalSdk: String(
      (require('@temporalio/worker/package.json') as { version: string }).version,
    ),
    temporalCli: stack.temporalBinary ? versionOf(stack.temporalBinary) : 'external server',
    store: stack.storeKind,
    loadAverage: load.map((l) => Math.round(l * 100) / 100),
  };
}

/** `temporal --version` → "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)". */
function versionOf(binary: string): string {
  try {
    return execFileSync(binary, ['--version'], { timeout: 10_000 }).toString().trim();
  } catch {
    return 'unknown';
  }
}
