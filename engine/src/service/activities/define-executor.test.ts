import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../core/index.js';
import { defineExecutor, unavailableExecutor } from './define-executor.js';

const context: ActionContext = {
  runId: 'run_1',
  graphId: 'g_1',
  guildId: '500000000000000001',
  version: 1,
  nodeId: 'n',
  idempotencyKey: 'run_1:n',
  simulate: false,
};

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApplicationFailure))
    throw new Error(`expected a failure, got ${String(error)}`);
  return error;
}

describe('defineExecutor', () => {
  it('checks the rendered config against the declaration before running', async () => {
    let ran = 0;
    const executor = defineExecutor('data.get', async () => {
      ran += 1;
      return { value: null };
    })(undefined);
    const refused = await failure(
      executor({ config: { key: 'has space', scope: 'guild' }, context }),
    );
    expect(refused).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(refused.message).toBe(
      "The Get value node's config is invalid after rendering: key has an invalid format.",
    );
    expect(ran).toBe(0);
    expect(await executor({ config: { key: 'ok', scope: 'guild' }, context })).toEqual({
      value: null,
    });
    expect(ran).toBe(1);
  });
});

describe('unavailableExecutor', () => {
  it('fails at once, non-retryably, saying the action is not available', async () => {
    // No declaration is `unavailable` today (every action has an executor): the default reason.
    const refused = await failure(
      unavailableExecutor('stripe.getCustomer')({ config: { customerId: 'cus_1' }, context }),
    );
    expect(refused).toMatchObject({ type: 'NotAvailable', nonRetryable: true });
    expect(refused.message).toBe(
      'Get customer (stripe.getCustomer) is not available: no executor is registered for it.',
    );
  });
});
