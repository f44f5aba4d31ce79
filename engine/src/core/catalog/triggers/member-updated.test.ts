import { Value } from '@sinclair/typebox/value';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../fields.js';
import { defaultAvatarUrl, memberAvatarUrl } from './avatars.js';
import { memberRef, type EventOf } from './events.js';
import { memberUpdated, type MemberUpdatedEvent } from './member-updated.js';
import { ROUTED_TRIGGERS, TRIGGER_NODES } from './trigger-nodes.js';

const ajv = new Ajv({ allErrors: true });
const GUILD = '1300000000000000000';
const MODERATOR = '1300000000000000204';
const VERIFIED = '1300000000000000205';
const bob = memberRef('1300000000000000302', 'bob', [GUILD, MODERATOR], GUILD);

function update(
  change: Partial<EventOf<typeof MemberUpdatedEvent>> = {},
): EventOf<typeof MemberUpdatedEvent> {
  return {
    kind: 'memberUpdated',
    eventId: 'mupd_s_1',
    guildId: GUILD,
    member: { ...bob, avatarUrl: defaultAvatarUrl(bob.id), pending: false, bot: false },
    guild: { id: GUILD, name: 'Sandbox', memberCount: 6 },
    rolesAdded: [],
    rolesRemoved: [],
    screeningPassed: false,
    ...change,
  };
}

describe('trigger.memberUpdated', () => {
  it('is a routed trigger of the palette', () => {
    expect(TRIGGER_NODES).toContain(memberUpdated);
    expect(ROUTED_TRIGGERS).toContain(memberUpdated);
    expect(memberUpdated.event.kind).toBe('memberUpdated');
  });

  it('accepts a change mode and a role, literal or an expression, and nothing else', () => {
    const ok = (config: Record<string, unknown>) =>
      ajv.validate(memberUpdated.config, config) && checkConfig(memberUpdated, config).length === 0;
    expect(ok({})).toBe(true);
    expect(ok({ change: 'screening' })).toBe(true);
    expect(ok({ change: 'roles', roleId: VERIFIED })).toBe(true);
    expect(ok({ roleId: '{{ vars.verifiedRoleId }}' })).toBe(true);
    expect(ok({ change: 'nickname' })).toBe(false);
    expect(ok({ roleId: 'moderators' })).toBe(false);
    expect(ok({ userId: bob.id })).toBe(false);
    for (const example of memberUpdated.examples ?? []) expect(ok(example.config)).toBe(true);
  });

  it('outputs the member with roles, avatar and screening, and what changed', () => {
    const event = update({ rolesAdded: [VERIFIED], screeningPassed: true });
    const payload = memberUpdated.match({})(event);
    expect(payload).toEqual({
      member: {
        id: bob.id,
        username: 'bob',
        mention: `<@${bob.id}>`,
        roles: [MODERATOR],
        avatarUrl: 'https://cdn.discordapp.com/embed/avatars/2.png',
        pending: false,
      },
      guild: { id: GUILD, name: 'Sandbox', memberCount: 6 },
      rolesAdded: [VERIFIED],
      rolesRemoved: [],
      screeningPassed: true,
    });
    expect(Value.Check(memberUpdated.output, payload)).toBe(true);
  });

  it('narrows to role changes, screening, or one added role; bots never trigger', () => {
    const fires = (config: Record<string, unknown>, event = update()) =>
      memberUpdated.match(config)(event) !== undefined;
    const nickname = update();
    const gotVerified = update({ rolesAdded: [VERIFIED] });
    const lostVerified = update({ rolesRemoved: [VERIFIED] });
    const screened = update({ screeningPassed: true });
    expect([nickname, gotVerified, lostVerified, screened].map((e) => fires({}, e))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const roles = { change: 'roles' };
    expect([nickname, gotVerified, lostVerified, screened].map((e) => fires(roles, e))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const screening = { change: 'screening' };
    expect([nickname, gotVerified, screened].map((e) => fires(screening, e))).toEqual([
      false,
      false,
      true,
    ]);
    const verified = { roleId: VERIFIED };
    expect(
      [gotVerified, lostVerified, update({ rolesAdded: [MODERATOR] })].map((e) =>
        fires(verified, e),
      ),
    ).toEqual([true, false, false]);
    const bot = update({ rolesAdded: [VERIFIED] });
    bot.member.bot = true;
    expect(fires({}, bot)).toBe(false);
    // Records written before a field existed, or by hand, never throw: an unknown mode is `any`.
    expect(fires({ change: 42, roleId: '' }, nickname)).toBe(true);
  });
});

describe('member references', () => {
  it('carry the role ids without @everyone', () => {
    expect(memberRef('7', 'zoe', [GUILD, VERIFIED], GUILD)).toEqual({
      id: '7',
      username: 'zoe',
      mention: '<@7>',
      roles: [VERIFIED],
    });
  });

  it('show the server avatar, else the user’s, else Discord’s default', () => {
    const userId = bob.id;
    expect(
      memberAvatarUrl({ guildId: GUILD, userId, memberAvatar: 'abc', userAvatar: 'def' }),
    ).toBe(`https://cdn.discordapp.com/guilds/${GUILD}/users/${userId}/avatars/abc.png`);
    expect(memberAvatarUrl({ guildId: GUILD, userId, userAvatar: 'a_def' })).toBe(
      `https://cdn.discordapp.com/avatars/${userId}/a_def.gif`,
    );
    // Current usernames: (id >> 22) % 6; legacy ones: discriminator % 5.
    expect(memberAvatarUrl({ guildId: GUILD, userId, discriminator: '0' })).toBe(
      'https://cdn.discordapp.com/embed/avatars/2.png',
    );
    expect(defaultAvatarUrl(userId, '1337')).toBe('https://cdn.discordapp.com/embed/avatars/2.png');
    expect(defaultAvatarUrl('80351110224678912', '4')).toBe(
      'https://cdn.discordapp.com/embed/avatars/4.png',
    );
  });
});
