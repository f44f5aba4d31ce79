import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy, type TestProxy } from '../testing/delay-proxy.js';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels } = SANDBOX_IDS;

describe('gateway: events that come while its store is unreachable', () => {
  let h: GatewayHarness;
  let proxy: TestProxy;
  const logged: { event: string; fields?: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    // The gateway reaches the store through a proxy that is down when it starts.
    proxy = await startDelayProxy(new URL(testStack().mongoUri).host);
    proxy.setDown(true);
    h = await startGatewayHarness({
      gatewayStoreUri: (uri) => {
        const url = new URL(uri);
        url.host = proxy.address;
        return url.toString();
      },
      gateway: {
        log: (_level, event, fields) => logged.push({ event, ...(fields ? { fields } : {}) }),
      },
    });
  });
  afterAll(async () => {
    proxy?.setDown(false);
    await h?.close();
    await proxy?.close();
  });

  it('holds them until the trigger index loads, then routes every one', async () => {
    expect(logged.map((l) => l.event)).toContain('triggers.load_failed');
    const created = await h.service.api('POST', `/api/guilds/${guild}/graphs`, {
      body: {
        ...graph(
          [
            ['start', 'trigger.memberJoined', {}],
            [
              'hi',
              'discord.sendMessage',
              { channelId: channels.general, content: 'Welcome {{ trigger.member.username }}' },
            ],
          ],
          [['start', 'out', 'hi']],
        ),
        name: 'Welcome',
      },
    });
    const published = await h.service.api(
      'POST',
      `/api/guilds/${guild}/graphs/${created.body.id}/publish`,
    );
    // The gateway could not say it is alive, so the answer does not claim the graph is live.
    expect(published.body.routing).toMatchObject({ live: false });
    const health = await h.service.api('GET', '/api/health', { token: null });
    expect(health.body.discord).toBe(false);

    h.sandbox.inject({ type: 'memberJoined', guildId: guild, user: { username: 'early' } });
    h.sandbox.inject({ type: 'memberJoined', guildId: guild, user: { username: 'later' } });
    await eventually(() => (h.gateway.held() === 2 ? true : undefined), 'both joins held');

    proxy.setDown(false);
    const welcomes = await eventually(() => {
      const sent = h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => m.content.startsWith('Welcome '));
      return sent.length === 2 ? sent : undefined;
    }, 'both welcome messages');
    expect(welcomes.map((m) => m.content).sort()).toEqual(['Welcome early', 'Welcome later']);
    expect(logged).toContainEqual({ event: 'events.released', fields: { count: 2 } });
    expect(h.gateway.held()).toBe(0);
    await eventually(
      async () =>
        (await h.service.api('GET', '/api/health', { token: null })).body.discord === true ||
        undefined,
      'health to say the gateway routes',
    );
  });
});
