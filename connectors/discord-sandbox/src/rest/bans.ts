import express from 'express';
import { DiscordErrors, FormErrors } from '../errors.js';
import { Intents } from '../gateway/intents.js';
import { removeFromGuild } from '../membership.js';
import { deleteMessage } from '../messaging.js';
import { outranks, Permissions } from '../permissions.js';
import { apiUser } from '../serialize.js';
import { newMember } from '../state.js';
import { requireGuildPermission } from './access.js';
import { auditReason, bodyOf, type RestContext } from './context.js';

/**
 * Bans: list, get, ban (`PUT /guilds/:g/bans/:u`, deleting the user's recent messages as asked
 * with `delete_message_seconds`) and unban, with the hierarchy check and audit reason.
 */
export function banRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;
  const bot = () => state.botUserId;

  router.get('/guilds/:guildId/bans', (req, res) => {
    const guild = state.guild(req.params.guildId);
    requireGuildPermission(ctx, guild, Permissions.BanMembers);
    res.json(
      [...guild.bans.values()].map((b) => ({
        reason: b.reason,
        user: apiUser(state.user(b.userId)),
      })),
    );
  });

  router.get('/guilds/:guildId/bans/:userId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    requireGuildPermission(ctx, guild, Permissions.BanMembers);
    const ban = guild.bans.get(req.params.userId);
    if (!ban) throw DiscordErrors.unknownBan();
    res.json({ reason: ban.reason, user: apiUser(state.user(ban.userId)) });
  });

  router.put('/guilds/:guildId/bans/:userId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    const user = state.user(req.params.userId);
    const body = bodyOf(req);
    const seconds =
      body.delete_message_seconds ??
      (typeof body.delete_message_days === 'number' ? body.delete_message_days * 86_400 : 0);
    if (
      typeof seconds !== 'number' ||
      !Number.isInteger(seconds) ||
      seconds < 0 ||
      seconds > 604_800
    ) {
      const errors = new FormErrors();
      errors.add(
        ['delete_message_seconds'],
        'NUMBER_TYPE_MAX',
        'int value should be less than or equal to 604800.',
      );
      errors.throwIfAny();
    }
    requireGuildPermission(ctx, guild, Permissions.BanMembers);
    const member = guild.members.get(user.id);
    if (
      (member?.present && !outranks(guild, bot(), user.id)) ||
      user.id === guild.ownerId ||
      user.id === bot()
    )
      throw DiscordErrors.missingPermissions();
    const reason = auditReason(req);
    guild.bans.set(user.id, { userId: user.id, reason, at: new Date().toISOString() });
    const since = Date.now() - (seconds as number) * 1000;
    for (const message of state.messages.values()) {
      if (
        message.guildId === guild.id &&
        message.authorId === user.id &&
        !message.deletedAt &&
        Date.parse(message.createdAt) >= since
      )
        deleteMessage(ctx, message);
    }
    ctx.gateway.dispatch(
      'GUILD_BAN_ADD',
      { guild_id: guild.id, user: apiUser(user) },
      { guildId: guild.id, intent: Intents.GuildModeration },
    );
    if (member?.present) removeFromGuild(ctx, guild, member, 'banned');
    else
      guild.members.set(user.id, {
        ...(member ?? newMember(user.id, [], new Date().toISOString())),
        present: false,
        banned: true,
      });
    state.record({
      type: 'member.ban',
      guildId: guild.id,
      userId: user.id,
      reason,
      details: { deleteMessageSeconds: seconds },
    });
    res.status(204).end();
  });

  router.delete('/guilds/:guildId/bans/:userId', (req, res) => {
    const guild = state.guild(req.params.guildId);
    requireGuildPermission(ctx, guild, Permissions.BanMembers);
    if (!guild.bans.delete(req.params.userId)) throw DiscordErrors.unknownBan();
    const member = guild.members.get(req.params.userId);
    if (member) member.banned = false;
    const user = state.user(req.params.userId);
    ctx.gateway.dispatch(
      'GUILD_BAN_REMOVE',
      { guild_id: guild.id, user: apiUser(user) },
      { guildId: guild.id, intent: Intents.GuildModeration },
    );
    state.record({
      type: 'member.unban',
      guildId: guild.id,
      userId: user.id,
      reason: auditReason(req),
    });
    res.status(204).end();
  });

  return router;
}
