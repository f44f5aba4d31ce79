import type { GuildDiscord } from '../../config/guild-discord.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
};

/**
 * A payload for a test run, drawn from a trigger's declared output: people are a member of the
 * server (`{ id, username, mention }`), channels its first text channel, the guild itself; other
 * values their schema's example, default or a plain placeholder. A starting point to edit, so a
 * test run needs no typing of ids.
 *
 * @example
 * samplePayload(getNodeType('trigger.memberJoined')!.output, guild); // { member: { id: '…', username: 'alice', mention: '<@…>' }, guild: { … } }
 */
export function samplePayload(schema: unknown, guild: GuildDiscord | undefined): unknown {
  const member = guild?.members[0];
  const channel = guild?.channels.find((c) => c.type === 0);
  const sample = (s: Schema, key: string, depth: number): unknown => {
    if (depth > 6) return null;
    if (s.const !== undefined) return s.const;
    if (s.examples?.length) return s.examples[0];
    if (s.default !== undefined) return s.default;
    if (s.enum?.length) return s.enum[0];
    if (s.anyOf?.length) return sample(s.anyOf[0] ?? {}, key, depth + 1);
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === 'object' || s.properties) {
      const props = s.properties ?? {};
      // A person: one of the server's members.
      if ('id' in props && 'username' in props && 'mention' in props && member)
        return { id: member.id, username: member.username, mention: `<@${member.id}>` };
      if ('id' in props && 'name' in props && 'memberCount' in props && guild)
        return { id: guild.guild.id, name: guild.guild.name, memberCount: guild.members.length };
      return Object.fromEntries(
        Object.entries(props).map(([name, child]) => [name, sample(child, name, depth + 1)]),
      );
    }
    if (type === 'array') return s.items ? [sample(s.items, key, depth + 1)] : [];
    if (type === 'integer' || type === 'number') return 1;
    if (type === 'boolean') return false;
    if (type === 'null') return null;
    if (type === 'string') {
      if (/channelId$/i.test(key) && channel) return channel.id;
      if (/(userId|memberId)$/i.test(key) && member) return member.id;
      if (key === 'guildId' && guild) return guild.guild.id;
      if (/content|text/i.test(key)) return 'Hello from a test run';
      if (/At$/.test(key)) return new Date().toISOString();
      return key;
    }
    return null;
  };
  return sample((schema ?? {}) as Schema, '', 0);
}

/** "A 7-day wait takes 2 min 48 s": what time compression does to a week. */
export function weekAt(timeScale: number): string {
  const seconds = (7 * 24 * 3600) / timeScale;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = Math.round(seconds % 60);
    return s ? `${m} min ${s} s` : `${m} min`;
  }
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
