import { WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { GraphRunInput } from '../interpreter/contract.js';
import type { ApiAnswer, TestService } from './service-harness.js';
import { signWebhook } from '../service/hooks/signature.js';
import { webhookGraph } from './service-fixtures.js';

/** A hook under test: its graph, id, path and secret. */
export interface TestHook {
  graphId: string;
  hookId: string;
  path: string;
  secret: string;
}

/**
 * Creates a webhook graph in `guildId` (published unless told otherwise) and returns its hook.
 *
 * @example
 * const hook = await newHook(service, '500000000000000001'); // hook.secret: 'whsec_…'
 */
export async function newHook(
  service: TestService,
  guildId: string,
  options: { publish?: boolean } = {},
): Promise<TestHook> {
  const graphs = `/api/guilds/${guildId}/graphs`;
  const created = await service.api('POST', graphs, { body: webhookGraph() });
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
  if (options.publish !== false) {
    const published = await service.api('POST', `${graphs}/${created.body.id}/publish`);
    if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  }
  const path = new URL(created.body.webhook.url as string).pathname;
  return {
    graphId: created.body.id as string,
    hookId: path.split('/').pop() as string,
    path,
    secret: created.body.webhook.secret as string,
  };
}

/**
 * One delivery: body (JSON text by default), signing secret (null: unsigned), how to sign
 * (timestamped by default, at `timestamp` or now), extra headers (a given signature header is
 * sent as is).
 */
export interface TestDelivery {
  body?: string | Buffer;
  secret?: string | null;
  signing?: 'timestamped' | 'body';
  /** Unix seconds to sign with (timestamped signing); default now. */
  timestamp?: number;
  headers?: Record<string, string>;
  key?: string;
  query?: string;
  /** Another service (e.g. one with a low rate limit) to deliver to. */
  via?: TestService;
}

/**
 * POSTs a webhook delivery to `service` (or `d.via`), signed with the hook's secret and the
 * current time unless told otherwise, with no bearer token. Two calls with the same body in the
 * same second are the same signed delivery (the second is a replay): vary the body to send two.
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
  if (secret !== null && headers['X-Guildflow-Signature'] === undefined) {
    if (d.signing === 'body') {
      headers['X-Guildflow-Signature'] = signWebhook(secret, body);
    } else {
      const timestamp = (headers['X-Guildflow-Timestamp'] ??= String(
        d.timestamp ?? Math.floor(Date.now() / 1000),
      ));
      headers['X-Guildflow-Signature'] = signWebhook(secret, body, timestamp);
    }
  }
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

/** Whether a run (workflow) with this id exists in Temporal. */
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
