import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lookup } from 'node:dns/promises';
import { MongoClient } from 'mongodb';
import { SetupError } from '../errors.js';
import { isPortOpen, waitUntil } from '../net.js';
import { step } from '../progress.js';
import type { ManagedProcess } from '../process.js';
import { RestartableServer } from '../restartable-server.js';
import { resolveFerretDb, startFerretDb } from './ferretdb.js';

/** Which store ran: an external server, an embedded mongod, or FerretDB. */
export type StoreKind = 'external' | 'mongodb' | 'ferretdb';

export interface RunningStore {
  uri: string;
  kind: StoreKind;
  /** Why a fallback was taken, for the start summary. */
  note?: string;
  /** The store's process, when this started one. */
  process?: { pid: number; command: string };
  /** The server process when it can be started again after it died (FerretDB). */
  server?: RestartableServer;
  stop(): Promise<void>;
}

export interface StoreOptions {
  uri: string | undefined;
  dataDir: string;
  port: number;
  logDir: string;
  force?: 'mongodb' | 'ferretdb';
  quiet?: boolean;
}

/**
 * Provides the MongoDB-compatible store: `MONGODB_URI` when set; else an embedded `mongod`
 * (mongodb-memory-server-core with a persistent dbPath; it downloads the official binary where
 * there is internet); else FerretDB on SQLite, built with Go.
 *
 * @example
 * const store = await startStore({ uri: undefined, dataDir: 'data', port: 27217, logDir: 'data/logs' });
 * console.log(store.uri, store.kind);
 */
export async function startStore(options: StoreOptions): Promise<RunningStore> {
  if (options.uri) {
    return { uri: options.uri, kind: 'external', stop: async () => {} };
  }
  if (await isPortOpen(options.port)) {
    throw new SetupError(
      `Port ${options.port} (the embedded store) is already in use.`,
      'Stop whatever uses it, set GUILDFLOW_STORE_PORT to a free port, or set MONGODB_URI to use that server.',
    );
  }
  let note: string | undefined;
  if (options.force !== 'ferretdb') {
    try {
      return await startMongod(options);
    } catch (error) {
      if (options.force === 'mongodb') throw error;
      note = `no mongod available (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); FerretDB is used instead`;
    }
  }
  const binary = await resolveFerretDb();
  const dir = join(options.dataDir, 'ferretdb');
  const uri = `mongodb://127.0.0.1:${options.port}/guildflow`;
  const launch = async (): Promise<ManagedProcess> => {
    const proc = startFerretDb(binary, dir, options.port, join(options.logDir, 'ferretdb.log'));
    await waitUntil(() => pingable(uri), {
      timeoutMs: 60_000,
      intervalMs: 200,
      what: `FerretDB on port ${options.port}`,
      abort: () => proc.unexpectedExit(),
    });
    return proc;
  };
  const server = new RestartableServer('store', await launch(), launch);
  return {
    uri,
    kind: 'ferretdb',
    ...(note ? { note } : {}),
    ...(server.pid ? { process: { pid: server.pid, command: binary } } : {}),
    server,
    stop: () => server.stop(),
  };
}

async function startMongod(options: StoreOptions): Promise<RunningStore> {
  // Imported lazily: the package is only needed when no other store is configured.
  const { MongoMemoryServer, DryMongoBinary } = await import('mongodb-memory-server-core');
  // Without a local mongod, a download is needed: find out in milliseconds whether the download
  // host resolves, instead of letting the library retry for seconds on a machine without internet.
  const local =
    process.env.MONGOMS_SYSTEM_BINARY ??
    (await DryMongoBinary.locateBinary({ version: process.env.MONGOMS_VERSION ?? '' }));
  if (!local) {
    const host = new URL(process.env.MONGOMS_DOWNLOAD_MIRROR ?? 'https://fastdl.mongodb.org')
      .hostname;
    try {
      await lookup(host);
    } catch {
      throw new Error(`mongod is not installed and ${host} cannot be reached to download it`);
    }
  }
  const dbPath = join(options.dataDir, 'mongodb');
  mkdirSync(dbPath, { recursive: true });
  const server = await step(
    'Starting MongoDB (downloads mongod the first time, where there is internet)',
    () =>
      MongoMemoryServer.create({
        instance: { dbPath, port: options.port, ip: '127.0.0.1', storageEngine: 'wiredTiger' },
      }),
    { quiet: true },
  );
  return {
    uri: `mongodb://127.0.0.1:${options.port}/guildflow`,
    kind: 'mongodb',
    ...(mongodPid(server) ?? {}),
    stop: async () => {
      await server.stop({ doCleanup: false, force: false });
    },
  };
}

/** True when the server at `uri` answers a ping. */
export async function pingable(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => {});
  }
}

function mongodPid(server: {
  instanceInfo?: { instance?: { mongodProcess?: { pid?: number; spawnfile?: string } } };
}) {
  const proc = server.instanceInfo?.instance?.mongodProcess;
  return proc?.pid
    ? { process: { pid: proc.pid, command: proc.spawnfile ?? 'mongod' } }
    : undefined;
}
