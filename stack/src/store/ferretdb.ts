import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache.js';
import { goBuild } from '../go-build.js';
import { step } from '../progress.js';
import { ManagedProcess } from '../process.js';
import { which } from '../which.js';

export const FERRETDB_VERSION = '1.24.2';

/**
 * Finds FerretDB (`FERRETDB_PATH`, PATH, cache) or builds it from the Go module proxy. It is
 * built from a throwaway module with `go mod vendor` rather than `go install …@v1.24.2`:
 * FerretDB panics at start unless its generated `build/version/version.txt` exists, and the
 * module zip does not carry it; a vendored copy lets the build supply it.
 */
export async function resolveFerretDb(): Promise<string> {
  const explicit = process.env.FERRETDB_PATH;
  if (explicit && existsSync(explicit)) return explicit;
  const onPath = which('ferretdb');
  if (onPath) return onPath;
  const cached = join(cacheDir(`ferretdb-${FERRETDB_VERSION}`), 'ferretdb');
  if (existsSync(cached)) return cached;
  await step(
    `Building FerretDB ${FERRETDB_VERSION} from the Go module proxy (about 2 minutes the first time)`,
    (reporter) =>
      goBuild(
        {
          module: 'github.com/FerretDB/FerretDB',
          version: `v${FERRETDB_VERSION}`,
          pkg: 'github.com/FerretDB/FerretDB/cmd/ferretdb',
          vendorFiles: { 'build/version/version.txt': `v${FERRETDB_VERSION}\n` },
        },
        cached,
        reporter,
      ),
  );
  return cached;
}

/**
 * Runs FerretDB with its SQLite backend in `dir`, on loopback, with telemetry and the debug
 * listener off (two instances would otherwise collide on 127.0.0.1:8088).
 *
 * @example
 * const proc = startFerretDb(bin, 'data/ferretdb', 27217, 'data/logs/ferretdb.log');
 */
export function startFerretDb(
  binary: string,
  dir: string,
  port: number,
  logFile: string,
): ManagedProcess {
  mkdirSync(dir, { recursive: true });
  return ManagedProcess.start({
    name: 'ferretdb',
    command: binary,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    logFile,
    stopTimeoutMs: 10_000,
  });
}
