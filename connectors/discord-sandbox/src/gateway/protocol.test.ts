import { once } from 'node:events';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { startSandbox, type Sandbox } from '../server.js';

const { guild: guildId, channels, users, otherGuild } = SANDBOX_IDS;

describe('gateway protocol on a raw socket', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, heartbeatIntervalMs: 1000 });
  });
  afterAll(async () => sandbox?.close());

  const open = async (): Promise<{
    ws: WebSocket;
    next: () => Promise<Record<string, unknown>>;
  }> => {
    const ws = new WebSocket(`${sandbox.gatewayUrl}?v=10&encoding=json`);
    const queue: Array<Record<string, unknown>> = [];
    const waiters: Array<(p: Record<string, unknown>) => void> = [];
    ws.on('message', (data: Buffer) => {
      const payload = JSON.parse(data.toString()) as Record<string, unknown>;
      const waiter = waiters.shift();
      if (waiter) waiter(payload);
      else queue.push(payload);
    });
    await once(ws, 'open');
    const next = () =>
      new Promise<Record<string, unknown>>((resolve) =>
        queue.length ? resolve(queue.shift() as Record<string, unknown>) : waiters.push(resolve),
      );
    return { ws, next };
  };

  it('sends HELLO, ACKs heartbeats, and READY then GUILD_CREATE on IDENTIFY', async () => {
    const { ws, next } = await open();
    expect(await next()).toMatchObject({ op: 10, d: { heartbeat_interval: 1000 } });
    ws.send(JSON.stringify({ op: 1, d: null }));
    expect(await next()).toMatchObject({ op: 11 });
    ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 1, properties: {} } }));
    const ready = await next();
    expect(ready).toMatchObject({
      op: 0,
      t: 'READY',
      s: 1,
      d: {
        guilds: [
          { id: guildId, unavailable: true },
          { id: otherGuild.id, unavailable: true },
        ],
        application: { id: SANDBOX_IDS.application },
      },
    });
    expect((ready.d as { resume_gateway_url: string }).resume_gateway_url).toBe(sandbox.gatewayUrl);
    const guild = await next();
    expect(guild).toMatchObject({ t: 'GUILD_CREATE', s: 2, d: { id: guildId, member_count: 7 } });
    // Without GUILD_MEMBERS only the bot's own member is sent.
    expect((guild.d as { members: unknown[] }).members).toHaveLength(1);
    // One GUILD_CREATE per guild the bot is in: the other guild has four members and the bot.
    const other = await next();
    expect(other).toMatchObject({
      t: 'GUILD_CREATE',
      s: 3,
      d: { id: otherGuild.id, name: 'Other Sandbox', member_count: 5 },
    });
    ws.close(1000);
  });

  it('closes with 4004 for a wrong token and answers INVALID_SESSION for an unknown session', async () => {
    const a = await open();
    await a.next();
    const closed = once(a.ws, 'close');
    a.ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 0, properties: {} } }));
    expect((await closed)[0]).toBe(4004);

    const b = await open();
    await b.next();
    b.ws.send(JSON.stringify({ op: 6, d: { token: sandbox.token, session_id: 'nope', seq: 3 } }));
    expect(await b.next()).toMatchObject({ op: 9, d: false });
    b.ws.close(1000);
  });

  it('replays missed dispatches by sequence on RESUME', async () => {
    const a = await open();
    await a.next();
    a.ws.send(
      JSON.stringify({
        op: 2,
        d: { token: sandbox.token, intents: 1 | 2 | 512 | 32768, properties: {} },
      }),
    );
    const ready = await a.next();
    await a.next(); // GUILD_CREATE of each guild: s 2 and 3
    await a.next();
    const sessionId = (ready.d as { session_id: string }).session_id;
    const closed = once(a.ws, 'close');
    a.ws.terminate();
    await closed;
    sandbox.inject({ type: 'memberJoined', guildId, user: { username: 'missed-1' } });
    sandbox.inject({
      type: 'messageCreated',
      guildId,
      channelId: channels.general,
      userId: users.carol,
      content: 'missed-2',
    });
    const b = await open();
    await b.next();
    b.ws.send(
      JSON.stringify({ op: 6, d: { token: sandbox.token, session_id: sessionId, seq: 3 } }),
    );
    expect(await b.next()).toMatchObject({ t: 'GUILD_MEMBER_ADD', s: 4 });
    expect(await b.next()).toMatchObject({ t: 'MESSAGE_CREATE', s: 5, d: { content: 'missed-2' } });
    expect(await b.next()).toMatchObject({ t: 'RESUMED', s: 6 });
    b.ws.close(1000);
  });
});

describe('gateway intents', () => {
  it('filters events by intent and blanks content without MESSAGE_CONTENT', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const ws = new WebSocket(`${sandbox.gatewayUrl}?v=10&encoding=json`);
      const seen: Array<{ t?: string; d?: { content?: string } }> = [];
      ws.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString()) as { t?: string }));
      await once(ws, 'open');
      // Guilds + GuildMessages only: no GUILD_MEMBERS, no MESSAGE_CONTENT.
      ws.send(
        JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 1 | 512, properties: {} } }),
      );
      while (!seen.some((p) => p.t === 'GUILD_CREATE'))
        await new Promise((resolve) => setTimeout(resolve, 10));
      sandbox.inject({ type: 'memberJoined', guildId, user: { username: 'unseen' } });
      sandbox.inject({
        type: 'messageCreated',
        guildId,
        channelId: channels.general,
        userId: users.carol,
        content: 'secret',
      });
      while (!seen.some((p) => p.t === 'MESSAGE_CREATE'))
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen.some((p) => p.t === 'GUILD_MEMBER_ADD')).toBe(false);
      expect(seen.find((p) => p.t === 'MESSAGE_CREATE')?.d?.content).toBe('');
      ws.close(1000);
    } finally {
      await sandbox.close();
    }
  });
});
