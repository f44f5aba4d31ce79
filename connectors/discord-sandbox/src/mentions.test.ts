import { DiscordAPIError, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSeed, SANDBOX_IDS, type SandboxSeed } from './seed.js';
import { startWithClient, type Harness } from './testing/harness.js';

const { channels, roles, users, guild } = SANDBOX_IDS;
const TEXT = `<@${users.bob}> <@&${roles.moderator}> <@&${roles.member}> @everyone`;

/** The default guild, with the bot's role allowed to Mention Everyone (as Administrator bots are). */
function seedWithMentionEveryone(): SandboxSeed {
  const seed = defaultSeed();
  for (const role of seed.guilds[0]?.roles ?? [])
    if (role.bot) role.permissions = [...role.permissions, 'MentionEveryone'];
  return seed;
}

describe('mentions, as Discord resolves them', () => {
  let h: Harness;
  let general: TextChannel;
  beforeAll(async () => {
    h = await startWithClient();
    general = h.client.channels.cache.get(channels.general) as TextChannel;
  });
  afterAll(async () => h?.close());
  beforeEach(() => h.sandbox.reset());

  it('a member’s message pings users and mentionable roles, not the rest or @everyone', () => {
    const { messageId } = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      content: TEXT,
    });
    expect(h.sandbox.messages({ guildId: guild }).find((m) => m.id === messageId)).toMatchObject({
      mentions: [users.bob],
      mentionRoles: [roles.moderator],
      mentionEveryone: false,
    });
  });

  it('allowed_mentions decides what the bot’s message pings, in the REST answer too', async () => {
    const usersOnly = await general.send({ content: TEXT, allowedMentions: { parse: ['users'] } });
    expect([...usersOnly.mentions.users.keys()]).toEqual([users.bob]);
    expect(usersOnly.mentions.roles.size).toBe(0);

    const listed = await general.send({
      content: TEXT,
      allowedMentions: { parse: ['users'], roles: [roles.moderator] },
    });
    expect([...listed.mentions.roles.keys()]).toEqual([roles.moderator]);

    const nothing = await general.send({ content: TEXT, allowedMentions: { parse: [] } });
    expect(nothing.mentions.users.size + nothing.mentions.roles.size).toBe(0);

    expect(
      h.sandbox.messages({ channelId: channels.general }).map((m) => [m.mentions, m.mentionRoles]),
    ).toEqual([
      [[users.bob], []],
      [[users.bob], [roles.moderator]],
      [[], []],
    ]);
    expect(h.sandbox.actions({ type: 'message.create' })[1]?.details).toMatchObject({
      mentions: [users.bob],
      mentionRoles: [roles.moderator],
    });
  });

  it('an edit parses its new text again, with the edit’s allowed_mentions', async () => {
    const sent = await general.send({ content: 'plain', allowedMentions: { parse: [] } });
    await sent.edit({ content: TEXT, allowedMentions: { parse: ['users'] } });
    expect(h.sandbox.messages({ channelId: channels.general })[0]).toMatchObject({
      mentions: [users.bob],
      mentionRoles: [],
    });
  });

  it('refuses parse: ["roles"] together with a roles list (50035), as Discord does', async () => {
    const error = await general
      .send({ content: TEXT, allowedMentions: { parse: ['roles'], roles: [roles.moderator] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(JSON.stringify((error as DiscordAPIError).rawError)).toContain(
      'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
    );
    expect(h.sandbox.messages({ channelId: channels.general })).toEqual([]);
  });
});

describe('mentions by a bot with Mention Everyone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClient({ seed: seedWithMentionEveryone() });
  });
  afterAll(async () => h?.close());

  it('pings any listed role, and @everyone only when parse allows it', async () => {
    const general = h.client.channels.cache.get(channels.general) as TextChannel;
    const listed = await general.send({
      content: TEXT,
      allowedMentions: { parse: ['users'], roles: [roles.member] },
    });
    expect([...listed.mentions.roles.keys()]).toEqual([roles.member]);
    expect(listed.mentions.everyone).toBe(false);
    const everyone = await general.send({ content: TEXT });
    expect(everyone.mentions.everyone).toBe(true);
    expect([...everyone.mentions.roles.keys()].sort()).toEqual([roles.member, roles.moderator]);
  });
});
