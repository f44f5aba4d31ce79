/**
 * The embedded stack the bench runs on: a Temporal dev server and the MongoDB-compatible store
 * in a temporary data directory, on free ports — provisioned exactly as `npm test`'s global
 * setup does (stack/src/testing/global-setup.ts), and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_PRAGMAS, freePort, startEmbeddedStack, type SqliteMode } from '@guildflow/stack';

/** A running bench stack. */
export interface BenchStack {
  temporalAddress: string;
  /** The store, with a database of the bench's own. */
  mongoUri: string;
  storeKind: string;
  dataDir: string;
  /** The Temporal CLI binary, when the bench started the dev server. */
  temporalBinary: string | undefined;
  /** Process ids of the servers the bench started (for their CPU time). */
  pids: { temporal?: number | undefined; store?: number | undefined };
  /** The dev server's SQLite settings: `shipped` (as `npm start` runs) unless `BENCH_SQLITE` says. */
  sqlite: SqliteMode;
  stop(): Promise<void>;
}

/**
 * Starts the stack with progress output. `GUILDFLOW_BENCH_TEMPORAL_ADDRESS` /
 * `GUILDFLOW_BENCH_MONGODB_URI` use existing servers instead. The dev server runs with the SQLite
 * settings `npm start` ships; `BENCH_SQLITE=full` or `fast` measures another (a labelled extra row).
 *
 * @example
 * const stack = await startBenchStack();
 * try { … } finally { await stack.stop(); }
 */
export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildflow-bench-'));
  const sqlite = sqliteMode(process.env.BENCH_SQLITE);
  const storeKind = process.env.GUILDFLOW_STORE;
  try {
    const stack = await startEmbeddedStack({
      dataDir,
      temporalAddress: process.env.GUILDFLOW_BENCH_TEMPORAL_ADDRESS,
      mongodbUri: process.env.GUILDFLOW_BENCH_MONGODB_URI,
      temporalPort: await freePort(),
      storePort: await freePort(),
      store: storeKind === 'mongodb' || storeKind === 'ferretdb' ? storeKind : undefined,
      sqlite,
      quiet: false,
    });
    const uri = new URL(stack.mongoUri);
    uri.pathname = '/gf_bench';
    return {
      temporalAddress: stack.temporalAddress,
      mongoUri: uri.toString(),
      storeKind: stack.storeKind,
      dataDir,
      temporalBinary: stack.children.find((c) => c.name === 'temporal')?.command,
      pids: {
        temporal: stack.children.find((c) => c.name === 'temporal')?.pid,
        store: stack.children.find((c) => c.name === 'store')?.pid,
      },
      sqlite,
      stop: async () => {
        await stack.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function sqliteMode(value: string | undefined): SqliteMode {
  if (value === undefined || value === '') return 'shipped';
  if (value in SQLITE_PRAGMAS) return value as SqliteMode;
  throw new Error(
    `BENCH_SQLITE must be one of ${Object.keys(SQLITE_PRAGMAS).join(', ')}, not "${value}".`,
  );
}
