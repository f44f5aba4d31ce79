import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@guildflow/stack';
import { SANDBOX_IDS, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { createSession } from '@guildflow/engine/service';

const { guild, channels, users } = SANDBOX_IDS;
let sandbox: Sandbox;
let service: TestService;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  service = await startTestService({ sandboxUrl: sandbox.url });
});
afterAll(async () => {
  await service?.close();
  await sandbox?.close();
});

const event = (body: Record<string, unknown>) =>
  service.api('POST', '/api/sandbox/events', { body: { guildId: guild, ...body } });

/** The bot posts a message with a button, through the sandbox's Discord REST API. */
async function botPost(content: string): Promise<string> {
  const answer = await fetch(`${sandbox.apiUrl}/v10/channels/${channels.giveaways}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bot ${sandbox.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      content,
      components: [
        { type: 1, components: [{ type: 2, style: 1, label: 'Enter', custom_id: 'enter' }] },
      ],
    }),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { id: string }).id;
}

describe('sandbox API', () => {
  it('lists the sandbox guilds with channels, roles and members', async () => {
    const { status, body } = await service.api('GET', '/api/sandbox');
    expect(status).toBe(200);
    expect(body.botUserId).toBe(sandbox.botUserId);
    const [first] = body.guilds;
    expect(first).toMatchObject({ id: guild, name: 'Guildflow Sandbox' });
    expect(first.channels.map((c: { name: string }) => c.name)).toContain('welcome');
    expect(first.roles.map((r: { id: string }) => r.id)).toContain(SANDBOX_IDS.roles.moderator);
    expect(first.members).toContainEqual(
      expect.objectContaining({ id: users.alice, username: 'alice' }),
    );
    // The second server has its own channels, roles and members; carol is in both.
    const { otherGuild } = SANDBOX_IDS;
    expect(body.guilds.map((g: { id: string }) => g.id)).toEqual([guild, otherGuild.id]);
    const other = body.guilds[1];
    expect(other.name).toBe('Other Sandbox');
    expect(other.channels.map((c: { id: string }) => c.id)).toEqual(
      Object.values(otherGuild.channels),
    );
    expect(other.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [...Object.values(otherGuild.users), users.carol, sandbox.botUserId].sort(),
    );
  });

  it('injects a member join and shows the member', async () => {
    const joined = await event({ type: 'memberJoined', user: { username: 'zoe' } });
    expect(joined.status).toBe(200);
    expect(joined.body.userId).toMatch(/^\d+$/);
    const member = await service.api(
      'GET',
      `/api/sandbox/guilds/${guild}/members/${joined.body.userId}`,
    );
    expect(member.body).toMatchObject({
      id: joined.body.userId,
      username: 'zoe',
      roles: [],
      timedOutUntil: null,
      banned: false,
      kicked: false,
    });
  });

  it('injects messages, reactions, button clicks and slash commands', async () => {
    const posted = await event({
      type: 'messageCreated',
      channelId: channels.general,
      userId: users.carol,
      content: 'hello bot',
    });
    expect(posted.status).toBe(200);
    expect(posted.body.messageId).toMatch(/^\d+$/);
    const messageId = await botPost('Giveaway! Click to enter.');
    const reacted = await event({
      type: 'reactionAdded',
      channelId: channels.giveaways,
      messageId,
      userId: users.dave,
      emoji: '🎉',
    });
    expect(reacted.body).toEqual({ added: true });
    const clicked = await event({
      type: 'buttonClicked',
      channelId: channels.giveaways,
      messageId,
      userId: users.dave,
      customId: 'enter',
    });
    expect(clicked.body.interactionId).toMatch(/^\d+$/);
    expect(clicked.body).not.toHaveProperty('interactionToken');
    const command = await event({
      type: 'slashCommand',
      channelId: channels.general,
      userId: users.erin,
      name: 'ticket',
      options: { topic: 'help' },
    });
    expect(command.status).toBe(200);
    expect(command.body).toMatchObject({ commandRegistered: false });
  });

  it('lists what the bot posted, or everything with authors=all', async () => {
    const messageId = await botPost('From the bot');
    const mine = await service.api(
      'GET',
      `/api/sandbox/messages?guildId=${guild}&channelId=${channels.giveaways}`,
    );
    expect(mine.status).toBe(200);
    const sent = mine.body.find((m: { id: string }) => m.id === messageId);
    expect(sent).toMatchObject({
      channelId: channels.giveaways,
      authorId: sandbox.botUserId,
      content: 'From the bot',
      embeds: [],
    });
    expect(sent.components).toHaveLength(1);
    expect(typeof sent.createdAt).toBe('string');
    expect(mine.body.every((m: { authorId: string }) => m.authorId === sandbox.botUserId)).toBe(
      true,
    );
    await event({
      type: 'messageCreated',
      channelId: channels.giveaways,
      userId: users.carol,
      content: 'me too',
    });
    const all = await service.api(
      'GET',
      `/api/sandbox/messages?channelId=${channels.giveaways}&authors=all`,
    );
    expect(all.body.map((m: { content: string }) => m.content)).toContain('me too');
  });

  it('validates each event type and lists the types for an unknown one', async () => {
    const unknown = await event({ type: 'memberExploded' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_request');
    for (const type of ['memberJoined', 'messageCreated', 'reactionAdded', 'buttonClicked'])
      expect(unknown.body.error.message).toContain(type);
    expect(unknown.body.error.message).toContain('slashCommand');
    const missing = await event({ type: 'messageCreated', channelId: channels.general });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'body.userId', message: 'userId is required' },
        { path: 'body.content', message: 'content is required' },
      ]),
    );
    const extra = await event({ type: 'memberJoined', user: { username: 'x' }, bogus: 1 });
    expect(extra.body.error.details).toContainEqual({
      path: 'body.bogus',
      message: 'unknown field "bogus"; remove it',
    });
    const noType = await service.api('POST', '/api/sandbox/events', { body: [] });
    expect(noType.status).toBe(400);
  });

  it('passes on the sandbox’s refusals: unknown ids → 404, what Discord forbids → 409', async () => {
    const unknownChannel = await event({
      type: 'messageCreated',
      channelId: '1',
      userId: users.carol,
      content: 'hi',
    });
    expect(unknownChannel.status).toBe(404);
    expect(unknownChannel.body.error.code).toBe('not_found');
    const readOnly = await event({
      type: 'messageCreated',
      channelId: channels.welcome,
      userId: users.carol,
      content: 'hi',
    });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.error.code).toBe('sandbox_refused');
    expect(
      (await service.api('GET', `/api/sandbox/guilds/${guild}/members/1234`)).body.error.code,
    ).toBe('not_found');
    expect((await service.api('GET', `/api/sandbox/guilds/${guild}/members/abc`)).status).toBe(400);
    expect((await service.api('GET', '/api/sandbox/messages?guildId=1')).status).toBe(404);
    expect((await service.api('GET', '/api/sandbox/messages?authors=some')).status).toBe(400);
  });

  it('needs a token, and serves signed-in users too', async () => {
    expect((await service.api('GET', '/api/sandbox', { token: null })).status).toBe(401);
    const { token } = await createSession(service.store, {
      user: { id: '77', username: 'gus' },
      guildIds: [],
    });
    expect((await service.api('GET', '/api/sandbox', { token })).status).toBe(200);
  });

  it('answers 503 with what to do when no sandbox is configured or reachable', async () => {
    const none = await startTestService({ mongo: service.deps.mongo });
    const gone = await startTestService({
      mongo: service.deps.mongo,
      sandboxUrl: `http://127.0.0.1:${await freePort()}`,
    });
    try {
      const a = await none.api('GET', '/api/sandbox');
      expect(a.status).toBe(503);
      expect(a.body.error.code).toBe('sandbox_unavailable');
      expect(a.body.error.message).toContain('GUILDFLOW_SANDBOX_URL');
      const b = await gone.api('POST', '/api/sandbox/events', {
        body: { guildId: guild, type: 'memberJoined', user: { username: 'x' } },
      });
      expect(b.status).toBe(503);
      expect(b.body.error.message).toContain('did not answer');
    } finally {
      await none.close();
      await gone.close();
    }
  });
});
