import { DiscordErrors, FormErrors } from '../errors.js';
import { basePermissions } from '../permissions.js';
import type { SandboxState } from '../state.js';
import type { GuildRecord, OverwriteRecord } from '../types.js';

/**
 * Parses `permission_overwrites` (discord.js sends `{ id, type: 0|1, allow, deny }` with
 * permissions as decimal strings). Targets must exist in the guild, and — as on Discord — the bot
 * cannot allow or deny a permission it does not hold itself (50013).
 *
 * @example
 * channel.overwrites = parseOverwrites(state, guild, body.permission_overwrites, ['permission_overwrites']);
 */
export function parseOverwrites(
  state: SandboxState,
  guild: GuildRecord,
  raw: unknown,
  path: Array<string | number>,
): OverwriteRecord[] {
  const errors = new FormErrors();
  if (!Array.isArray(raw)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be an array.');
    errors.throwIfAny();
    return [];
  }
  const out: OverwriteRecord[] = [];
  raw.forEach((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const type = o.type === 'role' ? 0 : o.type === 'member' ? 1 : o.type;
    const id = o.id;
    if (typeof id !== 'string' || !/^\d+$/.test(id))
      return errors.add([...path, i, 'id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    if (type !== 0 && type !== 1)
      return errors.add([...path, i, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of (0, 1).');
    if (type === 0 && !guild.roles.has(id))
      return errors.add([...path, i, 'id'], 'UNKNOWN_ROLE', 'Unknown role');
    if (type === 1 && !state.users.has(id))
      return errors.add([...path, i, 'id'], 'UNKNOWN_USER', 'Unknown user');
    const allow = permissionBits(o.allow);
    const deny = permissionBits(o.deny);
    if (allow === null)
      return errors.add(
        [...path, i, 'allow'],
        'NUMBER_TYPE_COERCE',
        `Value "${String(o.allow)}" is not snowflake.`,
      );
    if (deny === null)
      return errors.add(
        [...path, i, 'deny'],
        'NUMBER_TYPE_COERCE',
        `Value "${String(o.deny)}" is not snowflake.`,
      );
    out.push({ id, type, allow, deny });
  });
  errors.throwIfAny();
  const held = basePermissions(guild, state.botUserId);
  if (out.some((o) => (o.allow | o.deny) & ~held)) throw DiscordErrors.missingPermissions();
  return out;
}

/**
 * A permission value as Discord accepts it: a decimal string or a number; absent = 0.
 *
 * @example
 * permissionBits('1024'); // 1024n
 */
export function permissionBits(value: unknown): bigint | null {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  return null;
}
