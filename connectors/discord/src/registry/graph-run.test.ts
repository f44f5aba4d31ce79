import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { workflowBundle } from '@guildflow/engine/bundle';
import type { GraphDocument } from '@guildflow/engine/core';
import type { GraphRunInput, GraphRunResult } from '@guildflow/engine/interpreter';
import { cacheDir } from '@guildflow/stack';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_IDS, startHarness, type Harness } from '../testing/harness.js';
import { createDiscordExecutors } from './create-executors.js';
import { graphWorkflow } from '@guildflow/engine/interpreter/workflows';

try {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
} catch {
  // already installed in this process
}

const { channels, roles, users, guild } = SANDBOX_IDS;

type Node = [id: string, type: string, config?: Record<string, unknown>];
type Edge = [source: string, port: string, target: string];

function graph(nodes: Node[], edges: Edge[]): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'connector test',
    nodes: nodes.map(([id, type, config], i) => ({
      id,
      type,
      position: { x: i * 200, y: 0 },
      config: config ?? {},
    })),
    edges: edges.map(([source, sourceHandle, target], i) => ({
      id: `e${i}`,
      source,
      sourceHandle,
      target,
    })),
    vars: {},
  } as GraphDocument;
}

/** Graph runs on the real interpreter and a real Temporal dev server, with the real executors. */
describe('graph runs with the Discord executors on Temporal', () => {
  let h: Harness;
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;
  let connections: { close(): Promise<void> }[];
  const taskQueue = `discord-test-${randomUUID()}`;

  beforeAll(async () => {
    h = await startHarness();
    const { temporalAddress } = testStack();
    const bundle = await workflowBundle(cacheDir('workflow-bundles'));
    const native = await NativeConnection.connect({ address: temporalAddress });
    const connection = await Connection.connect({ address: temporalAddress });
    connections = [native, connection];
    client = new Client({ connection });
    worker = await Worker.create({
      connection: native,
      taskQueue,
      workflowBundle: { code: bundle.code },
      activities: createDiscordExecutors(h.deps),
      shutdownGraceTime: '1s',
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    for (const c of connections ?? []) await c.close();
    await h?.close();
  });
  beforeEach(() => h.sandbox.reset());

  const run = async (
    doc: GraphDocument,
    timeScale = 1,
    payload: unknown = { name: 'zoe' },
  ): Promise<GraphRunResult> => {
    const input: GraphRunInput = {
      graph: { graphId: 'graph-e2e', guildId: guild, version: 1, document: doc },
      trigger: { type: 'trigger.manual', payload },
      options: { simulate: true, timeScale },
    };
    const handle = await client.workflow.start(graphWorkflow, {
      taskQueue,
      workflowId: `run-${randomUUID()}`,
      args: [input],
    });
    return (await handle.result()) as GraphRunResult;
  };

  it("a 429 is retried by Temporal after exactly Discord's retry_after, then posts once", async () => {
    h.sandbox.faults.add({
      method: 'POST',
      path: '/channels/:id/messages',
      kind: 'rateLimit',
      retryAfter: 1.2,
    });
    const result = await run(
      graph(
        [
          ['t', 'trigger.manual'],
          [
            'greet',
            'discord.sendMessage',
            { channelId: channels.welcome, content: 'Welcome {{ trigger.name }}!' },
          ],
          ['role', 'discord.addRole', { userId: users.frank, roleId: roles.newcomer }],
        ],
        [
          ['t', 'out', 'greet'],
          ['greet', 'out', 'role'],
        ],
      ),
    );
    expect(result.status).toBe('completed');
    const posts = h.sandbox.requests({ method: 'POST', path: '/channels/:id/messages' });
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    const waited = (posts[1]?.timeMs ?? 0) - (posts[0]?.timeMs ?? 0);
    expect(waited).toBeGreaterThanOrEqual(1200);
    expect(waited).toBeLessThan(2500); // Temporal's own backoff (1 s, then 2 s) is not what waited
    expect(h.sandbox.messages({ channelId: channels.welcome }).map((m) => m.content)).toEqual([
      'Welcome zoe!',
    ]);
    expect(h.sandbox.member(guild, users.frank).roles).toEqual([roles.newcomer]);
    expect(h.sandbox.actions({ type: 'member.roleAdd' })[0]?.reason).toMatch(
      /^Guildflow: graph graph-e2e v1, run run-/,
    );
  });

  it('a missing permission takes the error port after exactly one request', async () => {
    const result = await run(
      graph(
        [
          ['t', 'trigger.manual'],
          [
            'announce',
            'discord.sendMessage',
            { channelId: channels.announcements, content: 'News' },
          ],
          [
            'report',
            'discord.sendMessage',
            { channelId: channels.general, content: 'failed: {{ nodes.announce.error.code }}' },
          ],
        ],
        [
          ['t', 'out', 'announce'],
          ['announce', 'error', 'report'],
        ],
      ),
    );
    expect(result.status).toBe('completed');
    expect(result.steps.find((s) => s.nodeId === 'announce')).toMatchObject({
      status: 'failed',
      port: 'error',
      error: { code: 'MissingPermissions', retryable: false },
    });
    expect(
      h.sandbox.requests({ path: `/channels/${channels.announcements}/messages` }),
    ).toHaveLength(1);
    expect(h.sandbox.messages({ channelId: channels.general }).map((m) => m.content)).toEqual([
      'failed: MissingPermissions',
    ]);
  });

  it("a DM to someone outside the run's server takes the error port, and nothing is sent", async () => {
    const { otherGuild } = SANDBOX_IDS;
    const dm = (userId: string) => ({ userId, content: `psst ${userId}` });
    const result = await run(
      graph(
        [
          ['t', 'trigger.manual'],
          ['member', 'discord.sendMessage', dm(users.carol)],
          ['outsider', 'discord.sendMessage', dm(otherGuild.users.grace)],
          ['nobody', 'discord.sendMessage', dm('1300000000000000999')],
          [
            'report',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content: 'refused: {{ nodes.outsider.error.code }}, {{ nodes.nobody.error.code }}',
            },
          ],
        ],
        [
          ['t', 'out', 'member'],
          ['member', 'out', 'outsider'],
          ['outsider', 'error', 'nobody'],
          ['nobody', 'error', 'report'],
        ],
      ),
    );
    expect(result.status).toBe('completed');
    expect(result.steps.find((s) => s.nodeId === 'member')).toMatchObject({ status: 'completed' });
    for (const nodeId of ['outsider', 'nobody'])
      expect(result.steps.find((s) => s.nodeId === nodeId)).toMatchObject({
        status: 'failed',
        port: 'error',
        error: { code: 'UnknownResource', retryable: false },
      });
    expect(h.sandbox.messages({ channelId: channels.general }).map((m) => m.content)).toEqual([
      'refused: UnknownResource, UnknownResource',
    ]);
    // Only the member got a DM; nobody else's DM channel was even opened.
    expect(h.sandbox.actions({ type: 'dm.create' }).map((a) => a.userId)).toEqual([users.carol]);
    expect(h.sandbox.messages({ dmUserId: users.carol })).toHaveLength(1);
    expect(h.sandbox.messages({ dmUserId: otherGuild.users.grace })).toEqual([]);
  });

  it('5xx answers are retried with backoff until one succeeds; one message is posted', async () => {
    h.sandbox.faults.add({
      method: 'POST',
      path: '/channels/:id/messages',
      kind: 'serverError',
      count: 2,
    });
    const result = await run(
      graph(
        [
          ['t', 'trigger.manual'],
          ['greet', 'discord.sendMessage', { channelId: channels.general, content: 'Still here' }],
        ],
        [['t', 'out', 'greet']],
      ),
      20,
    );
    expect(result.status).toBe('completed');
    expect(
      h.sandbox.requests({ method: 'POST', path: '/channels/:id/messages' }).map((r) => r.status),
    ).toEqual([500, 500, 200]);
    expect(h.sandbox.messages({ channelId: channels.general })).toHaveLength(1);
  });

  it('a role mention a member typed pings nobody when echoed; a role the node lists is pinged', async () => {
    // A suggestion box: the graph posts what the member wrote. The Moderator role is pingable
    // by the bot, so only the message's allowed_mentions stands between a member and a ping.
    const typed = `<@&${roles.moderator}> <@&${roles.member}> look at my idea @everyone`;
    const result = await run(
      graph(
        [
          ['t', 'trigger.manual'],
          [
            'echo',
            'discord.sendMessage',
            { channelId: channels.general, content: '{{ trigger.text }}' },
          ],
          [
            'staff',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content: `<@&${roles.moderator}> new suggestion from {{ trigger.author }}: {{ trigger.text }}`,
              allowedRoleMentions: [roles.moderator],
            },
          ],
        ],
        [
          ['t', 'out', 'echo'],
          ['echo', 'out', 'staff'],
        ],
      ),
      1,
      { text: typed, author: `<@${users.carol}>` },
    );
    expect(result.status).toBe('completed');
    const [echo, staff] = h.sandbox.messages({ channelId: channels.general });
    expect(echo).toMatchObject({
      content: typed,
      mentions: [],
      mentionRoles: [],
      mentionEveryone: false,
    });
    expect(staff).toMatchObject({
      mentions: [users.carol],
      mentionRoles: [roles.moderator],
      mentionEveryone: false,
    });
  });
});
