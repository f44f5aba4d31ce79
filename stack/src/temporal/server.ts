import { Connection } from '@temporalio/client';
import Long from 'long';
import { SetupError } from '../errors.js';
import { isPortOpen, waitUntil } from '../net.js';
import { ManagedProcess } from '../process.js';

/** Search attributes every run carries (see docs/execution.md). */
export const SEARCH_ATTRIBUTES = {
  GuildId: 'Keyword',
  GraphId: 'Keyword',
  GraphVersion: 'Int',
  TriggerType: 'Keyword',
} as const;

/**
 * Dynamic config that turns on task-queue fairness (server 1.29: the new matcher with fairness
 * keys and per-key rate limits). Any other Temporal server needs the same (docs/operations.md).
 *
 * @example
 * FAIRNESS_DYNAMIC_CONFIG; // ['matching.useNewMatcher=true', 'matching.enableFairness=true']
 */
export const FAIRNESS_DYNAMIC_CONFIG = [
  'matching.useNewMatcher=true',
  'matching.enableFairness=true',
] as const;

/** Closed runs stay listable this long (the dev server's default is 24 h). */
export const RETENTION_DAYS = 30;

export interface TemporalServerOptions {
  binary: string;
  dbFile: string;
  port: number;
  /** The Web UI port; undefined runs headless. */
  uiPort: number | undefined;
  logFile: string;
  /** How SQLite writes (see {@link SQLITE_PRAGMAS}); `shipped` unless told otherwise. */
  sqlite?: SqliteMode;
}

/**
 * SQLite's write settings for the dev server's database:
 * - `shipped` (what `npm start` runs): WAL, `synchronous=NORMAL` — a crash of any process loses
 *   nothing committed; a power cut or kernel crash may lose the last transactions before the
 *   WAL's last sync (the database stays consistent), which Temporal then redoes or reports as
 *   not started. One fsync per checkpoint instead of per transaction.
 * - `full`: WAL, `synchronous=FULL` — an fsync per transaction; also survives a power cut.
 * - `fast` (tests only): WAL, no fsync at all.
 */
export const SQLITE_PRAGMAS = {
  shipped: ['journal_mode=WAL', 'synchronous=NORMAL'],
  full: ['journal_mode=WAL', 'synchronous=FULL'],
  fast: ['journal_mode=WAL', 'synchronous=OFF'],
} as const;

export type SqliteMode = keyof typeof SQLITE_PRAGMAS;

/**
 * Starts `temporal server start-dev` on loopback with a SQLite file and waits until it answers.
 *
 * @example
 * const proc = await startTemporalDevServer({ binary, dbFile: 'data/temporal.db', port: 7233,
 *   uiPort: 8233, logFile: 'data/logs/temporal.log' });
 */
export async function startTemporalDevServer(
  options: TemporalServerOptions,
): Promise<ManagedProcess> {
  if (await isPortOpen(options.port)) {
    throw new SetupError(
      `Port ${options.port} (Temporal) is already in use.`,
      'Stop whatever uses it, set GUILDFLOW_TEMPORAL_PORT to a free port, or set TEMPORAL_ADDRESS to use that server.',
    );
  }
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    '--db-filename',
    options.dbFile,
    '--namespace',
    'default',
    '--log-level',
    'warn',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    // A workflow task that schedules an activity on its own queue gets the activity task back
    // in the same response (the SDK asks for it by default): one poll round trip less per action.
    '--dynamic-config-value',
    'system.enableActivityEagerExecution=true',
    // The CLI refreshes the search-attribute cache on every read: a namespace read on every
    // workflow start, ~4 ms of the server's CPU per run (docs/performance-levers.md). Off, a
    // search attribute added to a running server is seen after a restart, which the stack does
    // whenever ensureNamespaceSetup adds one.
    '--dynamic-config-value',
    'system.forceSearchAttributesCacheRefreshOnRead=false',
    // Task queues serve fairness keys (a run's guild) round-robin, so one guild's burst of Discord
    // actions cannot starve another's; the per-guild rate is set by the Discord worker.
    ...FAIRNESS_DYNAMIC_CONFIG.flatMap((value) => ['--dynamic-config-value', value]),
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => [
      '--search-attribute',
      `${name}=${type}`,
    ]),
    ...SQLITE_PRAGMAS[options.sqlite ?? 'shipped'].flatMap((pragma) => ['--sqlite-pragma', pragma]),
  ];
  const proc = ManagedProcess.start({
    name: 'temporal',
    command: options.binary,
    args,
    logFile: options.logFile,
    stopTimeoutMs: 15_000,
  });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil(() => temporalAnswers(address), {
    timeoutMs: 60_000,
    intervalMs: 200,
    what: `The Temporal dev server on ${address}`,
    abort: () => proc.unexpectedExit(),
  });
  return proc;
}

async function temporalAnswers(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}

/**
 * Registers any missing search attribute and sets the namespace retention. The start flag
 * `--search-attribute` is ignored on an existing database file, so this runs on every start.
 * Answers the search attributes it added: a dev server started by {@link startTemporalDevServer}
 * sees them only after a restart.
 */
export async function ensureNamespaceSetup(
  address: string,
  namespace = 'default',
): Promise<{ added: string[] }> {
  const connection = await Connection.connect({ address });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({
      namespace,
    });
    const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !customAttributes?.[name]);
    if (missing.length > 0) {
      const typeIds = { Keyword: 2, Int: 3 } as const; // temporal.api.enums.v1.IndexedValueType
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, typeIds[type]])),
      });
    }
    const described = await connection.workflowService.describeNamespace({ namespace });
    const current = Number(described.config?.workflowExecutionRetentionTtl?.seconds ?? 0);
    if (current < RETENTION_DAYS * 86_400) {
      await connection.workflowService.updateNamespace({
        namespace,
        config: {
          workflowExecutionRetentionTtl: { seconds: Long.fromNumber(RETENTION_DAYS * 86_400) },
        },
      });
    }
    return { added: missing.map(([name]) => name) };
  } finally {
    await connection.close();
  }
}
