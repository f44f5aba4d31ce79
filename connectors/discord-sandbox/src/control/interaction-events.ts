import { randomBytes } from 'node:crypto';
import type { Core } from '../core.js';
import { apiChannel, apiMember, apiRole, apiUser } from '../serialize.js';
import { snowflake } from '../snowflake.js';
import type {
  ChannelRecord,
  CommandRecord,
  GuildRecord,
  InteractionRecord,
  MemberRecord,
  MessageRecord,
} from '../types.js';
import { ControlError, invalid } from './control-error.js';

/** An application command option as it appears in an interaction. */
interface OptionValue {
  name: string;
  type: number;
  value?: unknown;
  options?: OptionValue[];
}

type Resolved = Record<'users' | 'members' | 'roles' | 'channels', Record<string, unknown>>;

/**
 * Builds, stores and dispatches an INTERACTION_CREATE with everything discord.js reads: member
 * with permissions, channel, app_permissions, entitlements, integration owners.
 */
export function createInteraction(
  core: Core,
  input: {
    guild: GuildRecord;
    channel: ChannelRecord;
    member: MemberRecord;
    type: 2 | 3;
    data: Record<string, unknown>;
    message?: Record<string, unknown>;
    command?: InteractionRecord['command'];
    component?: InteractionRecord['component'];
  },
): InteractionRecord {
  const { state } = core;
  const { guild, channel, member } = input;
  const now = Date.now();
  const id = snowflake(now);
  const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString('base64url')}`;
  const payload: Record<string, unknown> = {
    id,
    application_id: state.applicationId,
    type: input.type,
    token,
    version: 1,
    data: input.data,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: apiChannel(state, channel),
    member: apiMember(state, guild, member, { permissionsIn: channel }),
    app_permissions: state.botPermissionsIn(channel).toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...(input.message ? { message: input.message } : {}),
  };
  const record: InteractionRecord = {
    id,
    token,
    type: input.type,
    guildId: guild.id,
    channelId: channel.id,
    userId: member.userId,
    createdAt: new Date(now).toISOString(),
    command: input.command ?? null,
    component: input.component ?? null,
    acknowledged: false,
    acknowledgedAt: null,
    responseType: null,
    ephemeral: false,
    originalMessageId: null,
    followUpMessageIds: [],
    responses: [],
    payload,
  };
  state.interactions.set(id, record);
  core.gateway.dispatch('INTERACTION_CREATE', payload, { guildId: guild.id, intent: null });
  return record;
}

/**
 * Finds the button a click targets: it must exist on the message and be enabled, or the click
 * could not have happened on Discord (400 unknown_component / component_disabled).
 */
export function findButton(message: MessageRecord, customId: string): Record<string, unknown> {
  const stack: unknown[] = [...message.components];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.custom_id === customId && node.type === 2) {
      if (node.disabled === true)
        throw new ControlError(400, 'component_disabled', `The button ${customId} is disabled.`);
      return node;
    }
    if (Array.isArray(node.components)) stack.push(...(node.components as unknown[]));
    if (node.accessory) stack.push(node.accessory);
  }
  throw new ControlError(
    400,
    'unknown_component',
    `Message ${message.id} has no button with customId ${customId}.`,
  );
}

/**
 * The registered command for a name (guild first, then global), if any.
 *
 * @example
 * findCommand(core, guildId, 'giveaway')?.id;
 */
export function findCommand(core: Core, guildId: string, name: string): CommandRecord | undefined {
  const all = [...core.state.commands.values()].filter((c) => c.name === name && c.type === 1);
  return all.find((c) => c.guildId === guildId) ?? all.find((c) => c.guildId === null);
}

/**
 * Turns `options` from the control API — `{ name: value }` or `[{ name, value, type? }]` — into
 * interaction options with Discord types (from the registered command when there is one,
 * inferred from the JSON value otherwise) and `resolved` users, members, roles and channels.
 */
export function commandOptions(
  core: Core,
  guild: GuildRecord,
  command: CommandRecord | undefined,
  input: unknown,
): { options: OptionValue[]; resolved: Resolved | null } {
  const resolved: Resolved = { users: {}, members: {}, roles: {}, channels: {} };
  let used = false;
  const list: Array<Record<string, unknown>> =
    input === undefined || input === null
      ? []
      : Array.isArray(input)
        ? input.map((o) => ({ ...(o as Record<string, unknown>) }))
        : typeof input === 'object'
          ? Object.entries(input as Record<string, unknown>).map(([name, value]) => ({
              name,
              value,
            }))
          : (() => {
              throw invalid(
                'options must be an object of { name: value } or a list of { name, value }.',
              );
            })();
  const convert = (
    items: Array<Record<string, unknown>>,
    defs: Array<Record<string, unknown>> | null,
  ): OptionValue[] => {
    for (const def of defs ?? []) {
      if (def.required === true && !items.some((i) => i.name === def.name))
        throw new ControlError(
          400,
          'missing_option',
          `The option ${String(def.name)} is required.`,
        );
    }
    return items.map((item) => {
      if (typeof item.name !== 'string') throw invalid('Every option needs a name.');
      const def = defs?.find((d) => d.name === item.name);
      if (defs && !def)
        throw new ControlError(400, 'unknown_option', `The command has no option ${item.name}.`);
      const type =
        (def?.type as number | undefined) ??
        (item.type as number | undefined) ??
        inferType(item.value);
      if (type === 1 || type === 2) {
        const nested = Array.isArray(item.options)
          ? (item.options as Array<Record<string, unknown>>)
          : [];
        return {
          name: item.name,
          type,
          options: convert(
            nested,
            def ? ((def.options as Array<Record<string, unknown>>) ?? []) : null,
          ),
        };
      }
      const value = item.value;
      checkValue(item.name, type, value);
      if (type >= 6 && type <= 9)
        used = resolve(core, guild, resolved, type, String(value)) || used;
      return { name: item.name, type, value };
    });
  };
  const options = convert(
    list,
    command ? (command.options as Array<Record<string, unknown>>) : null,
  );
  return { options, resolved: used ? resolved : null };
}

function inferType(value: unknown): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  if (typeof value === 'string') return 3;
  throw invalid('Option values must be strings, numbers or booleans.');
}

function checkValue(name: string, type: number, value: unknown): void {
  const ok =
    type === 3
      ? typeof value === 'string'
      : type === 4
        ? Number.isInteger(value)
        : type === 5
          ? typeof value === 'boolean'
          : type === 10
            ? typeof value === 'number'
            : typeof value === 'string' && /^\d+$/.test(value);
  if (!ok) throw invalid(`The value of option ${name} does not fit its type ${type}.`);
}

/** Adds the entity an id option refers to under `resolved`; false when nothing matched. */
function resolve(
  core: Core,
  guild: GuildRecord,
  resolved: Resolved,
  type: number,
  id: string,
): boolean {
  const { state } = core;
  const user = state.users.get(id);
  if ((type === 6 || type === 9) && user) {
    resolved.users[id] = apiUser(user);
    const member = guild.members.get(id);
    if (member?.present) {
      const json = apiMember(state, guild, member, { withUser: false });
      resolved.members[id] = { ...json, permissions: '0' };
    }
    return true;
  }
  const role = guild.roles.get(id);
  if ((type === 8 || type === 9) && role) {
    resolved.roles[id] = apiRole(role);
    return true;
  }
  const channel = state.channels.get(id);
  if (type === 7 && channel && channel.guildId === guild.id) {
    const json = apiChannel(state, channel);
    resolved.channels[id] = {
      id,
      name: json.name,
      type: json.type,
      permissions: state.botPermissionsIn(channel).toString(),
      ...(channel.thread
        ? { thread_metadata: json.thread_metadata, parent_id: channel.parentId }
        : {}),
    };
    return true;
  }
  throw invalid(
    `Option value ${id} does not match a ${type === 6 ? 'user' : type === 7 ? 'channel' : type === 8 ? 'role' : 'user or role'} in the guild.`,
  );
}
