import { ApplicationFailure } from '@temporalio/activity';
import { DISCORD_LIMITS, ERROR_TYPES, parseDuration } from '@guildflow/engine/core';
import { Routes, type APIGuildMember } from 'discord.js';
import { discordCall, ignoreCodes } from '../errors/classify.js';
import { attemptInfo, auditReason, defineExecutor } from './define.js';

const HIERARCHY =
  "Its highest role must also be above the member's highest role, and nobody can moderate the server owner.";
const ROLE_HIERARCHY = "Guildflow's highest role must also be above the role it gives or takes.";
const MAX_TIMEOUT_MS = DISCORD_LIMITS.timeoutDays * 86_400_000;

/**
 * `discord.addRole`: gives a member a role, with the audit-log reason. Naturally idempotent:
 * Discord answers 204 when the member has the role already.
 *
 * @example
 * await addRoleExecutor(deps)({ config: { userId, roleId }, context }); // {}
 */
export const addRoleExecutor = defineExecutor(
  'discord.addRole',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await discordCall(
      {
        doing: `give role ${config.roleId} to member ${config.userId}`,
        permissions: 'Manage Roles',
        permissionHint: ROLE_HIERARCHY,
      },
      () =>
        rest.put(Routes.guildMemberRole(context.guildId, config.userId, config.roleId), {
          reason: auditReason(config.reason, context),
          signal,
        }),
    );
    return {};
  },
);

/**
 * `discord.removeRole`: takes a role from a member. Naturally idempotent (not having the role is
 * fine). A member who left is an `UnknownResource` error.
 */
export const removeRoleExecutor = defineExecutor(
  'discord.removeRole',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await discordCall(
      {
        doing: `take role ${config.roleId} from member ${config.userId}`,
        permissions: 'Manage Roles',
        permissionHint: ROLE_HIERARCHY,
      },
      () =>
        rest.delete(Routes.guildMemberRole(context.guildId, config.userId, config.roleId), {
          reason: auditReason(config.reason, context),
          signal,
        }),
    );
    return {};
  },
);

/**
 * `discord.timeoutMember`: times a member out until the step's first scheduling time plus
 * `duration` (at most 28 days). Idempotent: every attempt sets the same end time. Output
 * `{ until }` is the ISO end Discord stored.
 *
 * @example
 * await timeoutMemberExecutor(deps)({ config: { userId, duration: '1h' }, context }); // { until: '…' }
 */
export const timeoutMemberExecutor = defineExecutor(
  'discord.timeoutMember',
  async ({ config, context }, { rest }) => {
    const { signal, scheduledAtMs } = attemptInfo(context);
    const ms = parseDuration(config.duration);
    if (ms <= 0 || ms > MAX_TIMEOUT_MS)
      throw ApplicationFailure.create({
        type: ERROR_TYPES.invalidConfig,
        message: `A timeout lasts more than 0 seconds and at most ${DISCORD_LIMITS.timeoutDays} days; "${config.duration}" does not.`,
        nonRetryable: true,
      });
    // Never in the past (a long-delayed retry still times the member out).
    const until = new Date(Math.max(scheduledAtMs + ms, Date.now() + 1000)).toISOString();
    const member = await discordCall(
      {
        doing: `time out member ${config.userId}`,
        permissions: 'Moderate Members',
        permissionHint: `${HIERARCHY} Administrators cannot be timed out.`,
      },
      () =>
        rest.patch(Routes.guildMember(context.guildId, config.userId), {
          body: { communication_disabled_until: until },
          reason: auditReason(config.reason, context),
          signal,
        }) as Promise<APIGuildMember>,
    );
    const stored = member.communication_disabled_until;
    return { until: stored ? new Date(stored).toISOString() : until };
  },
);

/**
 * `discord.kickMember`: removes a member (they may rejoin). A member who is already gone
 * (10007 Unknown Member: left, kicked, or kicked by an earlier attempt whose answer was lost)
 * counts as kicked.
 *
 * @example
 * await kickMemberExecutor(deps)({ config: { userId, reason: 'Third warning' }, context }); // {}
 */
export const kickMemberExecutor = defineExecutor(
  'discord.kickMember',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await discordCall(
      {
        doing: `kick member ${config.userId}`,
        permissions: 'Kick Members',
        permissionHint: HIERARCHY,
      },
      () =>
        rest
          .delete(Routes.guildMember(context.guildId, config.userId), {
            reason: auditReason(config.reason, context),
            signal,
          })
          .catch(ignoreCodes(10007)),
    );
    return {};
  },
);

/**
 * `discord.banMember`: bans a user (member or not), optionally deleting their messages of the
 * last `deleteMessageSeconds` (≤ 7 days). Naturally idempotent: banning a banned user is a 204.
 */
export const banMemberExecutor = defineExecutor(
  'discord.banMember',
  async ({ config, context }, { rest }) => {
    const { signal } = attemptInfo(context);
    await discordCall(
      {
        doing: `ban user ${config.userId}`,
        permissions: 'Ban Members',
        permissionHint: HIERARCHY,
      },
      () =>
        rest.put(Routes.guildBan(context.guildId, config.userId), {
          body: { delete_message_seconds: config.deleteMessageSeconds ?? 0 },
          reason: auditReason(config.reason, context),
          signal,
        }),
    );
    return {};
  },
);
