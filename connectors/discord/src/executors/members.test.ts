import { describe, expect, it } from 'vitest';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  useHarness,
} from '../testing/harness.js';
import {
  addRoleExecutor,
  banMemberExecutor,
  kickMemberExecutor,
  removeRoleExecutor,
  timeoutMemberExecutor,
} from './members.js';

const { roles, users } = SANDBOX_IDS;

describe('member executors against the sandbox', () => {
  const h = useHarness();

  it('addRole gives the role with a default audit reason naming graph, run and node; twice is fine', async () => {
    const add = addRoleExecutor(h.deps);
    const context = actionContext({ nodeId: 'role', runId: 'run-42' });
    const config = { userId: users.frank, roleId: roles.newcomer };
    expect(await inActivity(() => add({ config, context }))).toEqual({});
    expect(await inActivity(() => add({ config, context }))).toEqual({});
    expect(h.sandbox.member(h.sandbox.guildId, users.frank).roles).toEqual([roles.newcomer]);
    const reason = 'Guildflow: graph graph-test v1, run run-42, node role';
    expect(h.sandbox.actions({ type: 'member.roleAdd' })[0]).toMatchObject({
      roleId: roles.newcomer,
      reason,
    });
    expect(h.sandbox.requests({ method: 'PUT' })[0]?.auditLogReason).toBe(reason);
  });

  it('removeRole takes the role with the configured reason', async () => {
    const config = { userId: users.erin, roleId: roles.newcomer, reason: 'Onboarding done' };
    await inActivity(() => removeRoleExecutor(h.deps)({ config, context: actionContext() }));
    expect(h.sandbox.member(h.sandbox.guildId, users.erin).roles).toEqual([]);
    expect(h.sandbox.actions({ type: 'member.roleRemove' })[0]).toMatchObject({
      userId: users.erin,
      reason: 'Onboarding done',
    });
  });

  it('addRole above the bot is MissingPermissions after exactly one request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        addRoleExecutor(h.deps)({
          config: { userId: users.carol, roleId: roles.moderator },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'MissingPermissions', nonRetryable: true });
    expect(failure.message).toBe(
      `Guildflow's bot lacks permission to give role ${roles.moderator} to member ${users.carol}: give it Manage Roles. Guildflow's highest role must also be above the role it gives or takes.`,
    );
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it('timeoutMember sets the same end on every attempt (scheduled time + duration) and returns { until }', async () => {
    const scheduled = Date.now() - 5_000;
    const timeout = timeoutMemberExecutor(h.deps);
    const config = { userId: users.dave, duration: '1h', reason: 'Spam' };
    const first = await inActivity(() => timeout({ config, context: actionContext() }), {
      scheduledTimestampMs: scheduled,
    });
    const retry = await inActivity(() => timeout({ config, context: actionContext() }), {
      attempt: 2,
      scheduledTimestampMs: scheduled,
    });
    expect(first).toEqual({ until: new Date(scheduled + 3_600_000).toISOString() });
    expect(retry).toEqual(first);
    expect(h.sandbox.member(h.sandbox.guildId, users.dave).timedOutUntil).toBe(first.until);
    expect(h.sandbox.actions({ type: 'member.timeout' })[0]?.reason).toBe('Spam');
  });

  it('timeoutMember refuses more than 28 days (rendered) before any request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        timeoutMemberExecutor(h.deps)({
          config: { userId: users.dave, duration: '29d' },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(failure.message).toContain('duration: A timeout lasts at most 28 days.');
    expect(h.sandbox.requests()).toEqual([]);
  });

  it('kickMember kicks with the reason; a member already gone counts as kicked', async () => {
    const kick = kickMemberExecutor(h.deps);
    const config = { userId: users.frank, reason: 'Third warning' };
    expect(await inActivity(() => kick({ config, context: actionContext() }))).toEqual({});
    expect(h.sandbox.member(h.sandbox.guildId, users.frank)).toMatchObject({
      kicked: true,
      present: false,
    });
    expect(h.sandbox.actions({ type: 'member.kick' })).toEqual([
      expect.objectContaining({ userId: users.frank, reason: 'Third warning' }),
    ]);
    expect(await inActivity(() => kick({ config, context: actionContext() }))).toEqual({});
    expect(h.sandbox.requests({ method: 'DELETE' }).map((r) => r.status)).toEqual([204, 404]);
  });

  it('kickMember on a Moderator (above the bot) is MissingPermissions, one request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        kickMemberExecutor(h.deps)({ config: { userId: users.bob }, context: actionContext() }),
      ),
    );
    expect(failure).toMatchObject({ type: 'MissingPermissions', nonRetryable: true });
    expect(failure.message).toContain(
      `lacks permission to kick member ${users.bob}: give it Kick Members.`,
    );
    expect(h.sandbox.requests()).toHaveLength(1);
    expect(h.sandbox.member(h.sandbox.guildId, users.bob).present).toBe(true);
  });

  it('banMember bans, deleting recent messages, with the reason', async () => {
    h.sandbox.inject({
      type: 'messageCreated',
      guildId: h.sandbox.guildId,
      channelId: SANDBOX_IDS.channels.general,
      userId: users.dave,
      content: 'scam link',
    });
    const config = { userId: users.dave, reason: 'Scam links', deleteMessageSeconds: 3600 };
    expect(
      await inActivity(() => banMemberExecutor(h.deps)({ config, context: actionContext() })),
    ).toEqual({});
    expect(h.sandbox.member(h.sandbox.guildId, users.dave)).toMatchObject({ banned: true });
    expect(h.sandbox.actions({ type: 'member.ban' })[0]).toMatchObject({
      userId: users.dave,
      reason: 'Scam links',
    });
    expect(h.sandbox.messages({ authorId: users.dave })).toEqual([]);
    expect(h.sandbox.requests({ method: 'PUT' })[0]?.body).toEqual({
      delete_message_seconds: 3600,
    });
  });

  it('an unknown role is UnknownResource after one request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        addRoleExecutor(h.deps)({
          config: { userId: users.carol, roleId: '1300000000000000299' },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(failure.message).toContain('the role does not exist');
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it("acts in the run's server only: another server's members, roles and memberships stay as they are", async () => {
    const { guild, otherGuild } = SANDBOX_IDS;
    const context = actionContext(); // a run of the main guild
    const grace = otherGuild.users.grace; // a member of the other guild only
    const refused = [
      () => addRoleExecutor(h.deps)({ config: { userId: grace, roleId: roles.member }, context }),
      () =>
        removeRoleExecutor(h.deps)({ config: { userId: grace, roleId: roles.member }, context }),
      () => timeoutMemberExecutor(h.deps)({ config: { userId: grace, duration: '1h' }, context }),
      // The other guild's role id does not exist here.
      () =>
        addRoleExecutor(h.deps)({
          config: { userId: users.carol, roleId: otherGuild.roles.member },
          context,
        }),
    ];
    for (const act of refused)
      expect(await failureOf(inActivity(act))).toMatchObject({
        type: 'UnknownResource',
        nonRetryable: true,
      });
    // Kicking a non-member has nothing to do; a ban keeps the user out of this server only (as
    // on Discord); carol, in both servers, is timed out here only.
    await inActivity(() => kickMemberExecutor(h.deps)({ config: { userId: grace }, context }));
    await inActivity(() => banMemberExecutor(h.deps)({ config: { userId: grace }, context }));
    await inActivity(() =>
      timeoutMemberExecutor(h.deps)({ config: { userId: users.carol, duration: '1h' }, context }),
    );
    expect(h.sandbox.member(otherGuild.id, grace)).toMatchObject({
      present: true,
      banned: false,
      kicked: false,
      roles: [],
    });
    expect(h.sandbox.member(otherGuild.id, users.carol)).toMatchObject({
      timedOutUntil: null,
      roles: [otherGuild.roles.member],
    });
    expect(h.sandbox.member(guild, users.carol).timedOutUntil).not.toBeNull();
    expect(h.sandbox.actions({ guildId: otherGuild.id })).toEqual([]);
  });
});
