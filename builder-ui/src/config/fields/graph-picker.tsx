import { useQuery } from '@tanstack/react-query';
import { api, call, type ApiError } from '../../api/client.js';
import { useConfigContext } from '../form-context.js';
import { ExprCapable } from './expression-leaf.js';
import type { LeafProps } from './leaf.js';
import { textOf } from './values.js';

/** The query key of a guild's graph list for the graph picker (tests seed it). */
export const guildGraphsKey = (guildId: string) => ['config-guild-graphs', guildId] as const;

/**
 * Picks the graph a `flow.runGraph` starts, from the guild's graphs (by name; the id is
 * stored). An id that is not in the list is kept and pointed out.
 *
 * @example
 * <GraphLeaf {...leaf} />
 */
export function GraphLeaf(leaf: LeafProps) {
  const { guildId } = useConfigContext();
  const graphs = useQuery<{ graphs: { id: string; name: string; enabled: boolean }[] }, ApiError>({
    queryKey: guildGraphsKey(guildId),
    queryFn: () => call(api.GET('/api/guilds/{guildId}/graphs', { params: { path: { guildId } } })),
    staleTime: 30_000,
  });
  const value = textOf(leaf.value);
  const list = graphs.data?.graphs ?? [];
  const known = value === '' || list.some((g) => g.id === value);
  const statusId = `${leaf.ids.input}__status`;
  const status = graphs.isPending
    ? 'Loading this server’s graphs…'
    : graphs.error
      ? `Could not load this server’s graphs: ${graphs.error.message}`
      : !known
        ? `${value} is not a graph of this server (yet).`
        : undefined;
  return (
    <ExprCapable leaf={leaf}>
      <select
        id={leaf.ids.input}
        className="gf-config-input"
        value={value}
        aria-describedby={
          [leaf.describedBy, status ? statusId : ''].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={leaf.issues.length > 0 ? true : undefined}
        onChange={(e) => leaf.onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">Choose a graph…</option>
        {list.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
            {g.enabled ? '' : ' (not published)'}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
      </select>
      {status ? (
        <p id={statusId} className="gf-config-feedback" aria-live="polite">
          {status}
        </p>
      ) : null}
    </ExprCapable>
  );
}
