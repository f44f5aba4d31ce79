import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { Client, Connection, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { cacheDir } from '@guildflow/stack';
import { testStack } from '@guildflow/stack/testing';
import type { GraphDocument } from '../core/index.js';
import { workflowBundle } from '../bundle/workflow-bundle.js';
import {
  discordTaskQueue,
  INTERPRETER_VERSION,
  type ActionInput,
  type EngineActivities,
  type GraphRunInput,
  type GraphRunResult,
  type GraphSnapshot,
  type RunOptions,
} from '../interpreter/contract.js';
import { graphWorkflow } from '../interpreter/workflows.js';
import { registeredDeadline } from '../service/activities/engine-activities.js';

// Workers log every state change at INFO; tests only need warnings.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this process
}

/** How a stub action behaves: its output, or failing the first `times` attempts. */
export interface StubBehaviour {
  output?: unknown | ((input: ActionInput) => unknown);
  fail?: { times?: number; type: string; message: string; nonRetryable?: boolean };
}

/** One recorded activity call. */
export interface RecordedCall {
  type: string;
  input: unknown;
  attempt: number;
}

/**
 * Stub activities that record every call: one per action node type named in `behaviours`, plus
 * the engine's own (`engine.*`) backed by in-memory maps the test controls.
 */
export function recordingActivities(
  behaviours: Record<string, StubBehaviour>,
  engine: {
    collected?: EngineActivities['engine.readCollected'] extends (...a: never[]) => Promise<infer R>
      ? R
      : never;
    graphs?: Record<string, GraphSnapshot>;
  } = {},
) {
  const calls: RecordedCall[] = [];
  const record = (type: string, input: unknown) =>
    calls.push({ type, input, attempt: Context.current().info.attempt });
  const activities: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [type, behaviour] of Object.entries(behaviours)) {
    activities[type] = async (input: ActionInput) => {
      record(type, input);
      const attempt = Context.current().info.attempt;
      if (behaviour.fail && attempt <= (behaviour.fail.times ?? Number.POSITIVE_INFINITY)) {
        throw ApplicationFailure.create({
          type: behaviour.fail.type,
          message: behaviour.fail.message,
          nonRetryable: behaviour.fail.nonRetryable ?? false,
        });
      }
      return typeof behaviour.output === 'function'
        ? (behaviour.output as (i: ActionInput) => unknown)(input)
        : (behaviour.output ?? {});
    };
  }
  const engineActivities: EngineActivities = {
    // Like the store's activities: from v4 the deadline counts from when the activity runs.
    'engine.registerWait': async (wait) => {
      const expiresAt = registeredDeadline(wait.expiresAt, wait.durationMs).toISOString();
      record('engine.registerWait', { ...wait, expiresAt });
      return { expiresAt };
    },
    'engine.clearWait': async (input) => void record('engine.clearWait', input),
    'engine.openCollect': async (window) => {
      const closesAt = registeredDeadline(window.closesAt, window.durationMs).toISOString();
      record('engine.openCollect', { ...window, closesAt });
      return { closesAt };
    },
    'engine.readCollected': async (input) => {
      record('engine.readCollected', input);
      return engine.collected ?? { users: [], count: 0 };
    },
    'engine.loadGraph': async (input) => {
      record('engine.loadGraph', input);
      const graph = engine.graphs?.[input.graphId];
      if (!graph)
        throw ApplicationFailure.nonRetryable(`no published graph ${input.graphId}`, 'NotFound');
      return graph;
    },
  };
  Object.assign(activities, engineActivities);
  return { activities, calls, callsOf: (type: string) => calls.filter((c) => c.type === type) };
}

/** A running interpreter worker on its own task queue, and helpers to start graph runs on it. */
export interface InterpreterEnv {
  client: Client;
  taskQueue: string;
  start(
    doc: GraphDocument,
    payload?: unknown,
    options?: RunOptions & {
      continueAsNewAfterEvents?: number;
      guildId?: string;
      /** Stamp an older interpreter version, to check that its runs keep their behaviour. */
      interpreterVersion?: number;
    },
  ): Promise<WorkflowHandleWithFirstExecutionRunId>;
  run(doc: GraphDocument, payload?: unknown, options?: RunOptions): Promise<GraphRunResult>;
}

/**
 * Runs `fn` with a real worker (the real interpreter bundle) polling a fresh task queue on the
 * test run's Temporal dev server.
 *
 * @example
 * await withInterpreter(stubs.activities, async (env) => {
 *   const result = await env.run(doc, { hello: 1 });
 * });
 */
export async function withInterpreter<T>(
  activities: Record<string, (input: never) => Promise<unknown>>,
  fn: (env: InterpreterEnv) => Promise<T>,
): Promise<T> {
  const { temporalAddress } = testStack();
  const bundle = await workflowBundle(cacheDir('workflow-bundles'));
  const taskQueue = `test-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: { code: bundle.code },
    activities,
    shutdownGraceTime: '1s',
  });
  // Runs stamped v2–v3 send live Discord actions to the run's queue + `-discord`.
  const discordWorker = await Worker.create({
    connection: nativeConnection,
    taskQueue: discordTaskQueue(taskQueue),
    activities,
    shutdownGraceTime: '1s',
  });
  const start: InterpreterEnv['start'] = (doc, payload = {}, options = {}) => {
    const { continueAsNewAfterEvents, guildId, interpreterVersion, ...runOptions } = options;
    const input: GraphRunInput & { continueAsNewAfterEvents?: number } = {
      graph: { ...snapshot(doc), ...(guildId ? { guildId } : {}) },
      trigger: { type: doc.nodes[0]?.type ?? 'trigger.manual', payload },
      options: runOptions,
      // As the service stamps every run it starts (the interpreter gates changes on it).
      interpreterVersion: interpreterVersion ?? INTERPRETER_VERSION,
      ...(continueAsNewAfterEvents ? { continueAsNewAfterEvents } : {}),
    };
    return client.workflow.start(graphWorkflow, {
      taskQueue,
      workflowId: `run-${randomUUID()}`,
      args: [input],
    });
  };
  try {
    return await discordWorker.runUntil(
      worker.runUntil(
        fn({
          client,
          taskQueue,
          start,
          run: async (doc, payload, options) =>
            (await (await start(doc, payload, options)).result()) as GraphRunResult,
        }),
      ),
    );
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}

/** A version snapshot of a document, as publishing would pin it. */
export function snapshot(doc: GraphDocument, graphId = 'graph-test', version = 1): GraphSnapshot {
  return { graphId, guildId: 'guild-test', version, document: doc };
}
