import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStore, type StoreKind } from './store/index.js';
import { resolveTemporalCli, type BinarySource } from './temporal/binary.js';
import {
  ensureNamespaceSetup,
  startTemporalDevServer,
  type SqliteMode,
} from './temporal/server.js';
import { step } from './progress.js';
import { RestartableServer } from './restartable-server.js';

export interface StackOptions {
  dataDir: string;
  /** Use this Temporal server instead of starting one. */
  temporalAddress?: string | undefined;
  /** Use this MongoDB server instead of starting one. */
  mongodbUri?: string | undefined;
  temporalPort: number;
  /** Undefined runs the dev server headless. */
  temporalUiPort?: number | undefined;
  storePort: number;
  store?: 'mongodb' | 'ferretdb' | undefined;
  /** The dev server's SQLite write settings: `shipped` (default), `full`, or `fast` (tests only). */
  sqlite?: SqliteMode;
  quiet?: boolean;
}

export interface EmbeddedStack {
  temporalAddress: string;
  temporalSource: BinarySource | 'external';
  temporalUiUrl: string | undefined;
  mongoUri: string;
  storeKind: StoreKind;
  storeNote: string | undefined;
  /** The server processes it started (for the supervisor's orphan cleanup). */
  children: { name: string; pid: number; command: string }[];
  /** The servers it started that a supervisor can start again when they die (`Supervisor.keep`). */
  servers: RestartableServer[];
  /** Stops what this stack started, store last. */
  stop(): Promise<void>;
}

/**
 * Provisions and starts the Temporal dev server and the MongoDB-compatible store (each skipped
 * when an existing server is configured). Shared by `npm start` and the test suite.
 *
 * @example
 * const stack = await startEmbeddedStack({ dataDir: 'data', temporalPort: 7233, storePort: 27217 });
 * // … use stack.temporalAddress and stack.mongoUri …
 * await stack.stop();
 */
export async function startEmbeddedStack(options: StackOptions): Promise<EmbeddedStack> {
  const logDir = join(options.dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const quiet = options.quiet === true;

  let temporal: RestartableServer | undefined;
  let temporalSource: EmbeddedStack['temporalSource'] = 'external';
  let temporalAddress = options.temporalAddress;
  if (!temporalAddress) {
    const cli = await resolveTemporalCli({ quiet });
    temporalSource = cli.source;
    temporalAddress = `127.0.0.1:${options.temporalPort}`;
    const launch = () =>
      startTemporalDevServer({
        binary: cli.path,
        dbFile: join(options.dataDir, 'temporal.db'),
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
        logFile: join(logDir, 'temporal.log'),
        sqlite: options.sqlite ?? 'shipped',
      });
    const first = await step('Starting the Temporal dev server', launch, { quiet });
    temporal = new RestartableServer('temporal', first, launch);
  }
  try {
    const store = await step(
      options.mongodbUri ? 'Connecting to MongoDB' : 'Starting the MongoDB-compatible store',
      () =>
        startStore({
          uri: options.mongodbUri,
          dataDir: options.dataDir,
          port: options.storePort,
          logDir,
          ...(options.store ? { force: options.store } : {}),
          quiet,
        }),
      { quiet },
    );
    const address = temporalAddress;
    const { added } = await ensureNamespaceSetup(address);
    // Our dev server does not refresh its search-attribute cache on reads: a database from an
    // earlier version that just got new attributes needs one restart for runs to carry them.
    if (temporal && added.length > 0) await temporal.cycle();
    return {
      temporalAddress: address,
      temporalSource,
      temporalUiUrl:
        temporal && options.temporalUiPort !== undefined
          ? `http://127.0.0.1:${options.temporalUiPort}`
          : undefined,
      mongoUri: store.uri,
      storeKind: store.kind,
      storeNote: store.note,
      children: [
        ...(temporal?.pid
          ? [{ name: 'temporal', pid: temporal.pid, command: temporal.process.spec.command }]
          : []),
        ...(store.process ? [{ name: 'store', ...store.process }] : []),
      ],
      servers: [...(temporal ? [temporal] : []), ...(store.server ? [store.server] : [])],
      stop: async () => {
        await temporal?.stop();
        await store.stop();
      },
    };
  } catch (error) {
    await temporal?.stop();
    throw error;
  }
}
