import { randomUUID } from 'node:crypto';
import { defaultSeed, SANDBOX_IDS, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import { workflowBundle } from '@guildflow/engine/bundle';
import type { GraphDocument } from '@guildflow/engine/core';
import type { GraphRunResult, GraphSnapshot } from '@guildflow/engine/interpreter';
import { startRun } from '@guildflow/engine/service';
import { cacheDir } from '@guildflow/stack';
import { testStack } from '@guildflow/stack/testing';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordExecutors } from '../registry/create-executors.js';
import { createDiscordRest } from '../rest/create-rest.js';
import { DiscordBudget, LOCAL_ACTIVITY_SLOTS } from './discord-budget.js';
import { DISCORD_GUILD_ACTIVITIES_PER_SECOND } from './discord-queue.js';

try {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
} catch {
  // already installed in this process
}

/** A second server next to the default sandbox guild. */
const OTHER = { guild: '1300000000000009000', channel: '1300000000000009100' };
const BURST = 400;

function twoGuilds() {
  const seed = defaultSeed();
  seed.guilds.push({
    id: OTHER.guild,
    name: 'Another server',
    ownerId: SANDBOX_IDS.users.alice,
    roles: [
      {
        id: OTHER.guild,
        name: '@everyone',
        position: 0,
        permissions: ['ViewChannel', 'SendMessages', 'ReadMessageHistory'],
      },
    ],
    channels: [{ id: OTHER.channel, name: 'general' }],
    members: [{ id: SANDBOX_IDS.users.alice, username: 'alice', roles: [] }],
  });
  return seed;
}

/** A manual graph whose trigger fans out to one sendMessage per text, all at once. */
function posting(channelId: string, texts: string[]): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'burst',
    nodes: [
      { id: 't', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
      ...texts.map((content, i) => ({
        id: `m${i}`,
        type: 'discord.sendMessage',
        position: { x: 200, y: i * 50 },
        config: { channelId, content },
      })),
    ],
    edges: texts.map((_, i) => ({
      id: `e${i}`,
      source: 't',
      sourceHandle: 'out',
      target: `m${i}`,
    })),
    vars: {},
  } as GraphDocument;
}

/**
 * The Discord budget with the production settings: live runs started the way the service starts
 * them (interpreter v4: Discord actions are local activities), the worker configured the way
 * `workers/src/main.ts` configures it, with its in-process budget, on the test stack's Temporal
 * server (started like `npm start` starts it).
 */
describe('the Discord budget is shared fairly between guilds', () => {
  let sandbox: Sandbox;
  let client: Client;
  let connections: { close(): Promise<void> }[] = [];
  let workers: Worker[] = [];
  let running: Promise<unknown>;
  const taskQueue = `fairness-${randomUUID()}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: twoGuilds(), rateLimit: false });
    const { temporalAddress } = testStack();
    const native = await NativeConnection.connect({ address: temporalAddress });
    const connection = await Connection.connect({ address: temporalAddress });
    connections = [native, connection];
    client = new Client({ connection });
    const activities = createDiscordExecutors({
      rest: createDiscordRest({ token: sandbox.token, apiUrl: sandbox.apiUrl }),
      applicationId: sandbox.applicationId,
      budget: new DiscordBudget(),
    });
    const bundle = await workflowBundle(cacheDir('workflow-bundles'));
    workers = [
      await Worker.create({
        connection: native,
        taskQueue,
        workflowBundle: { code: bundle.code },
        activities,
        maxConcurrentLocalActivityExecutions: LOCAL_ACTIVITY_SLOTS,
        shutdownGraceTime: '1s',
      }),
    ];
    running = Promise.all(workers.map((w) => w.run()));
  });
  afterAll(async () => {
    for (const w of workers) w.shutdown();
    await running;
    for (const c of connections) await c.close();
    await sandbox?.close();
  });

  const start = (guildId: string, document: GraphDocument) => {
    const snapshot: GraphSnapshot = { graphId: `g-${guildId}`, guildId, version: 1, document };
    return startRun({
      client,
      taskQueue,
      snapshot,
      trigger: { type: 'trigger.manual', payload: {} },
      triggerType: 'trigger.manual',
    });
  };
  const result = (runId: string) =>
    client.workflow.getHandle(runId).result() as Promise<GraphRunResult>;

  it("one guild's burst of 400 actions does not hold up another guild's action", async () => {
    const texts = Array.from({ length: BURST }, (_, i) => `burst ${i + 1}`);
    const burst = await start(SANDBOX_IDS.guild, posting(SANDBOX_IDS.channels.general, texts));
    // Guild B acts while the burst is flowing, with its backlog queued ahead of B's action.
    const sentByA = () => sandbox.messages({ guildId: SANDBOX_IDS.guild }).length;
    const began = Date.now();
    while (sentByA() < 20) {
      if (Date.now() - began > 30_000) throw new Error('the burst never started');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sentBeforeB = sentByA();
    const other = await start(OTHER.guild, posting(OTHER.channel, ['hello from B']));
    expect((await result(other.runId)).status).toBe('completed');
    const sentWhileBWaited = sentByA() - sentBeforeB;
    await client.workflow.getHandle(burst.runId).terminate('measured');

    expect(sandbox.messages({ guildId: OTHER.guild }).map((m) => m.content)).toEqual([
      'hello from B',
    ]);
    // First come, first served, B's message waits for most of A's backlog (measured with the
    // server-side queue before fairness: 279–368 of A's messages went out meanwhile, ~11 s);
    // served by guild, B only waits for its turn.
    expect(sentWhileBWaited).toBeLessThan(BURST / 4);
  });

  it("holds one guild to its share of the bot's budget", async () => {
    const texts = Array.from({ length: 60 }, (_, i) => `paced ${i + 1}`);
    const began = Date.now();
    // Guild B: guild A's terminated burst may still hold turns in the budget.
    const run = await start(OTHER.guild, posting(OTHER.channel, texts));
    expect((await result(run.runId)).status).toBe('completed');
    const seconds = (Date.now() - began) / 1000;
    // 60 actions at 20/s take at least 2.95 s (the first goes at once); unpaced, the sandbox
    // answers them in well under a second.
    expect(seconds).toBeGreaterThan((texts.length - 1) / DISCORD_GUILD_ACTIVITIES_PER_SECOND);
  });
});
