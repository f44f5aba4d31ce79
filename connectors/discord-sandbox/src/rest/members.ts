import express from 'express';
import { DiscordErrors, FormErrors } from '../errors.js';
import { memberUpdated, removeFromGuild } from '../membership.js';
import { basePermissions, outranks, Permissions } from '../permissions.js';
import { apiGuild, apiMember, apiRole } from '../serialize.js';
import type { RoleRecord } from '../types.js';
import { checkAssignable, requireGuildPermission } from './access.js';
import { auditReason, bodyOf, snowflakeQuery, type RestContext } from './context.js';

/** Discord's longest timeout. */
const MAX_TIMEOUT_MS = 28 * 24 * 60 * 60 * 1000;

/**
 * Guilds, members and roles: get guild/roles/members, role add/remove, modify member (roles,
 * nick, `communication_disabled_until` timeouts), kick — with Discord's permission and
 * role-hierarchy checks (50013) and the audit-log reason recorded. Bans are in `bans.ts`.
 */
export function memberRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;
  const bot = () => state.botUserId;

  router.get('/guilds/:guildId', (req, res) => {
    res.json(apiGuild(state, state.guild(req.params.guildId), req.query.with_counts === 'true'));
  });

  router.get('/guilds/:guildId/roles', (req, res) => {
    res.json([...state.guild(req.params.guildId).roles.values()].map(apiRole));
  });

  router.get('/guilds/:guildId/members', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? 1) || 1));
    const after = snowflakeQuery(req.query.after, 'after', 0n) ?? 0n;
    const members = state
      .presentMembers(guild)
      .filter((m) => BigInt(m.userId) > after)
      .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
      .slice(0, limit);
    res.json(members.map((m) => apiMember(state, guild, m)));
  });

  router.get('/guilds/:guildId/members/search', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const query = String(req.query.query ?? '').toLowerCase();
    const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? 1) || 1));
    const members = state
      .presentMembers(guild)
      .filter((m) => (state.users.get(m.userId)?.username ?? '').toLowerCase().startsWith(query));
    res.json(members.slice(0, limit).map((m) => apiMember(state, guild, m)));
  });

  // As on Discord: 10013 Unknown User for an id nobody has, 10007 Unknown Member for a user who
  // is not (or no longer) in this guild — executors rely on it to check membership.
  router.get('/guilds/:guildId/members/:userId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const user = state.user(req.params.userId);
    res.json(apiMember(state, guild, state.member(guild, user.id)));
  });

  router.patch('/guilds/:guildId/members/@me', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const member = state.member(guild, bot());
    const body = bodyOf(req);
    if (body.nick !== undefined)
      member.nick = typeof body.nick === 'string' && body.nick ? body.nick : null;
    memberUpdated(ctx, guild, member);
    res.json(apiMember(state, guild, member));
  });

  router.patch('/guilds/:guildId/members/:userId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const member = state.member(guild, req.params.userId);
    const body = bodyOf(req);
    const reason = auditReason(req);
    const errors = new FormErrors();
    let until: string | null | undefined;
    if (body.communication_disabled_until !== undefined) {
      const raw = body.communication_disabled_until;
      if (raw === null) until = null;
      else if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) {
        errors.add(
          ['communication_disabled_until'],
          'DATE_TYPE_INVALID',
          'Could not parse the timestamp.',
        );
      } else if (Date.parse(raw) - Date.now() > MAX_TIMEOUT_MS) {
        errors.add(
          ['communication_disabled_until'],
          'COMMUNICATION_DISABLED_TIMESTAMP_TOO_LARGE',
          'Timeouts cannot be longer than 28 days.',
        );
      } else until = new Date(Date.parse(raw)).toISOString();
    }
    let roles: RoleRecord[] | undefined;
    if (body.roles !== undefined) {
      if (!Array.isArray(body.roles) || body.roles.some((r) => typeof r !== 'string'))
        errors.add(['roles'], 'BASE_TYPE_LIST', 'Must be an array of role ids.');
      else roles = body.roles.map((id: string) => state.role(guild, id));
    }
    if (
      body.nick !== undefined &&
      body.nick !== null &&
      (typeof body.nick !== 'string' || body.nick.length > 32)
    ) {
      errors.add(['nick'], 'BASE_TYPE_MAX_LENGTH', 'Must be 32 or fewer in length.');
    }
    errors.throwIfAny();
    if (until !== undefined) {
      requireGuildPermission(ctx, guild, Permissions.ModerateMembers);
      if (
        !outranks(guild, bot(), member.userId) ||
        basePermissions(guild, member.userId) & Permissions.Administrator
      )
        throw DiscordErrors.missingPermissions();
    }
    if (roles) {
      const next = new Set(roles.map((r) => r.id).filter((id) => id !== guild.id));
      const changed = [...next]
        .filter((id) => !member.roles.includes(id))
        .concat(member.roles.filter((id) => !next.has(id)));
      for (const id of changed) checkAssignable(ctx, guild, state.role(guild, id));
    }
    if (body.nick !== undefined && member.userId !== bot()) {
      requireGuildPermission(ctx, guild, Permissions.ManageNicknames);
      if (!outranks(guild, bot(), member.userId)) throw DiscordErrors.missingPermissions();
    }
    if (until !== undefined) {
      member.communicationDisabledUntil = until;
      state.record({
        type: until ? 'member.timeout' : 'member.timeoutRemoved',
        guildId: guild.id,
        userId: member.userId,
        reason,
        details: { until },
      });
    }
    if (roles) {
      member.roles = roles.filter((r) => r.id !== guild.id).map((r) => r.id);
      state.record({
        type: 'member.rolesSet',
        guildId: guild.id,
        userId: member.userId,
        reason,
        details: { roles: member.roles },
      });
    }
    if (body.nick !== undefined) {
      member.nick = typeof body.nick === 'string' && body.nick ? body.nick : null;
      state.record({
        type: 'member.nick',
        guildId: guild.id,
        userId: member.userId,
        reason,
        details: { nick: member.nick },
      });
    }
    memberUpdated(ctx, guild, member);
    res.json(apiMember(state, guild, member));
  });

  router.put('/guilds/:guildId/members/:userId/roles/:roleId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const member = state.member(guild, req.params.userId);
    const role = state.role(guild, req.params.roleId);
    checkAssignable(ctx, guild, role);
    if (!member.roles.includes(role.id)) {
      member.roles.push(role.id);
      memberUpdated(ctx, guild, member);
    }
    state.record({
      type: 'member.roleAdd',
      guildId: guild.id,
      userId: member.userId,
      roleId: role.id,
      reason: auditReason(req),
    });
    res.status(204).end();
  });

  router.delete('/guilds/:guildId/members/:userId/roles/:roleId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const member = state.member(guild, req.params.userId);
    const role = state.role(guild, req.params.roleId);
    checkAssignable(ctx, guild, role);
    if (member.roles.includes(role.id)) {
      member.roles = member.roles.filter((id) => id !== role.id);
      memberUpdated(ctx, guild, member);
    }
    state.record({
      type: 'member.roleRemove',
      guildId: guild.id,
      userId: member.userId,
      roleId: role.id,
      reason: auditReason(req),
    });
    res.status(204).end();
  });

  router.delete('/guilds/:guildId/members/:userId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const member = state.member(guild, req.params.userId);
    requireGuildPermission(ctx, guild, Permissions.KickMembers);
    if (!outranks(guild, bot(), member.userId)) throw DiscordErrors.missingPermissions();
    removeFromGuild(ctx, guild, member, 'kicked');
    state.record({
      type: 'member.kick',
      guildId: guild.id,
      userId: member.userId,
      reason: auditReason(req),
    });
    res.status(204).end();
  });

  return router;
}
