import { channelKind, type GuildDiscord } from '../guild-discord.js';

/** What an entity picker chooses. */
export type EntityKind = 'channel' | 'category' | 'channelOrCategory' | 'role' | 'member';

/** One choice of a picker: the id it writes and how it is shown. */
export interface EntityOption {
  id: string;
  /** `#welcome`, `@Moderator`, `Alice (@alice)`. */
  label: string;
  /** Where it sits (a channel's category) or what it is. */
  group?: string;
  /** A role's colour (`#RRGGBB`). */
  color?: string;
  /** Why it cannot be chosen (a managed role). */
  disabled?: string;
}

/**
 * The choices of a picker from the guild's data: text channels (threads and forums too) or
 * categories, roles above @everyone (managed ones disabled: Discord refuses to assign them),
 * members by display name.
 *
 * @example
 * entityOptions(data, 'channel')[0]; // { id: '1300…100', label: '#general', group: 'Text channels' }
 */
export function entityOptions(data: GuildDiscord | undefined, kind: EntityKind): EntityOption[] {
  if (!data) return [];
  if (kind === 'channel' || kind === 'category' || kind === 'channelOrCategory') {
    const categories = new Map(
      data.channels.filter((c) => channelKind(c) === 'category').map((c) => [c.id, c.name]),
    );
    const wanted = (c: GuildDiscord['channels'][number]) =>
      kind === 'channelOrCategory' || (kind === 'category') === (channelKind(c) === 'category');
    const options = data.channels.filter(wanted).map((c) => {
      const category = channelKind(c) === 'category';
      return {
        id: c.id,
        label: category ? c.name : `#${c.name}`,
        group: category
          ? 'Category'
          : ((c.parentId && categories.get(c.parentId)) ?? kindGroup(channelKind(c))),
      };
    });
    // Categories after the channels.
    return [
      ...options.filter((o) => o.group !== 'Category'),
      ...options.filter((o) => o.group === 'Category'),
    ];
  }
  if (kind === 'role') {
    return [...data.roles]
      .filter((r) => r.id !== data.guild.id) // @everyone
      .sort((a, b) => b.position - a.position)
      .map((r) => ({
        id: r.id,
        label: `@${r.name}`,
        ...(r.color ? { color: `#${r.color.toString(16).padStart(6, '0')}` } : {}),
        ...(r.managed ? { disabled: 'managed by an integration' } : {}),
      }));
  }
  return data.members.map((m) => ({
    id: m.id,
    label:
      m.displayName && m.displayName !== m.username
        ? `${m.displayName} (@${m.username})`
        : `@${m.username}`,
  }));
}

function kindGroup(kind: ReturnType<typeof channelKind>): string {
  return kind === 'voice' ? 'Voice channels' : kind === 'thread' ? 'Threads' : 'Text channels';
}

/**
 * The choices matching what is typed (in the label or the id), best first.
 *
 * @example
 * filterOptions(options, 'wel').map((o) => o.label); // ['#welcome']
 */
export function filterOptions(options: readonly EntityOption[], query: string): EntityOption[] {
  const q = query.trim().toLowerCase().replace(/^[#@]/, '');
  if (q === '') return [...options];
  const scored = options
    .map((option) => {
      const label = option.label.toLowerCase().replace(/^[#@]/, '');
      const score = label.startsWith(q)
        ? 0
        : label.includes(q)
          ? 1
          : option.id.startsWith(q)
            ? 2
            : -1;
      return { option, score };
    })
    .filter((s) => s.score >= 0);
  return scored.sort((a, b) => a.score - b.score).map((s) => s.option);
}

/** The noun of a picker, for labels and messages. */
export const ENTITY_NOUN: Record<EntityKind, string> = {
  channel: 'channel',
  category: 'category',
  channelOrCategory: 'channel or category',
  role: 'role',
  member: 'member',
};

/** The plural of a picker's noun. */
export const ENTITY_PLURAL: Record<EntityKind, string> = {
  channel: 'channels',
  category: 'categories',
  channelOrCategory: 'channels and categories',
  role: 'roles',
  member: 'members',
};
