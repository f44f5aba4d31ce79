import { apiMember } from '../serialize.js';
import type { SandboxState } from '../state.js';
import type { DispatchScope } from '../types.js';
import { Intents } from './intents.js';
import type { GatewaySession } from './session.js';

/**
 * Shard routing as on Discord: a guild belongs to shard `(guild_id >> 22) % shard_count`.
 *
 * @example
 * if (sees(session, guildId)) session.push('GUILD_MEMBER_ADD', data);
 */
export function sees(session: GatewaySession, guildId: string): boolean {
  const [id, count] = session.shard;
  return count === 1 || Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

/**
 * Without the MESSAGE_CONTENT intent, other users' guild messages arrive with content, embeds,
 * attachments and components blanked, as on Discord (the bot's own messages keep theirs).
 */
export function redact(
  session: GatewaySession,
  data: Record<string, unknown>,
  scope: DispatchScope,
  botUserId: string,
): Record<string, unknown> {
  if (!scope.messageContent || !scope.guildId || session.intents & Intents.MessageContent) {
    return data;
  }
  const author = data.author as { id?: string } | undefined;
  if (author?.id === botUserId) return data;
  return { ...data, content: '', embeds: [], attachments: [], components: [] };
}

/**
 * GUILD_MEMBERS_CHUNK payloads answering op 8 REQUEST_GUILD_MEMBERS (by `query` prefix or
 * `user_ids`, one chunk per guild), echoing the request's `nonce`.
 *
 * @example
 * for (const chunk of memberChunks(state, session, d)) session.push('GUILD_MEMBERS_CHUNK', chunk);
 */
export function memberChunks(
  state: SandboxState,
  session: GatewaySession,
  d: Record<string, unknown>,
): Array<Record<string, unknown>> {
  const guildIds = Array.isArray(d.guild_id) ? d.guild_id : [d.guild_id];
  const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
  const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Infinity;
  const userIds = Array.isArray(d.user_ids)
    ? d.user_ids.map(String)
    : typeof d.user_ids === 'string'
      ? [d.user_ids]
      : null;
  const chunks: Array<Record<string, unknown>> = [];
  for (const guildId of guildIds) {
    const guild = typeof guildId === 'string' ? state.guilds.get(guildId) : undefined;
    if (!guild || !sees(session, guild.id)) continue;
    const members = state
      .presentMembers(guild)
      .filter((m) =>
        userIds
          ? userIds.includes(m.userId)
          : (state.users.get(m.userId)?.username ?? '').toLowerCase().startsWith(query),
      )
      .slice(0, limit);
    const found = new Set(members.map((m) => m.userId));
    chunks.push({
      guild_id: guild.id,
      members: members.map((m) => apiMember(state, guild, m)),
      chunk_index: 0,
      chunk_count: 1,
      ...(userIds ? { not_found: userIds.filter((id) => !found.has(id)) } : {}),
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }
  return chunks;
}
