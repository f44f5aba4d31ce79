import { WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { GraphRunInput } from '../interpreter/contract.js';
import type { ApiAnswer, TestService } from './service-harness.js';
import { signWebhook } from '../service/hooks/signature.js';

/** A hook under test: its graph, id, path and secret. */
export interface TestHook {
  graphId: string;
  hookId: string;
  path: string;
  secret: string;
}

/** One delivery: body (JSON text by default), signing secret (null: unsigned), extra headers. */
export interface TestDelivery {
  body?: string | Buffer;
  secret?: string | null;
  headers?: Record<string, string>;
  key?: string;
  query?: string;
  /** Another service (e.g. one with a low rate limit) to deliver to. */
  via?: TestService;
}

/**
 * POSTs a webhook delivery to `service` (or `d.via`), signed with the hook's secret unless told
 * otherwise, with no bearer token.
 *
 * @example
 * const answer = await deliver(service, hook, { key: 'order-42' }); // answer.status === 202
 */
export async function deliver(
  service: TestService,
  hook: TestHook,
  d: TestDelivery = {},
): Promise<ApiAnswer> {
  const body = d.body ?? '{"text":"hello hook"}';
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...d.headers };
  const secret = d.secret === undefined ? hook.secret : d.secret;
  if (secret !== null) headers['X-Guildflow-Signature'] ??= signWebhook(secret, body);
  if (d.key !== undefined) headers['Idempotency-Key'] = d.key;
  const response = await fetch(`${(d.via ?? service).url}${hook.path}${d.query ?? ''}`, {
    method: 'POST',
    headers,
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
  };
}

/**
 * Whether a run (workflow) with this id exists in Temporal.
 *
 * @example
 * expect(await runExists(service, hookRunId(hookId, key)!)).toBe(false);
 */
export async function runExists(service: TestService, runId: string): Promise<boolean> {
  try {
    await service.deps.temporal.client.workflow.getHandle(runId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/**
 * The input a run was started with, from its first history event.
 *
 * @example
 * (await inputOf(service, runId)).trigger.payload; // { body, query, headers }
 */
export async function inputOf(service: TestService, runId: string): Promise<GraphRunInput> {
  const history = await service.deps.temporal.client.workflow.getHandle(runId).fetchHistory();
  const payload =
    history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return defaultPayloadConverter.fromPayload<GraphRunInput>(payload as never);
}
