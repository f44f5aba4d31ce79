import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, roles, users } = SANDBOX_IDS;

// A welcome message, then a role whose audit reason quotes the message id.
const welcome = graph(
  [
    ['t', 'trigger.manual'],
    ['send', 'discord.sendMessage', { channelId: channels.welcome, content: 'Welcome!' }],
    [
      'role',
      'discord.addRole',
      { userId: users.frank, roleId: roles.newcomer, reason: 'after {{ nodes.send.messageId }}' },
    ],
  ],
  [
    ['t', 'out', 'send'],
    ['send', 'out', 'role'],
  ],
);

/** Test runs of a draft with pinned data: the engine service, the real executors, the sandbox. */
describe('test runs with pinned data on the sandbox', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());
  beforeEach(() => h.sandbox.reset());

  const graphs = `/api/guilds/${guild}/graphs`;
  const testRun = async (graphId: string, body: unknown = {}) => {
    const started = await h.service.api('POST', `${graphs}/${graphId}/runs`, { body });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return eventually(async () => {
      const { body: run } = await h.service.api(
        'GET',
        `/api/guilds/${guild}/runs/${started.body.runId}`,
      );
      return run.status === 'running' ? undefined : run;
    }, 'the test run to end');
  };

  it('a pinned sendMessage posts nothing while the addRole after it gives the role', async () => {
    const created = await h.service.api('POST', graphs, { body: welcome });
    expect(created.status).toBe(201);
    const graphId = created.body.id as string;
    const pinned = await h.service.api('PUT', `${graphs}/${graphId}/pins/send`, {
      body: { output: { messageId: 'pinned-1' } },
    });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);

    const run = await testRun(graphId);
    expect(run.status).toBe('completed');
    expect(run.steps.find((s: { nodeId: string }) => s.nodeId === 'send')).toMatchObject({
      status: 'completed',
      pinned: true,
      port: 'out',
      output: { messageId: 'pinned-1' },
    });
    expect(h.sandbox.messages({ channelId: channels.welcome })).toEqual([]);
    expect(h.sandbox.member(guild, users.frank).roles).toEqual([roles.newcomer]);
    expect(h.sandbox.actions({ type: 'member.roleAdd' })[0]?.reason).toMatch(/after pinned-1$/);

    // The same draft without its pins posts the message in the sandbox.
    h.sandbox.reset();
    const unpinned = await testRun(graphId, { pins: false });
    expect(unpinned.status).toBe('completed');
    expect(h.sandbox.messages({ channelId: channels.welcome }).map((m) => m.content)).toEqual([
      'Welcome!',
    ]);
  });

  it('a draft never runs on the server: simulate: false is refused and nothing happens', async () => {
    const created = await h.service.api('POST', graphs, { body: welcome });
    const refused = await h.service.api('POST', `${graphs}/${created.body.id as string}/runs`, {
      body: { simulate: false },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('sandbox_only');
    // Give a wrongly started run time to act: the sandbox stays untouched.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(h.sandbox.messages({ channelId: channels.welcome })).toEqual([]);
    expect(h.sandbox.member(guild, users.frank).roles).toEqual([]);
  });
});
