import { randomUUID } from 'node:crypto';
import { startSandbox, SANDBOX_IDS, type Sandbox } from '@guildflow/discord-sandbox';
import { ApplicationFailure, type Info } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { ActionContext } from '@guildflow/engine/core';
import type { ExecutorDeps } from '../executors/define.js';
import { createDiscordRest } from '../rest/create-rest.js';

/**
 * A sandbox and a connector REST client pointed at it, for the executor tests.
 *
 * @example
 * const h = await startHarness();
 * const send = sendMessageExecutor(h.deps);
 */
export interface Harness {
  sandbox: Sandbox;
  deps: ExecutorDeps;
  /** A new REST client (fresh rate-limit buckets) on the same sandbox. */
  freshDeps(): ExecutorDeps;
  close(): Promise<void>;
}

/**
 * Starts a real sandbox on a free port and a real discord.js REST client for it.
 *
 * @example
 * beforeAll(async () => { h = await startHarness(); });
 */
export async function startHarness(): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0 });
  const freshDeps = (): ExecutorDeps => ({
    rest: createDiscordRest({ token: sandbox.token, apiUrl: sandbox.apiUrl }),
    applicationId: sandbox.applicationId,
  });
  return { sandbox, deps: freshDeps(), freshDeps, close: () => sandbox.close() };
}

/** An action context in the sandbox guild, unique per call (its own run id and idempotency key). */
export function actionContext(overrides: Partial<ActionContext> = {}): ActionContext {
  const runId = overrides.runId ?? `run-${randomUUID()}`;
  const nodeId = overrides.nodeId ?? 'node';
  return {
    runId,
    graphId: 'graph-test',
    guildId: SANDBOX_IDS.guild,
    version: 1,
    nodeId,
    attempt: 1,
    idempotencyKey: `${runId}:${nodeId}`,
    simulate: true,
    ...overrides,
  };
}

/** Runs `fn` inside a Temporal activity context (attempt 1, scheduled now, unless overridden). */
export function inActivity<T>(fn: () => Promise<T>, info: Partial<Info> = {}): Promise<T> {
  const now = Date.now();
  const env = new MockActivityEnvironment(
    { attempt: 1, scheduledTimestampMs: now, currentAttemptScheduledTimestampMs: now, ...info },
    // Failing activities are what these tests expect; keep the worker's warnings out of the output.
    { logger: new DefaultLogger('ERROR') },
  );
  return env.run(fn);
}

/**
 * Awaits a promise that must reject with an `ApplicationFailure`, and returns the failure.
 *
 * @example
 * const failure = await failureOf(send({ config, context }));
 * expect(failure.type).toBe('MissingPermissions');
 */
export async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the executor to fail').toBeInstanceOf(ApplicationFailure);
  return caught as ApplicationFailure;
}

export { SANDBOX_IDS };

/**
 * One harness for the calling test file: started before all its tests, the sandbox reset
 * before each test, closed after all. The returned object is filled in once it has started.
 *
 * @example
 * const h = useHarness();
 * it('posts', async () => { await sendMessageExecutor(h.deps)(…); });
 */
export function useHarness(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness());
  });
  afterAll(async () => h.close?.());
  beforeEach(() => h.sandbox.reset());
  return h;
}
