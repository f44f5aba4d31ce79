import { credentialSource } from '@guildflow/engine/service';
import type { GraphRunResult } from '@guildflow/engine/interpreter';
import { graph } from '@guildflow/engine/testing/graph';
import { recordingActivities, withInterpreter } from '@guildflow/engine/testing/interpreter';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpExecutors } from './index.js';
import { json, loopbackServer } from './test-server.js';

// The snapshot the interpreter harness runs belongs to this guild (see its `snapshot`).
const TOKEN = 'SEKRET-stored-crm-token-5d1e';

let service: TestService;
let server: Awaited<ReturnType<typeof loopbackServer>>;

beforeAll(async () => {
  service = await startTestService();
  server = await loopbackServer({ '/orders': (_req, res) => json(res, 200, { open: 3 }) });
});
afterAll(async () => {
  await server.close();
  await service.close();
});

async function run(guildId: string, credential: string) {
  const doc = graph(
    [
      ['t', 'trigger.manual'],
      ['call', 'http.request', { url: server.url('/orders'), credential }],
      ['check', 'flow.if', { condition: 'nodes.call.body.open > 0' }],
      [
        'say',
        'discord.sendMessage',
        { channelId: '1', content: '{{ nodes.call.body.open }} open' },
      ],
      [
        'fail',
        'discord.sendMessage',
        { channelId: '1', content: '{{ nodes.call.error.message }}' },
      ],
    ],
    [
      ['t', 'out', 'call'],
      ['call', 'out', 'check'],
      ['check', 'true', 'say'],
      ['call', 'error', 'fail'],
    ],
  );
  const stubs = recordingActivities({
    'discord.sendMessage': { output: { messageId: 'm1', channelId: '1' } },
  });
  // The worker's wiring: the executor resolves names through the credentials store.
  const http = createHttpExecutors({
    allow: ['127.0.0.1'],
    credentials: credentialSource(service.deps.mongo, 'test-secret-key'),
  });
  return withInterpreter({ ...stubs.activities, ...http }, async (env) => {
    const handle = await env.start(doc, {}, { guildId });
    const result = (await handle.result()) as GraphRunResult;
    const history = JSON.stringify(await handle.fetchHistory());
    const sent = stubs
      .callsOf('discord.sendMessage')
      .map((c) => (c.input as { config: { content: string } }).config.content);
    return { result, history, sent };
  });
}

describe('http.request with a credential stored through the API', () => {
  it('sends it, branches on the answer, and keeps it out of the run and its history', async () => {
    const guildId = '530000000000000001';
    const added = await service.api('POST', `/api/guilds/${guildId}/credentials`, {
      body: { name: 'crm', type: 'bearer', value: TOKEN },
    });
    expect(added.status).toBe(201);

    const { result, history, sent } = await run(guildId, 'crm');
    expect(sent).toEqual(['3 open']);
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(history).not.toContain(TOKEN);
  });

  it('finds only its own guild’s credentials, and never sends a Stripe account’s keys', async () => {
    const mine = '530000000000000002';
    await service.api('POST', `/api/guilds/530000000000000003/credentials`, {
      body: { name: 'theirs', type: 'bearer', value: 'other-guild-token' },
    });
    await service.api('POST', `/api/guilds/${mine}/credentials`, {
      body: {
        name: 'pay',
        type: 'stripe',
        value: { secretKey: 'sk_test_x', webhookSecret: 'whsec_y' },
      },
    });
    const before = server.received.length;

    const other = await run(mine, 'theirs');
    expect(other.sent).toEqual([expect.stringContaining('No credential named "theirs"')]);
    const stripe = await run(mine, 'pay');
    expect(stripe.sent).toEqual([expect.stringContaining('holds a Stripe account')]);
    expect(server.received.length).toBe(before);
  });
});
