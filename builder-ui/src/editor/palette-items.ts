import type { NodeTypeJson } from '@guildflow/engine/core';

/** The palette's sections, in order; catalog groups beyond the first four go under Other. */
export const PALETTE_SECTIONS = ['Triggers', 'Discord', 'Flow', 'Data', 'Other'] as const;
export type PaletteSection = (typeof PALETTE_SECTIONS)[number];

/** What the palette needs of a catalog entry (`GET /api/catalog`). */
export type PaletteEntry = Pick<
  NodeTypeJson,
  'type' | 'kind' | 'group' | 'title' | 'description'
> & {
  ui: Pick<NodeTypeJson['ui'], 'icon' | 'color'>;
};

export interface PaletteGroup {
  section: PaletteSection;
  entries: PaletteEntry[];
}

export function sectionOf(entry: Pick<PaletteEntry, 'group'>): PaletteSection {
  return (PALETTE_SECTIONS as readonly string[]).includes(entry.group)
    ? (entry.group as PaletteSection)
    : 'Other';
}

/**
 * How well an entry matches a search (0: not at all). Every word of the query must appear in
 * the title, the type id or the description; title matches rank first, then type ids.
 */
export function matchScore(entry: PaletteEntry, query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const title = entry.title.toLowerCase();
  const type = entry.type.toLowerCase();
  const description = entry.description.toLowerCase();
  let score = 0;
  for (const word of words) {
    if (title.startsWith(word)) score += 8;
    else if (title.includes(word)) score += 6;
    else if (type.includes(word)) score += 4;
    else if (description.includes(word)) score += 1;
    else return 0;
  }
  return score;
}

/**
 * The catalog filtered by a search and grouped into palette sections (empty sections left out);
 * within a section, best matches first, then catalog order; while searching, the sections
 * themselves are ordered by their best match.
 *
 * @example
 * searchPalette(catalog.nodes, 'role'); // [{ section: 'Discord', entries: [Add role, Remove role, …] }]
 */
export function searchPalette(entries: readonly PaletteEntry[], query: string): PaletteGroup[] {
  const scored = entries
    .map((entry, order) => ({ entry, order, score: matchScore(entry, query) }))
    .filter(({ score }) => score > 0);
  const groups = PALETTE_SECTIONS.map((section, index) => {
    const matches = scored
      .filter(({ entry }) => sectionOf(entry) === section)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    return { section, index, best: matches[0]?.score ?? 0, entries: matches.map((m) => m.entry) };
  }).filter((group) => group.entries.length > 0);
  // While searching, the section with the best match comes first: Enter adds the best match
  // ("add role" is Add role, not a trigger whose description mentions roles being added).
  if (query.trim()) groups.sort((a, b) => b.best - a.best || a.index - b.index);
  return groups.map(({ section, entries: found }) => ({ section, entries: found }));
}
