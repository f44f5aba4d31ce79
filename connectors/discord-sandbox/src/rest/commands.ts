import express, { type Request } from 'express';
import { DiscordErrors, FormErrors } from '../errors.js';
import { snowflake } from '../snowflake.js';
import type { CommandRecord } from '../types.js';
import type { RestContext } from './context.js';
import { parseCommand, type CommandBody } from './validate-command.js';

/**
 * Application commands, global and per guild: list, bulk overwrite (what `trigger.slashCommand`
 * publishing uses), create (upsert by name, as Discord does), get, edit, delete.
 */
export function commandRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;

  /** Checks the application id and guild; returns the guild id (null = global). */
  const scope = (req: Request): string | null => {
    const params = req.params as Record<string, string | undefined>;
    if (params.appId !== state.applicationId) throw DiscordErrors.missingAccess();
    return params.guildId ? state.guild(params.guildId).id : null;
  };
  const list = (guildId: string | null) =>
    [...state.commands.values()].filter((c) => c.guildId === guildId);
  const find = (guildId: string | null, id: string | undefined) => {
    const command = id ? state.commands.get(id) : undefined;
    if (!command || command.guildId !== guildId) throw DiscordErrors.unknownCommand();
    return command;
  };
  const store = (
    guildId: string | null,
    body: CommandBody,
    existing?: CommandRecord,
  ): CommandRecord => {
    const record: CommandRecord = {
      id: existing?.id ?? snowflake(),
      guildId,
      name: body.name,
      type: body.type,
      description: body.description,
      options: body.options,
      defaultMemberPermissions: body.defaultMemberPermissions,
      nsfw: body.nsfw,
      version: snowflake(),
      raw: body.raw,
      registeredAt: new Date().toISOString(),
    };
    state.commands.set(record.id, record);
    return record;
  };
  const json = (c: CommandRecord) => ({
    id: c.id,
    application_id: state.applicationId,
    ...(c.guildId ? { guild_id: c.guildId } : { dm_permission: true }),
    name: c.name,
    name_localizations: null,
    description: c.description,
    description_localizations: null,
    ...(c.options.length ? { options: c.options } : {}),
    default_member_permissions: c.defaultMemberPermissions,
    type: c.type,
    nsfw: c.nsfw,
    version: c.version,
    integration_types: [0],
    contexts: null,
  });

  for (const base of [
    '/applications/:appId/commands',
    '/applications/:appId/guilds/:guildId/commands',
  ]) {
    router.get(base, (req, res) => {
      res.json(list(scope(req)).map(json));
    });

    router.put(base, (req, res) => {
      const guildId = scope(req);
      const errors = new FormErrors();
      if (!Array.isArray(req.body)) {
        errors.add([], 'BASE_TYPE_LIST', 'Must be an array.');
        errors.throwIfAny();
      }
      const bodies = (req.body as unknown[]).map((c, i) => parseCommand(errors, [i], c));
      const seen = new Set<string>();
      bodies.forEach((b, i) => {
        const key = `${b?.type}:${b?.name}`;
        if (b && seen.has(key))
          errors.add(
            [i, 'name'],
            'APPLICATION_COMMANDS_DUPLICATE_NAME',
            'Application command names must be unique',
          );
        seen.add(key);
      });
      if (bodies.length > 100)
        errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
      errors.throwIfAny();
      const previous = list(guildId);
      for (const old of previous) state.commands.delete(old.id);
      const stored = bodies.map((b) =>
        store(
          guildId,
          b as CommandBody,
          previous.find((p) => p.name === b?.name && p.type === b?.type),
        ),
      );
      state.record({
        type: 'commands.overwrite',
        guildId,
        details: { names: stored.map((c) => c.name) },
      });
      res.json(stored.map(json));
    });

    router.post(base, (req, res) => {
      const guildId = scope(req);
      const errors = new FormErrors();
      const body = parseCommand(errors, [], req.body);
      errors.throwIfAny();
      const parsed = body as CommandBody;
      const existing = list(guildId).find((c) => c.name === parsed.name && c.type === parsed.type);
      const stored = store(guildId, parsed, existing);
      state.record({
        type: 'commands.create',
        guildId,
        details: { name: stored.name, id: stored.id },
      });
      res.status(existing ? 200 : 201).json(json(stored));
    });

    router.get(`${base}/:commandId`, (req, res) => {
      res.json(json(find(scope(req), req.params.commandId)));
    });

    router.patch(`${base}/:commandId`, (req, res) => {
      const guildId = scope(req);
      const existing = find(guildId, req.params.commandId);
      const errors = new FormErrors();
      const merged = { ...existing.raw, ...(req.body as Record<string, unknown>) };
      const body = parseCommand(errors, [], merged);
      errors.throwIfAny();
      const stored = store(guildId, body as CommandBody, existing);
      state.record({
        type: 'commands.edit',
        guildId,
        details: { name: stored.name, id: stored.id },
      });
      res.json(json(stored));
    });

    router.delete(`${base}/:commandId`, (req, res) => {
      const guildId = scope(req);
      const command = find(guildId, req.params.commandId);
      state.commands.delete(command.id);
      state.record({
        type: 'commands.delete',
        guildId,
        details: { name: command.name, id: command.id },
      });
      res.status(204).end();
    });
  }

  return router;
}
