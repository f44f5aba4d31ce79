import { Events, type GuildMember } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';

const { guild: guildId, roles, users } = SANDBOX_IDS;

describe('memberUpdated and screening reach discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClient();
  });
  afterAll(async () => h?.close());

  const inject = <T>(body: Record<string, unknown>) =>
    control<T>(h.sandbox, 'POST', '/sandbox/events', { guildId, ...body });

  it('a member joins in screening, passes it, then gets and loses roles: GUILD_MEMBER_UPDATE each time', async () => {
    const added = nextEvent<[GuildMember]>(h.client, Events.GuildMemberAdd);
    const { body: joined } = await inject<{ userId: string }>({
      type: 'memberJoined',
      user: { username: 'screened' },
      pending: true,
    });
    const [member] = await added;
    expect(member.pending).toBe(true);
    expect([...member.roles.cache.keys()]).toEqual([guildId]);

    const updated = () =>
      nextEvent<[GuildMember, GuildMember]>(
        h.client,
        Events.GuildMemberUpdate,
        (_old, now) => now.id === joined.userId,
      );
    let next = updated();
    const passed = await inject({ type: 'memberUpdated', userId: joined.userId, pending: false });
    expect(passed).toEqual({
      status: 200,
      body: { userId: joined.userId, changed: true, roles: [], pending: false },
    });
    const [before, after] = await next;
    expect([before.pending, after.pending]).toEqual([true, false]);

    next = updated();
    await inject({ type: 'memberUpdated', userId: joined.userId, addRoles: [roles.member] });
    let [old, now] = await next;
    expect(old.roles.cache.has(roles.member)).toBe(false);
    expect(now.roles.cache.has(roles.member)).toBe(true);

    next = updated();
    const swapped = await inject<{ roles: string[] }>({
      type: 'memberUpdated',
      userId: joined.userId,
      addRoles: [roles.newcomer],
      removeRoles: [roles.member],
    });
    expect(swapped.body.roles).toEqual([roles.newcomer]);
    [old, now] = await next;
    expect([...now.roles.cache.keys()].sort()).toEqual([guildId, roles.newcomer].sort());

    // Nothing to change: answered, nothing dispatched (as on Discord).
    const same = await inject({ type: 'memberUpdated', userId: joined.userId, pending: false });
    expect(same.body).toMatchObject({ changed: false });
  });

  it('refuses changes that could not happen', async () => {
    const refused = async (body: Record<string, unknown>) =>
      (await inject<{ code?: string }>({ type: 'memberUpdated', ...body })).status;
    expect(await refused({ userId: users.carol, addRoles: ['1300000000000000999'] })).toBe(404);
    expect(await refused({ userId: users.carol, addRoles: [guildId] })).toBe(404);
    expect(await refused({ userId: users.carol, addRoles: [roles.bot] })).toBe(400);
    expect(
      await refused({ userId: users.carol, addRoles: [roles.member], removeRoles: [roles.member] }),
    ).toBe(400);
    expect(await refused({ userId: users.carol, pending: true })).toBe(409);
    expect(await refused({ userId: h.sandbox.botUserId })).toBe(400);
    expect(await refused({ userId: '1300000000000000999' })).toBe(404);
  });
});
