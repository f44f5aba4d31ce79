import { useParams } from 'react-router';
import type { GuildSummary } from '../api/queries.js';

const GUILD_KEY = 'guildflow.guild';

/** Remembers the guild last opened, so Templates and the next visit start there. */
export function rememberGuild(guildId: string): void {
  localStorage.setItem(GUILD_KEY, guildId);
}

/**
 * The guild the page is about: the route's, else the one last opened (if still listed), else
 * the first listed; undefined when there is none.
 */
export function useCurrentGuildId(guilds: readonly GuildSummary[] | undefined): string | undefined {
  const { guildId } = useParams();
  if (guildId) return guildId;
  const remembered = localStorage.getItem(GUILD_KEY);
  if (remembered && guilds?.some((g) => g.id === remembered)) return remembered;
  return guilds?.[0]?.id;
}

/**
 * How a guild is named in the UI (its id when Guildflow cannot read its name).
 *
 * @example
 * guildLabel({ id: '1', name: null, botPresent: false }); // 'Server 1'
 */
export function guildLabel(guild: Pick<GuildSummary, 'id' | 'name'>): string {
  return guild.name ?? `Server ${guild.id}`;
}
