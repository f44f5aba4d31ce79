import { createContext, useContext } from 'react';

/**
 * Names of the guild's channels, roles and members for node summaries (`#welcome` instead of
 * an id). The editor works without them (ids are shown); the page fills it from guild data.
 */
export interface NameLookup {
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
  member(id: string): string | undefined;
}

export const NO_NAMES: NameLookup = {
  channel: () => undefined,
  role: () => undefined,
  member: () => undefined,
};

/** Builds a lookup from guild data shaped like `GET /api/guilds/:guildId/discord`. */
export function namesFrom(data: {
  channels?: readonly { id: string; name: string }[];
  roles?: readonly { id: string; name: string }[];
  members?: readonly { id: string; username: string; displayName?: string | null }[];
}): NameLookup {
  const channels = new Map(data.channels?.map((c) => [c.id, c.name]));
  const roles = new Map(data.roles?.map((r) => [r.id, r.name]));
  const members = new Map(data.members?.map((m) => [m.id, m.displayName || m.username]));
  return {
    channel: (id) => channels.get(id),
    role: (id) => roles.get(id),
    member: (id) => members.get(id),
  };
}

export const NamesContext = createContext<NameLookup>(NO_NAMES);

export function useNames(): NameLookup {
  return useContext(NamesContext);
}
