import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  embeddedStartEnv,
  startSupervisor,
  stopAndRemove,
  type StartedSupervisor,
} from './supervisor-harness.js';

const GUILD = '1300000000000000000';
const GENERAL = '1300000000000000100';

/** A manual or join graph that posts `content` in #general, after `delay` when given. */
function graph(name: string, trigger: string, content: string, delay?: string) {
  const nodes = [
    { id: 't', type: trigger, position: { x: 0, y: 0 }, config: {} },
    ...(delay
      ? [{ id: 'wait', type: 'flow.delay', position: { x: 1, y: 0 }, config: { duration: delay } }]
      : []),
    {
      id: 'say',
      type: 'discord.sendMessage',
      position: { x: 2, y: 0 },
      config: { channelId: GENERAL, content },
    },
  ];
  const chain = nodes.map((n) => n.id);
  const edges = chain.slice(1).map((target, i) => ({
    id: `e${i}`,
    source: chain[i]!,
    sourceHandle: 'out',
    target,
  }));
  return { schemaVersion: 1, name, nodes, edges, vars: {} };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// `npm start` with its own Temporal dev server and store: ready means routing, and the embedded
// servers come back by themselves.
describe('npm start heals and routes from the first event', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildflow-heals-'));
  let running: StartedSupervisor | undefined;
  afterAll(() => stopAndRemove(running, dataDir));

  it('routes the first event after it says ready, and a Temporal server killed mid-delay comes back with the run finishing once', async () => {
    const ports = await embeddedStartEnv();
    const base = `http://127.0.0.1:${ports.PORT}`;
    running = await startSupervisor(ports, dataDir);
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const api = async (method: string, path: string, body?: unknown) => {
      const answer = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many routes, read loosely
      return { status: answer.status, body: (await answer.json().catch(() => null)) as any };
    };
    const health = async () =>
      (await fetch(`${base}/api/health`)).json() as Promise<Record<string, unknown>>;
    const said = async (content: string) =>
      (
        (await api('GET', `/api/sandbox/messages?guildId=${GUILD}&channelId=${GENERAL}`)).body as {
          content: string;
        }[]
      ).filter((m) => m.content === content);

    // Ready means routing: the gateway is connected with its triggers loaded.
    expect(await health()).toMatchObject({ ok: true, temporal: true, mongo: true, discord: true });
    const welcome = await api(
      'POST',
      `/api/guilds/${GUILD}/graphs`,
      graph('Welcome', 'trigger.memberJoined', 'welcome'),
    );
    expect(
      (await api('POST', `/api/guilds/${GUILD}/graphs/${welcome.body.id}/publish`)).body.routing,
    ).toMatchObject({ live: true });

    // After a restart, the first event after "ready" is routed (the index loaded before it).
    running.proc.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    running = await startSupervisor(ports, dataDir);
    expect(running.output()).toMatch(/Guildflow is running \(ready in/);
    const joined = await api('POST', '/api/sandbox/events', {
      guildId: GUILD,
      type: 'memberJoined',
      user: { username: 'first-after-ready' },
    });
    expect(joined.status).toBeLessThan(300);
    await waitFor('the welcome message', async () =>
      (await said('welcome')).length === 1 ? true : undefined,
    );

    // A run sleeping in a delay when the Temporal dev server is killed outright.
    const delayed = await api(
      'POST',
      `/api/guilds/${GUILD}/graphs`,
      graph('Later', 'trigger.manual', 'after the delay', '6s'),
    );
    await api('POST', `/api/guilds/${GUILD}/graphs/${delayed.body.id}/publish`);
    const run = await api('POST', `/api/guilds/${GUILD}/graphs/${delayed.body.id}/runs`, {
      payload: {},
      simulate: true,
    });
    expect(run.status).toBe(202);
    await waitFor('the run to wait', async () => {
      const detail = await api('GET', `/api/guilds/${GUILD}/runs/${run.body.runId}`);
      return detail.body?.steps?.some(
        (s: { nodeId: string; status: string }) => s.nodeId === 'wait' && s.status === 'waiting',
      )
        ? true
        : undefined;
    });
    const temporal = running.children().find((c) => c.name === 'temporal');
    expect(temporal).toBeDefined();
    process.kill(temporal!.pid, 'SIGKILL');
    await waitFor('the supervisor to restart Temporal', async () =>
      /temporal is back/.test(running!.output()) ? true : undefined,
    );
    expect(running.output()).toMatch(/temporal stopped unexpectedly; restarting it/);
    expect(running.children().find((c) => c.name === 'temporal')?.pid).not.toBe(temporal!.pid);
    await waitFor('health to see Temporal', async () =>
      (await health()).temporal === true ? true : undefined,
    );
    const done = await waitFor('the run to complete', async () => {
      const detail = await api('GET', `/api/guilds/${GUILD}/runs/${run.body.runId}`);
      return detail.body?.status === 'completed' ? detail.body : undefined;
    });
    expect(done.status).toBe('completed');
    expect(await said('after the delay')).toHaveLength(1);
  });
});
