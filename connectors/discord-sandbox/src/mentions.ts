import type { FormErrors } from './errors.js';
import { channelPermissions, Permissions } from './permissions.js';
import type { SandboxState } from './state.js';
import type { ChannelRecord, MessageRecord } from './types.js';

/** A message's `allowed_mentions`, validated: what its content may ping. */
export interface AllowedMentions {
  parse: ReadonlyArray<'users' | 'roles' | 'everyone'>;
  users: readonly string[];
  roles: readonly string[];
  repliedUser: boolean;
}

/** Who a message pinged, as Discord reports it (`mentions`, `mention_roles`, `mention_everyone`). */
export interface ResolvedMentions {
  userIds: string[];
  roleIds: string[];
  everyone: boolean;
}

const PARSE_TYPES = ['users', 'roles', 'everyone'] as const;
/** Discord's cap on `allowed_mentions.users` and `.roles`. */
const MAX_IDS = 100;

/**
 * Validates `allowed_mentions` the way Discord does (unknown parse types, more than 100 ids, and
 * `parse: ['users']` together with `users: [...]` — likewise roles — are 50035 field errors).
 * Undefined/null means "no allowed_mentions": the content's mentions all count.
 */
export function parseAllowedMentions(
  errors: FormErrors,
  raw: unknown,
): AllowedMentions | undefined {
  if (raw === undefined || raw === null) return undefined;
  const path = ['allowed_mentions'];
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return undefined;
  }
  const body = raw as Record<string, unknown>;
  const parse: AllowedMentions['parse'][number][] = [];
  if (body.parse !== undefined && body.parse !== null) {
    if (!Array.isArray(body.parse))
      errors.add([...path, 'parse'], 'BASE_TYPE_LIST', 'Must be an array.');
    else
      body.parse.forEach((value: unknown, i) => {
        if (PARSE_TYPES.includes(value as (typeof PARSE_TYPES)[number]))
          parse.push(value as (typeof PARSE_TYPES)[number]);
        else
          errors.add(
            [...path, 'parse', i],
            'BASE_TYPE_CHOICES',
            "Value must be one of {'everyone', 'roles', 'users'}.",
          );
      });
  }
  const ids = (key: 'users' | 'roles'): string[] => {
    const value = body[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      errors.add([...path, key], 'BASE_TYPE_LIST', 'Must be an array.');
      return [];
    }
    if (value.length > MAX_IDS)
      errors.add([...path, key], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_IDS} or fewer in length.`);
    if (value.length > 0 && parse.includes(key))
      errors.add(
        path,
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${key}"] and ${key}: [ids] are mutually exclusive.`,
      );
    value.forEach((id: unknown, i) => {
      if (typeof id !== 'string' || !/^[0-9]{1,20}$/.test(id))
        errors.add(
          [...path, key, i],
          'NUMBER_TYPE_COERCE',
          `Value "${String(id)}" is not snowflake.`,
        );
    });
    return value.filter((id): id is string => typeof id === 'string');
  };
  return {
    parse,
    users: ids('users'),
    roles: ids('roles'),
    repliedUser: body.replied_user === true,
  };
}

/**
 * Who a message's content pings, as Discord decides it: `<@id>`/`<@!id>` of known users,
 * `<@&id>` of the guild's roles and `@everyone`/`@here`, each only when `allowed` lets it
 * through (no `allowed` = all of them, and the author of a replied-to message). A role is
 * pinged only if it is mentionable or the author has Mention Everyone in the channel, which
 * `@everyone`/`@here` always need. Embeds never ping.
 *
 * @example
 * resolveMentions(state, channel, botId, '<@&1300000000000000204> help', { parse: ['users'], users: [], roles: [], repliedUser: false });
 * // { userIds: [], roleIds: [], everyone: false }
 */
export function resolveMentions(
  state: SandboxState,
  channel: ChannelRecord,
  authorId: string,
  content: string,
  allowed: AllowedMentions | undefined,
  repliedTo?: MessageRecord | null,
): ResolvedMentions {
  const guild = channel.guildId ? state.guilds.get(channel.guildId) : undefined;
  const authorPerms = guild
    ? channelPermissions(guild, channel, authorId, (id) => state.channels.get(id))
    : 0n;
  const canMentionAll = (authorPerms & Permissions.MentionEveryone) !== 0n;
  const may = (kind: 'users' | 'roles', id: string) =>
    !allowed || allowed.parse.includes(kind) || allowed[kind].includes(id);

  const userIds = new Set<string>();
  for (const [, id] of content.matchAll(/<@!?(\d{1,20})>/g))
    if (id && state.users.has(id) && may('users', id)) userIds.add(id);
  if (repliedTo && (allowed ? allowed.repliedUser : true) && repliedTo.authorId !== authorId)
    userIds.add(repliedTo.authorId);

  const roleIds = new Set<string>();
  for (const [, id] of content.matchAll(/<@&(\d{1,20})>/g)) {
    const role = id ? guild?.roles.get(id) : undefined;
    if (role && may('roles', role.id) && (role.mentionable || canMentionAll)) roleIds.add(role.id);
  }

  const everyone =
    /@(everyone|here)\b/.test(content) &&
    (!allowed || allowed.parse.includes('everyone')) &&
    canMentionAll;
  return { userIds: [...userIds], roleIds: [...roleIds], everyone };
}
