import { DiscordAPIError, Events, PermissionFlagsBits, type Guild, type Role } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';

const { users, roles } = SANDBOX_IDS;

describe('PATCH /sandbox/guilds/:guildId/roles/:roleId', () => {
  let h: Harness;
  let guild: Guild;
  beforeAll(async () => {
    h = await startWithClient();
    guild = h.client.guilds.cache.get(SANDBOX_IDS.guild) as Guild;
  });
  afterAll(async () => h?.close());

  it('takes a permission from the bot’s role: the client sees it and the bot is refused', async () => {
    const updated = nextEvent<[Role, Role]>(
      h.client,
      Events.GuildRoleUpdate,
      (_old, role) => role.id === roles.bot,
    );
    const answer = await control(
      h.sandbox,
      'PATCH',
      `/sandbox/guilds/${guild.id}/roles/${roles.bot}`,
      {
        permissions: ['ViewChannel', 'SendMessages'],
      },
    );
    expect(answer.status).toBe(200);
    const [, role] = await updated;
    expect(role.permissions.has(PermissionFlagsBits.ManageRoles)).toBe(false);
    const refused = await guild.members
      .addRole({ user: users.frank, role: roles.newcomer })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).code).toBe(50013);
    await control(h.sandbox, 'POST', '/sandbox/reset');
    const roleList = await guild.roles.fetch();
    expect(roleList.get(roles.bot)?.permissions.has(PermissionFlagsBits.ManageRoles)).toBe(true);
  });

  it('refuses unknown permission names and roles', async () => {
    const bad = await control(
      h.sandbox,
      'PATCH',
      `/sandbox/guilds/${guild.id}/roles/${roles.bot}`,
      {
        permissions: ['FlyPlanes'],
      },
    );
    expect(bad.status).toBe(400);
    const unknown = await control(h.sandbox, 'PATCH', `/sandbox/guilds/${guild.id}/roles/1`, {
      permissions: [],
    });
    expect(unknown.status).toBe(404);
  });
});
