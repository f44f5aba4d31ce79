import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { cacheDir } from '@guildflow/stack';
import { testStack } from '@guildflow/stack/testing';
import { workflowBundle } from '../bundle/workflow-bundle.js';
import { discordTaskQueue } from '../interpreter/contract.js';
import { createApp } from '../service/app.js';
import type { ServiceDeps } from '../service/deps.js';
import { openStore, type Store } from '../service/storage/index.js';

// Route errors are logged as JSON lines; tests assert on answers, not on stderr.
process.env.GUILDFLOW_LOG ??= 'silent';
// Workers log every state change at INFO; tests only need warnings.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this process
}

/** One HTTP answer, body parsed as JSON when it is JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of one request: `token: null` sends no Authorization header. */
export interface ApiRequest {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The engine service running on a free port, on the test stack's Temporal and a fresh database. */
export interface TestService {
  url: string;
  deps: ServiceDeps;
  store: Store;
  adminToken: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiAnswer
  api<T = any>(method: string, path: string, request?: ApiRequest): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

/**
 * Starts the service app for a test file: its own database (so files never share data), the
 * run's Temporal dev server, the admin token `test-admin-token`, the secret key
 * `test-secret-key`, no request limits, and any dependency override (e.g. a task queue of a
 * test worker, activation hooks, a client pointed at a closed port, `rateLimits`).
 *
 * @example
 * const service = await startTestService({ taskQueue: worker.taskQueue });
 * const { status, body } = await service.api('GET', '/api/catalog');
 */
export async function startTestService(overrides: Partial<ServiceDeps> = {}): Promise<TestService> {
  const { temporalAddress, mongoUri } = testStack();
  const mongo =
    overrides.mongo ??
    (await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 3000 }).asPromise());
  let temporal = overrides.temporal;
  let ownConnection: Connection | undefined;
  if (!temporal) {
    ownConnection = await Connection.connect({ address: temporalAddress });
    temporal = { connection: ownConnection, client: new Client({ connection: ownConnection }) };
  }
  const adminToken = 'test-admin-token';
  // Request limits are off unless a test asks for them (`rateLimits: {}` = the defaults): test
  // files poll the API far faster than people, all from one address.
  const deps: ServiceDeps = {
    adminToken,
    secretKey: 'test-secret-key',
    rateLimits: false,
    ...overrides,
    mongo,
    temporal,
  };
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = mongo.readyState === 1 ? await openStore(mongo) : (undefined as unknown as Store);
  return {
    url,
    deps,
    store,
    adminToken,
    async api(method, path, request = {}) {
      const headers: Record<string, string> = { ...request.headers };
      const token = request.token === undefined ? adminToken : request.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined = request.rawBody;
      if (request.body !== undefined) body = JSON.stringify(request.body);
      if (body !== undefined) headers['Content-Type'] ??= 'application/json';
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      const json =
        (response.headers.get('content-type') ?? '').includes('json') && text
          ? JSON.parse(text)
          : text;
      return { status: response.status, headers: response.headers, body: json };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!overrides.mongo) await mongo.close();
      await ownConnection?.close();
    },
  };
}

/** A real graph worker (the interpreter bundle) polling its own task queue. */
export interface TestWorker {
  taskQueue: string;
  stop(): Promise<void>;
}

/**
 * Starts a worker with the cached interpreter bundle and the given activities on a fresh task
 * queue; pass its `taskQueue` to `startTestService` so the API's runs land on it.
 *
 * @example
 * const worker = await startTestWorker(recordingActivities({ … }).activities);
 * afterAll(() => worker.stop());
 */
export async function startTestWorker(
  activities: Record<string, (input: never) => Promise<unknown>>,
): Promise<TestWorker> {
  const { temporalAddress } = testStack();
  const bundle = await workflowBundle(cacheDir('workflow-bundles'));
  const taskQueue = `test-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { code: bundle.code },
    activities,
    shutdownGraceTime: '1s',
  });
  // Runs stamped v2–v3 send live Discord actions to the run's queue + `-discord`.
  const discordWorker = await Worker.create({
    connection,
    taskQueue: discordTaskQueue(taskQueue),
    activities,
    shutdownGraceTime: '1s',
  });
  const running = Promise.all([worker.run(), discordWorker.run()]);
  return {
    taskQueue,
    async stop() {
      worker.shutdown();
      discordWorker.shutdown();
      await running.catch(() => {});
      await connection.close();
    },
  };
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
