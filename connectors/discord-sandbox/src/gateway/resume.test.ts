import { Events, type GuildMember, type Message } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';

const { guild: guildId, channels, users } = SANDBOX_IDS;

describe('gateway drops and resumes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClient();
  });
  afterAll(async () => h?.close());

  it('resumes after an abnormal drop and replays an event injected while disconnected', async () => {
    const resumed = nextEvent(h.client, Events.ShardResume, () => true, 10_000);
    const sessionBefore = h.sandbox.gateway.sessions()[0]?.id;
    const { body } = await control<{ dropped: number }>(
      h.sandbox,
      'POST',
      '/sandbox/gateway/drop',
      {},
    );
    expect(body.dropped).toBe(1);
    // Injected while the client is disconnected (discord.js waits 500 ms before reconnecting).
    const joined = nextEvent<[GuildMember]>(
      h.client,
      Events.GuildMemberAdd,
      (m) => m.user.username === 'offline-joiner',
      10_000,
    );
    const { userId } = h.sandbox.inject({
      type: 'memberJoined',
      guildId,
      user: { username: 'offline-joiner' },
    });
    expect(h.sandbox.gateway.sessions()[0]?.connected).toBe(false);
    const [member] = await joined;
    await resumed;
    expect(member.id).toBe(userId);
    expect(h.sandbox.gateway.sessions().map((s) => s.id)).toEqual([sessionBefore]);
    expect(h.sandbox.requests({ path: '/gateway/bot' })).toHaveLength(1);
  });

  it('resumes after op 7 RECONNECT', async () => {
    const resumed = nextEvent(h.client, Events.ShardResume, () => true, 10_000);
    h.sandbox.gateway.drop({ mode: 'reconnect' });
    await resumed;
    const created = nextEvent<[Message]>(
      h.client,
      Events.MessageCreate,
      (m) => m.content === 'still here',
    );
    h.sandbox.inject({
      type: 'messageCreated',
      guildId,
      channelId: channels.general,
      userId: users.bob,
      content: 'still here',
    });
    await created;
  });

  it('identifies again after INVALID_SESSION', async () => {
    const before = h.sandbox.gateway.sessions()[0]?.id;
    const ready = nextEvent(h.client, Events.ShardReady, () => true, 15_000);
    h.sandbox.gateway.drop({ mode: 'invalidate' });
    await ready;
    const sessions = h.sandbox.gateway.sessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.id).not.toBe(before);
    const created = nextEvent<[Message]>(
      h.client,
      Events.MessageCreate,
      (m) => m.content === 'new session',
    );
    h.sandbox.inject({
      type: 'messageCreated',
      guildId,
      channelId: channels.general,
      userId: users.bob,
      content: 'new session',
    });
    await created;
  });
});
