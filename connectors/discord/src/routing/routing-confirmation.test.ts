import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  composeActivation,
  GatewayStatus,
  openStore,
  routerActivation,
} from '@guildflow/engine/service';
import { graph } from '@guildflow/engine/testing/graph';
import { sendGraph } from '@guildflow/engine/testing/fixtures';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { TriggerIndex } from './trigger-index.js';
import { syncTriggers, type TriggerSync } from './trigger-sync.js';

const GUILD = '930000000000000001';
const joins = {
  ...graph(
    [
      ['start', 'trigger.memberJoined'],
      ['say', 'discord.sendMessage', { channelId: '930000000000000100', content: 'hi' }],
    ],
    [['start', 'out', 'say']],
  ),
  name: 'Joins',
};

let service: TestService;
const store = () => openStore(service.deps.mongo);
const running: { status: GatewayStatus; sync?: TriggerSync }[] = [];

beforeAll(async () => {
  service = await startTestService({
    activation: composeActivation(routerActivation(() => openStore(service.deps.mongo))),
  });
});
afterAll(() => service?.close());
afterEach(async () => {
  for (const { status, sync } of running.splice(0)) {
    sync?.stop();
    await status.stop();
  }
});

/** A gateway's bookkeeping without discord.js: its status record and, if `acking`, its sync. */
async function gateway(acking: boolean): Promise<GatewayStatus> {
  const status = new GatewayStatus(store, { heartbeatMs: 200 });
  status.start();
  status.setConnected(true);
  let sync: TriggerSync | undefined;
  if (acking) {
    sync = syncTriggers(store, new TriggerIndex(), {
      onApplied: (records) => status.ack(records),
      onLoaded: (from) => status.loaded(from),
    });
    await sync.ready;
  } else {
    // Loaded long ago, then stuck: it never applies anything new.
    status.loaded(new Date(Date.now() - 60_000));
  }
  running.push({ status, ...(sync ? { sync } : {}) });
  await new Promise((resolve) => setTimeout(resolve, 300)); // its first heartbeat is written
  return status;
}

async function publish(doc = joins) {
  const created = await service.api('POST', `/api/guilds/${GUILD}/graphs`, { body: doc });
  const started = Date.now();
  const published = await service.api(
    'POST',
    `/api/guilds/${GUILD}/graphs/${created.body.id}/publish`,
  );
  expect(published.status).toBe(200);
  return { graphId: created.body.id as string, body: published.body, ms: Date.now() - started };
}

describe('publish, rollback, disable and delete say whether the gateways route by them', () => {
  it('says plainly that nothing routes Discord events when no gateway runs', async () => {
    const { body } = await publish();
    expect(body.routing).toMatchObject({ live: false, gateways: [] });
    expect(body.routing.message).toMatch(/No gateway is running.*npm start/);
  });

  it('waits for every running gateway, and names the one that did not confirm in time', async () => {
    const good = await gateway(true);
    const stuck = await gateway(false);
    const { graphId, body, ms } = await publish();
    expect(ms).toBeGreaterThanOrEqual(3000);
    expect(body.routing.live).toBe(false);
    expect(body.routing.gateways).toEqual(
      expect.arrayContaining([
        { id: good.id, confirmed: true },
        { id: stuck.id, confirmed: false },
      ]),
    );
    expect(body.routing.message).toContain(stuck.id);
    expect(body.routing.message).not.toContain(good.id);

    await stuck.stop(); // a stopped gateway removes its record and is not waited for
    const off = await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/disable`);
    expect(off.body.routing).toEqual({ live: true, gateways: [{ id: good.id, confirmed: true }] });
    const rolled = await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/rollback`, {
      body: { version: 1 },
    });
    expect(rolled.body.routing).toMatchObject({ live: true });
    const deleted = await service.api('DELETE', `/api/guilds/${GUILD}/graphs/${graphId}`);
    expect(deleted.status).toBe(204);
  });

  it('answers a delete no gateway confirmed with 202 and the reason', async () => {
    const { graphId } = await publish();
    const stuck = await gateway(false);
    const deleted = await service.api('DELETE', `/api/guilds/${GUILD}/graphs/${graphId}`);
    expect(deleted.status).toBe(202);
    expect(deleted.body.routing.gateways).toEqual([{ id: stuck.id, confirmed: false }]);
    expect((await service.api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`)).status).toBe(404);
  });

  it('confirms at once for a gateway that loaded its whole index after the change', async () => {
    const { graphId } = await publish();
    const late = await gateway(true);
    const off = await service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/disable`);
    expect(off.body.routing).toEqual({ live: true, gateways: [{ id: late.id, confirmed: true }] });
  });

  it('adds nothing for graphs no gateway routes', async () => {
    await gateway(false);
    const { body, ms } = await publish(sendGraph('manual'));
    expect(body.routing).toBeUndefined();
    expect(ms).toBeLessThan(3000);
  });
});

describe('health', () => {
  it('says discord only while a gateway is connected and has loaded its triggers', async () => {
    const health = async () => (await service.api('GET', '/api/health', { token: null })).body;
    expect(await health()).toMatchObject({ discord: false, details: { gateways: [] } });
    const status = new GatewayStatus(store, { heartbeatMs: 100 });
    running.push({ status });
    status.start();
    status.setConnected(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await health()).toMatchObject({
      discord: false,
      details: { gateways: [{ id: status.id, connected: true, indexLoaded: false }] },
    });
    status.loaded(new Date());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await health()).toMatchObject({ ok: true, discord: true });
    status.setConnected(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await health()).discord).toBe(false);
  });
});
