import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '@guildflow/stack';
import type { ActionInput } from '@guildflow/engine/interpreter';
import { recordingActivities } from '@guildflow/engine/testing/interpreter';
import {
  delayGraph,
  invalidDraft,
  sendGraph,
  webhookGraph,
} from '@guildflow/engine/testing/fixtures';
import { hostedExchanges } from './hosted-contract.js';
import { testTemplates } from '@guildflow/engine/testing/templates';
import {
  eventually,
  startTestService,
  startTestWorker,
  type ApiAnswer,
  type ApiRequest,
  type TestService,
  type TestWorker,
} from '@guildflow/engine/testing/service';
import { signWebhook } from '@guildflow/engine/service';
import { GatewayStatus } from '@guildflow/engine/service';
import { routerActivation } from '@guildflow/engine/service';
import { openStore } from '@guildflow/engine/service';

const FILE = fileURLToPath(new URL('../../../docs/api/openapi.json', import.meta.url));
const GUILD = '700000000000000001';
const graphs = `/api/guilds/${GUILD}/graphs`;

interface Exchange {
  method: string;
  path: string;
  answer: ApiAnswer;
}

const exchanges: Exchange[] = [];
let worker: TestWorker;
let service: TestService;

/** Calls the API and keeps the exchange for the contract check. */
async function call(method: string, path: string, request?: ApiRequest): Promise<ApiAnswer> {
  const answer = await service.api(method, path, request);
  exchanges.push({ method, path, answer });
  return answer;
}

beforeAll(async () => {
  const stubs = recordingActivities({
    'discord.sendMessage': {
      output: (i: ActionInput) => ({ messageId: '1', channelId: String(i.config.channelId) }),
    },
  });
  worker = await startTestWorker(stubs.activities);
  service = await startTestService({ taskQueue: worker.taskQueue, templates: testTemplates() });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
});

describe('docs/api/openapi.json', () => {
  it('describes what every route answers (statuses and bodies)', async () => {
    // Graphs: every route, successes and refusals.
    await call('GET', '/api/health', { token: null });
    await call('GET', '/api/catalog');
    await call('GET', '/api/catalog', { token: null });
    const created = await call('POST', graphs, { body: sendGraph('v1') });
    const path = `${graphs}/${created.body.id}`;
    await call('POST', graphs, { body: { nope: true } });
    await call('POST', graphs, { rawBody: '{', headers: { 'Content-Type': 'application/json' } });
    await call('POST', graphs, { rawBody: 'x', headers: { 'Content-Type': 'text/plain' } });
    await call('POST', graphs, { body: { ...sendGraph(), description: 'x'.repeat(1_100_000) } });
    await call('GET', graphs);
    await call('GET', path);
    await call('GET', `${graphs}/g_0000000000000000000000`);
    await call('PUT', path, { body: sendGraph('v1 again'), headers: { 'If-Match': '"1"' } });
    await call('PUT', path, { body: sendGraph('late'), headers: { 'If-Match': '"1"' } });
    await call('PUT', path, { body: [] });
    await call('POST', `${path}/publish`);
    await call('PUT', path, { body: delayGraph('1h', 'v2') });
    await call('POST', `${path}/publish`);
    await call('GET', `${path}/versions`);
    await call('GET', `${path}/versions/1`);
    await call('GET', `${path}/versions/7`);
    await call('GET', `${path}/preflight`);
    await call('GET', `${path}/preflight?version=1`);
    await call('GET', `${path}/preflight?version=0`);
    await call('GET', `${path}/preflight?version=7`);
    await call('POST', `${path}/rollback`, { body: { version: 1 } });
    await call('POST', `${path}/rollback`, { body: { version: 7 } });
    await call('POST', `${path}/webhook/rotate`);
    const broken = await call('POST', graphs, { body: invalidDraft() });
    await call('POST', `${graphs}/${broken.body.id}/publish`);
    await call('POST', `${graphs}/${broken.body.id}/runs`, { body: {} });
    const hooked = await call('POST', graphs, { body: webhookGraph() });
    const rotated = await call('POST', `${graphs}/${hooked.body.id}/webhook/rotate`);
    // Inbound webhooks: signed (202), unsigned (401), unknown hook (404), not published (409).
    const hookPath = new URL(rotated.body.url as string).pathname;
    const delivery = (headers: Record<string, string>) =>
      call('POST', hookPath, {
        token: null,
        rawBody: '{"text":"hi"}',
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    const now = Math.floor(Date.now() / 1000);
    const signed = {
      'X-Guildflow-Timestamp': String(now),
      'X-Guildflow-Signature': signWebhook(rotated.body.secret as string, '{"text":"hi"}', now),
    };
    await delivery(signed);
    await call('POST', `${graphs}/${hooked.body.id}/publish`);
    await delivery(signed);
    await delivery(signed); // a copy: the first run's id
    await delivery({});
    const bodyOnly = {
      'X-Guildflow-Signature': signWebhook(rotated.body.secret as string, '{"text":"hi"}'),
    };
    await delivery(bodyOnly); // 401 timestamp_required
    // The signing mode: body-only (replayable) and back; refusals.
    const hookSettings = `${graphs}/${hooked.body.id}/webhook`;
    await call('PUT', hookSettings, { body: { signing: 'body' } });
    await delivery(bodyOnly);
    await call('PUT', hookSettings, { body: { signing: 'timestamped' } });
    await call('PUT', hookSettings, { body: { signing: 'never' } });
    await call('PUT', `${path}/webhook`, { body: { signing: 'body' } });
    await call('PUT', `${graphs}/g_0000000000000000000000/webhook`, { body: { signing: 'body' } });
    await call('POST', '/hooks/wh_00000000000000000000000000000000', { token: null, rawBody: 'x' });

    // Runs: a completed one (version 1) and a waiting one (version 2 after rollback → publish).
    const done = await call('POST', `${path}/runs`, { body: { payload: {} } });
    await eventually(
      async () =>
        (await service.api('GET', `/api/guilds/${GUILD}/runs/${done.body.runId}`)).body.status ===
        'completed'
          ? true
          : undefined,
      'the run to complete',
    );
    await call('GET', `/api/guilds/${GUILD}/runs/${done.body.runId}`);
    await call('GET', `/api/guilds/${GUILD}/runs/${done.body.runId}/events`);
    await call('GET', `/api/guilds/${GUILD}/runs/run_unknown/events`);
    await call('POST', `${path}/rollback`, { body: { version: 2 } });
    const waiting = await call('POST', `${path}/runs`, { body: { timeScale: 2 } });
    await call('POST', `${path}/runs`, { body: { timeScale: -1 } });
    await call('GET', `/api/guilds/${GUILD}/runs/${waiting.body.runId}`);
    await eventually(
      async () =>
        (await service.api('GET', `/api/guilds/${GUILD}/runs?graphId=${created.body.id}`)).body.runs
          .length >= 2
          ? true
          : undefined,
      'visibility',
    );
    await call('GET', `/api/guilds/${GUILD}/runs?graphId=${created.body.id}`);
    await call('GET', `/api/guilds/${GUILD}/runs/latest`);
    await call('GET', `/api/guilds/${GUILD}/runs?status=nope`);
    await call('POST', `/api/guilds/${GUILD}/runs/${waiting.body.runId}/cancel`);
    await call('POST', `/api/guilds/${GUILD}/runs/${done.body.runId}/cancel`);
    await call('POST', `/api/guilds/${GUILD}/runs/${done.body.runId}/rerun`);
    await call('POST', `/api/guilds/${GUILD}/runs/run_missing/rerun`);
    await call('GET', `/api/guilds/${GUILD}/runs/run_unknown`);
    await call('POST', `${path}/runs`, { body: { draft: true, simulate: false } });
    // Pins: typed, copied from a run, refused (flow node, unknown node), listed, removed.
    await call('PUT', `${path}/pins/send`, { body: { output: { messageId: 'p' }, port: 'nope' } });
    await call('PUT', `${path}/pins/send`, { body: { output: { messageId: 'p' } } });
    await call('PUT', `${path}/pins/send`, { body: { fromRun: done.body.runId } });
    await call('PUT', `${path}/pins/wait`, { body: { output: {} } });
    await call('PUT', `${path}/pins/gone`, { body: { output: {} } });
    await call('GET', `${path}/pins`);
    await call('DELETE', `${path}/pins/send`);
    await call('DELETE', `${path}/pins/send`);
    await call('POST', `${path}/disable`);
    // Templates: the list, an install, bad vars, an unknown template.
    await call('GET', '/api/templates');
    await call('GET', '/api/templates?include=graph');
    await call('GET', '/api/templates?include=nope');
    const templates = `/api/guilds/${GUILD}/templates`;
    await call('POST', `${templates}/greeter/install`, {
      body: { vars: { channelId: '700000000000000042' } },
    });
    await call('POST', `${templates}/greeter/install`, { body: { vars: { channelId: 'x' } } });
    await call('POST', `${templates}/greeter/install`, { body: { vars: 1 } });
    await call('POST', `${templates}/nope/install`, { body: { vars: {} } });
    await call('GET', `/api/guilds/${GUILD}/audit`);
    await call('GET', `/api/guilds/${GUILD}/audit?limit=9999`);
    await call('DELETE', path);
    await call('DELETE', path);

    // A graph started by Discord events whose delete a running gateway does not confirm (202):
    // the router's activation, and a gateway that beats but never applies anything.
    const main_ = service;
    service = await startTestService({
      activation: routerActivation(() => openStore(service.deps.mongo), { confirmTimeoutMs: 300 }),
    });
    const stuck = new GatewayStatus(() => openStore(service.deps.mongo), { heartbeatMs: 100 });
    try {
      stuck.start();
      stuck.loaded(new Date(Date.now() - 60_000));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const joins = await call('POST', graphs, {
        body: {
          ...sendGraph('hi'),
          nodes: sendGraph('hi').nodes.map((n) =>
            n.id === 't' ? { ...n, type: 'trigger.memberJoined' } : n,
          ),
        },
      });
      await call('POST', `${graphs}/${joins.body.id}/publish`);
      await call('DELETE', `${graphs}/${joins.body.id}`);
    } finally {
      await stuck.stop();
      await service.close();
      service = main_;
    }

    // Temporal down.
    const main = service;
    const dead = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 300 });
    service = await startTestService({
      temporal: { connection: dead, client: new Client({ connection: dead }) },
      temporalTimeoutMs: 800,
    });
    try {
      await call('GET', `/api/guilds/${GUILD}/runs`);
      await call('GET', `/api/guilds/${GUILD}/runs/latest`);
      await call('GET', `/api/guilds/${GUILD}/runs/run_unreachable/events`);
    } finally {
      await service.close();
      service = main;
    }

    // Sign-in, sessions, the sandbox API and the Stripe webhook, on services wired for them.
    exchanges.push(...(await hostedExchanges()));

    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as OpenApi;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
    // The schemas do reject what they should (an empty resource, an undocumented error code).
    expect(ajv.getSchema('openapi.json#/components/schemas/GraphResource')?.({})).toBe(false);
    expect(
      ajv.getSchema('openapi.json#/components/schemas/Error')?.({
        error: { code: 'made_up', message: 'x' },
      }),
    ).toBe(false);
    const covered = new Set<string>();
    const problems: string[] = [];
    for (const { method, path: url, answer } of exchanges) {
      const found = findOperation(doc, method.toLowerCase(), url.split('?')[0] ?? url);
      if (!found) {
        problems.push(`${method} ${url}: not in the document`);
        continue;
      }
      const documented = found.operation.responses[String(answer.status)];
      if (!documented) {
        problems.push(
          `${method} ${found.template} answered ${answer.status}, which is not documented`,
        );
        continue;
      }
      covered.add(`${method.toLowerCase()} ${found.template} ${answer.status}`);
      const stream = documented.content?.['text/event-stream'];
      if (stream) {
        problems.push(...streamProblems(ajv, `${method} ${found.template}`, answer, stream));
        continue;
      }
      const ref = documented.content?.['application/json']?.schema.$ref;
      if (!ref) {
        if (answer.body !== '')
          problems.push(
            `${method} ${found.template} ${answer.status}: documented without a body, answered one`,
          );
        continue;
      }
      const validate = ajv.getSchema(`openapi.json${ref}`);
      if (!validate?.(answer.body))
        problems.push(
          `${method} ${found.template} ${answer.status}: ${ajv.errorsText(validate?.errors)}`,
        );
    }
    expect(problems).toEqual([]);
    // Every documented operation was exercised with its success answer.
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        // Browser navigations (sign-in) succeed with a redirect.
        const success = Object.keys(op.responses).find((status) => /^[23]/.test(status));
        expect(
          covered.has(`${method} ${template} ${success}`),
          `${method} ${template} ${success} not exercised`,
        ).toBe(true);
      }
    }
  });
});

interface OpenApi {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, MediaType> }> }>
  >;
}

interface MediaType {
  schema: { $ref?: string };
  'x-events'?: Record<string, { $ref: string }>;
}

/** An event-stream answer: its content type, and each event's data against its schema. */
function streamProblems(ajv: Ajv, route: string, answer: ApiAnswer, stream: MediaType): string[] {
  if (!(answer.headers.get('content-type') ?? '').startsWith('text/event-stream'))
    return [
      `${route}: documented as an event stream, answered ${answer.headers.get('content-type')}`,
    ];
  const problems: string[] = [];
  const events = String(answer.body)
    .split('\n\n')
    .map((block) => ({
      type: /^event: (.*)$/m.exec(block)?.[1],
      data: /^data: (.*)$/m.exec(block)?.[1],
    }))
    .filter((e) => e.data !== undefined);
  if (events.length === 0) problems.push(`${route}: no events`);
  for (const { type, data } of events) {
    const ref = stream['x-events']?.[type ?? 'message']?.$ref;
    const validate = ref ? ajv.getSchema(`openapi.json${ref}`) : undefined;
    if (!validate) problems.push(`${route}: event ${type} is not documented`);
    else if (!validate(JSON.parse(data ?? 'null')))
      problems.push(`${route}: event ${type}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

function findOperation(doc: OpenApi, method: string, url: string) {
  // The most specific template first: `/runs/latest` before `/runs/{runId}`.
  const templates = Object.entries(doc.paths).sort(
    ([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
  );
  for (const [template, operations] of templates) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    const operation = operations[method];
    if (pattern.test(url) && operation) return { template, operation };
  }
  return undefined;
}
