import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import { freePort } from '@guildflow/stack';
import { sendGraph } from '@guildflow/engine/testing/fixtures';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { createSession } from '@guildflow/engine/service';
import { discordOAuth, discordBotApi } from '@guildflow/discord';

const { guild, otherGuild, channels, roles, users } = SANDBOX_IDS;
/** A guild with graphs that the bot is not in. */
const BOTLESS = '700000000000000077';

let sandbox: Sandbox;
let service: TestService;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  service = await startTestService({
    discordBot: discordBotApi({ apiUrl: sandbox.apiUrl, token: sandbox.token, kind: 'sandbox' }),
  });
  const created = await service.api('POST', `/api/guilds/${BOTLESS}/graphs`, { body: sendGraph() });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await service?.close();
  await sandbox?.close();
});

async function userToken(guildIds: string[]): Promise<string> {
  const { token } = await createSession(service.store, {
    user: { id: '91', username: 'ana' },
    guildIds,
  });
  return token;
}

describe('GET /api/guilds', () => {
  it('gives the admin the bot’s guilds, then guilds that have graphs without the bot', async () => {
    const { status, body } = await service.api('GET', '/api/guilds');
    expect(status).toBe(200);
    expect(body).toEqual({
      guilds: [
        { id: guild, name: 'Guildflow Sandbox', botPresent: true, sandbox: true },
        { id: otherGuild.id, name: 'Other Sandbox', botPresent: true, sandbox: true },
        { id: BOTLESS, name: null, botPresent: false },
      ],
    });
  });

  it('gives a signed-in user only the guilds they manage', async () => {
    const token = await userToken([otherGuild.id, '700000000000000088']);
    const { body } = await service.api('GET', '/api/guilds', { token });
    expect(body.guilds).toEqual([
      { id: otherGuild.id, name: 'Other Sandbox', botPresent: true, sandbox: true },
      { id: '700000000000000088', name: null, botPresent: false },
    ]);
  });

  it('still lists what it knows when Discord cannot be read, and says why', async () => {
    const dead = await startTestService({
      mongo: service.deps.mongo,
      discordBot: discordBotApi({
        apiUrl: `http://127.0.0.1:${await freePort()}/api`,
        token: 't',
        kind: 'sandbox',
      }),
    });
    const none = await startTestService({ mongo: service.deps.mongo });
    try {
      const down = await dead.api('GET', '/api/guilds');
      expect(down.status).toBe(200);
      expect(down.body.guilds).toEqual([{ id: BOTLESS, name: null, botPresent: false }]);
      expect(down.body.discordError).toMatch(/^The Discord sandbox did not answer .*try again/);
      const unset = await none.api('GET', '/api/guilds');
      expect(unset.body.discordError).toContain('set DISCORD_TOKEN');
    } finally {
      await dead.close();
      await none.close();
    }
  });
});

describe('GET /api/guilds/:guildId/discord', () => {
  it('gives the pickers the guild’s channels, roles (no @everyone) and members', async () => {
    const { status, body } = await service.api('GET', `/api/guilds/${guild}/discord`);
    expect(status).toBe(200);
    expect(body.guild).toEqual({ id: guild, name: 'Guildflow Sandbox' });
    expect(body.channels).toContainEqual({
      id: channels.welcome,
      name: 'welcome',
      type: 0,
      parentId: null,
    });
    expect(body.roles.map((r: { name: string }) => r.name)).toEqual([
      'Moderator',
      'Guildflow',
      'Member',
      'Newcomer',
    ]);
    expect(body.roles.find((r: { id: string }) => r.id === roles.bot)).toMatchObject({
      managed: true,
    });
    expect(body.roles.find((r: { id: string }) => r.id === roles.newcomer)).toEqual({
      id: roles.newcomer,
      name: 'Newcomer',
      color: 0x57f287,
      position: 1,
      managed: false,
      mentionable: expect.any(Boolean),
    });
    expect(body.members).toContainEqual({
      id: users.alice,
      username: 'alice',
      displayName: 'Alice',
    });
    expect(body.members).toContainEqual({
      id: users.frank,
      username: 'frank',
      displayName: 'frank',
    });
  });

  it('searches members by the start of their username', async () => {
    const { body } = await service.api('GET', `/api/guilds/${guild}/discord?q=car`);
    expect(body.members).toEqual([{ id: users.carol, username: 'carol', displayName: 'Carol' }]);
    const empty = await service.api('GET', `/api/guilds/${guild}/discord?q=`);
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('invalid_request');
  });

  it('answers 404 for a guild the caller may not manage, as for one the bot is not in', async () => {
    const token = await userToken([otherGuild.id]);
    const foreign = await service.api('GET', `/api/guilds/${guild}/discord`, { token });
    expect(foreign.status).toBe(404);
    const own = await service.api('GET', `/api/guilds/${otherGuild.id}/discord`, { token });
    expect(own.status).toBe(200);
    expect(own.body.guild.name).toBe('Other Sandbox');
    const botless = await service.api('GET', `/api/guilds/${BOTLESS}/discord`);
    expect(botless.status).toBe(404);
    expect(botless.body.error.message).toContain('invite the bot');
  });

  it('answers 503 saying what to set when there is no bot', async () => {
    const none = await startTestService({ mongo: service.deps.mongo });
    try {
      const { status, body } = await none.api('GET', `/api/guilds/${guild}/discord`);
      expect(status).toBe(503);
      expect(body.error.code).toBe('discord_unavailable');
      expect(body.error.message).toContain('DISCORD_TOKEN');
    } finally {
      await none.close();
    }
  });
});

describe('GET /auth/methods', () => {
  it('says whether Discord sign-in is configured, without a token', async () => {
    const plain = await service.api('GET', '/auth/methods', { token: null });
    expect(plain.body).toEqual({ link: true, discord: false });
    const hosted = await startTestService({
      mongo: service.deps.mongo,
      discordOAuth: discordOAuth({ clientId: 'c', clientSecret: 's' }),
    });
    try {
      expect((await hosted.api('GET', '/auth/methods', { token: null })).body).toEqual({
        link: true,
        discord: true,
      });
    } finally {
      await hosted.close();
    }
  });
});
