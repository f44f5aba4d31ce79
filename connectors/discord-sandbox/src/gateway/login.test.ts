import { Client, DiscordjsErrorCodes, Events, type GuildMember } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { startSandbox } from '../server.js';
import { nextEvent, startWithClient, TEST_INTENTS, type Harness } from '../testing/harness.js';

describe('gateway login with the real discord.js client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClient();
  });
  afterAll(async () => h?.close());

  it('is ready with the bot user, the application and the guild cached', () => {
    const { client } = h;
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(SANDBOX_IDS.botUser);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(SANDBOX_IDS.application);
    const guild = client.guilds.cache.get(SANDBOX_IDS.guild);
    expect(guild?.name).toBe('Guildflow Sandbox');
    expect(guild?.memberCount).toBe(7);
    expect(guild?.ownerId).toBe(SANDBOX_IDS.users.alice);
  });

  it('caches channels, roles and members from GUILD_CREATE', () => {
    const guild = h.client.guilds.cache.get(SANDBOX_IDS.guild);
    const names = [...(guild?.channels.cache.values() ?? [])].map((c) => c.name).sort();
    expect(names).toEqual([
      'announcements',
      'general',
      'giveaways',
      'mod-log',
      'tickets',
      'welcome',
    ]);
    expect([...(guild?.roles.cache.values() ?? [])].map((r) => r.name).sort()).toEqual([
      '@everyone',
      'Guildflow',
      'Member',
      'Moderator',
      'Newcomer',
    ]);
    expect(guild?.roles.everyone.id).toBe(SANDBOX_IDS.guild);
    const alice = guild?.members.cache.get(SANDBOX_IDS.users.alice);
    expect(alice?.user.username).toBe('alice');
    expect(alice?.roles.cache.has(SANDBOX_IDS.roles.moderator)).toBe(true);
    expect(guild?.members.me?.roles.botRole?.id).toBe(SANDBOX_IDS.roles.bot);
    expect(guild?.members.cache.size).toBe(7);
  });

  it('computes permissions from roles and overwrites like Discord', () => {
    const guild = h.client.guilds.cache.get(SANDBOX_IDS.guild);
    const me = guild?.members.me;
    const announcements = guild?.channels.cache.get(SANDBOX_IDS.channels.announcements);
    const general = guild?.channels.cache.get(SANDBOX_IDS.channels.general);
    expect(me && general?.permissionsFor(me).has('SendMessages')).toBe(true);
    expect(me && announcements?.permissionsFor(me).has('SendMessages')).toBe(false);
  });

  it('answers heartbeats and keeps one session', async () => {
    const sessions = h.sandbox.gateway.sessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.connected).toBe(true);
    expect(sessions[0]?.intents).toBe(TEST_INTENTS.reduce((a, b) => a | b, 0));
    expect(h.sandbox.requests({ path: '/gateway/bot' })).toHaveLength(1);
  });

  it('fetches the guild, a member, the bot user and the application over REST', async () => {
    const guild = await h.client.guilds.fetch({
      guild: SANDBOX_IDS.guild,
      force: true,
      withCounts: true,
    });
    expect(guild.approximateMemberCount).toBe(7);
    const carol = await guild.members.fetch({ user: SANDBOX_IDS.users.carol, force: true });
    expect(carol.user.username).toBe('carol');
    expect((await h.client.users.fetch(SANDBOX_IDS.botUser, { force: true })).username).toBe(
      'Guildflow',
    );
    expect((await h.client.application?.fetch())?.name).toBe('Guildflow');
  });

  it('answers REQUEST_GUILD_MEMBERS with a member chunk', async () => {
    const guild = h.client.guilds.cache.get(SANDBOX_IDS.guild);
    const members = await guild?.members.fetch({ query: 'er', limit: 10 });
    expect([...(members?.values() ?? [])].map((m) => m.user.username)).toEqual(['erin']);
  });
});

describe('several guilds', () => {
  it('sends one GUILD_CREATE per seeded guild and routes events by guild', async () => {
    const { otherGuild } = SANDBOX_IDS;
    const h = await startWithClient();
    try {
      expect([...h.client.guilds.cache.keys()].sort()).toEqual([SANDBOX_IDS.guild, otherGuild.id]);
      const other = h.client.guilds.cache.get(otherGuild.id);
      expect(other?.name).toBe('Other Sandbox');
      // grace, heidi, ivan, carol and the bot; carol is a member of both guilds.
      expect([...(other?.members.cache.keys() ?? [])].sort()).toEqual(
        [...Object.values(otherGuild.users), SANDBOX_IDS.users.carol, SANDBOX_IDS.botUser].sort(),
      );
      expect(
        h.client.guilds.cache.get(SANDBOX_IDS.guild)?.members.cache.has(otherGuild.users.grace),
      ).toBe(false);
      expect(
        other?.members.cache.get(SANDBOX_IDS.users.carol)?.roles.cache.has(otherGuild.roles.member),
      ).toBe(true);
      const joined = nextEvent<[GuildMember]>(h.client, Events.GuildMemberAdd);
      h.sandbox.inject({
        type: 'memberJoined',
        guildId: otherGuild.id,
        user: { username: 'newbie' },
      });
      const [member] = await joined;
      expect(member.guild.id).toBe(otherGuild.id);
    } finally {
      await h.close();
    }
  });
});

describe('login with a wrong token', () => {
  it('rejects like Discord (401 on /gateway/bot becomes TokenInvalid)', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const client = new Client({ intents: TEST_INTENTS, rest: { api: sandbox.apiUrl } });
    try {
      await expect(client.login('not.the.token')).rejects.toMatchObject({
        code: DiscordjsErrorCodes.TokenInvalid,
      });
      expect(sandbox.requests({ path: '/gateway/bot' })[0]).toMatchObject({
        status: 401,
        error: { code: 0, message: '401: Unauthorized' },
      });
    } finally {
      await client.destroy();
      await sandbox.close();
    }
  });
});
