/**
 * The builder's shared server state (TanStack Query): one hook per API read, one per change,
 * with the query keys the changes invalidate. Pages use these instead of calling `api` directly,
 * so every screen sees the same cached data and refreshes together.
 */
import type { CatalogJson, GraphDocument, ValidationIssue } from '@guildflow/engine/core';
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { api, ApiError, call, storedToken } from './client.js';
import { openGraph } from './graph-reads.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];
export type Session = Schemas['Session'];
export type SignInMethods = Schemas['SignInMethods'];
export type GuildSummary = Schemas['GuildSummary'];
export type GuildList = Schemas['GuildList'];
export type GraphSummary = Schemas['GraphSummary'];
export type GraphResource = Schemas['GraphResource'];
export type ApiGraphDocument = Schemas['GraphDocument'];
export type RunSummary = Schemas['RunSummary'];
export type TemplateSummary = Schemas['TemplateSummary'];
export type TemplateInstallAnswer = Schemas['TemplateInstallAnswer'];
export type GuildDiscord = Schemas['GuildDiscord'];
export type VersionList = Schemas['VersionList'];
export type VersionSummary = Schemas['VersionSummary'];
export type RoutingConfirmation = Schemas['RoutingConfirmation'];

/** A graph resource with its draft and issues typed by the engine core (what the editor edits). */
export type EditorGraph = Omit<GraphResource, 'draft' | 'issues'> & {
  draft: GraphDocument;
  issues: ValidationIssue[];
};
/** One published version with its document (`GET …/versions/:version`). */
export type VersionDetail = Omit<Schemas['VersionDetail'], 'document'> & {
  document: GraphDocument;
};

/**
 * The query keys: everything of a guild starts with `['guilds', guildId]`, so a change can
 * refresh a whole guild at once.
 */
export const queryKeys = {
  session: ['session'] as const,
  signInMethods: ['sign-in-methods'] as const,
  guilds: ['guilds'] as const,
  graphs: (guildId: string) => ['guilds', guildId, 'graphs'] as const,
  graph: (guildId: string, graphId: string) => ['guilds', guildId, 'graphs', graphId] as const,
  versions: (guildId: string, graphId: string) =>
    ['guilds', guildId, 'graphs', graphId, 'versions'] as const,
  version: (guildId: string, graphId: string, version: number) =>
    ['guilds', guildId, 'graphs', graphId, 'versions', version] as const,
  lastRuns: (guildId: string) => ['guilds', guildId, 'runs', 'latest'] as const,
  guildDiscord: (guildId: string) => ['guilds', guildId, 'discord'] as const,
  templates: ['templates'] as const,
  catalog: ['catalog'] as const,
};

const guildPath = (guildId: string) => ({ params: { path: { guildId } } });
const graphPath = (guildId: string, graphId: string) => ({
  params: { path: { guildId, graphId } },
});

/**
 * The node catalog (titles, icons, schemas, ports), typed by the engine core that builds it; it
 * changes only with a new version of Guildflow.
 */
export const catalogQuery = queryOptions({
  queryKey: queryKeys.catalog,
  queryFn: async () => (await call(api.GET('/api/catalog'))) as unknown as CatalogJson,
  staleTime: Infinity,
});

/** {@link catalogQuery} in a component. */
export function useCatalog() {
  return useQuery(catalogQuery);
}

/** Who the stored token belongs to (disabled while signed out). */
export const sessionQuery = () =>
  queryOptions({
    queryKey: queryKeys.session,
    queryFn: () => call(api.GET('/api/session')),
    enabled: storedToken() !== null,
    staleTime: 60_000,
  });

/** {@link sessionQuery} in a component. */
export function useSession() {
  return useQuery(sessionQuery());
}

/** How people can sign in here (public: works signed out). */
export function useSignInMethods() {
  return useQuery({
    queryKey: queryKeys.signInMethods,
    queryFn: () => call(api.GET('/auth/methods')),
    staleTime: Infinity,
  });
}

/** The guilds the caller can open. */
export const guildsQuery = queryOptions({
  queryKey: queryKeys.guilds,
  queryFn: () => call(api.GET('/api/guilds')),
  staleTime: 60_000,
});

/** {@link guildsQuery} in a component. */
export function useGuilds() {
  return useQuery(guildsQuery);
}

/** The graphs of a guild, most recently changed first. */
export function useGraphs(guildId: string) {
  return useQuery({
    queryKey: queryKeys.graphs(guildId),
    queryFn: async () =>
      (await call(api.GET('/api/guilds/{guildId}/graphs', guildPath(guildId)))).graphs,
  });
}

/**
 * One graph for the editor. Read fresh on every opening (wait for `isFetchedAfterMount`: what
 * is cached from the last opening may be older than its last save) and never refetched behind
 * the editor's back (the editor owns the draft from then on; its saves answer the new state).
 */
export function useGraph(guildId: string, graphId: string) {
  return useQuery({
    queryKey: queryKeys.graph(guildId, graphId),
    queryFn: () => openGraph(guildId, graphId),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** The published versions of a graph, newest first (`current` marks the live one). */
export function useVersions(guildId: string, graphId: string) {
  return useQuery({
    queryKey: queryKeys.versions(guildId, graphId),
    queryFn: () =>
      call(api.GET('/api/guilds/{guildId}/graphs/{graphId}/versions', graphPath(guildId, graphId))),
  });
}

/** One published version's document (immutable: cached for the session). */
export function useVersion(guildId: string, graphId: string, version: number | null) {
  return useQuery({
    queryKey: queryKeys.version(guildId, graphId, version ?? 0),
    queryFn: async () =>
      (await call(
        api.GET('/api/guilds/{guildId}/graphs/{graphId}/versions/{version}', {
          params: { path: { guildId, graphId, version: version ?? 0 } },
        }),
      )) as unknown as VersionDetail,
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/** The last run of each graph of a guild, by graph id (one request for the whole list). */
export function useLastRuns(guildId: string) {
  return useQuery({
    queryKey: queryKeys.lastRuns(guildId),
    queryFn: async () => {
      const { runs } = await call(api.GET('/api/guilds/{guildId}/runs/latest', guildPath(guildId)));
      return new Map(runs.map((run) => [run.graphId, run]));
    },
    // A running run ends by itself: look again now and then while the list is open.
    refetchInterval: 15_000,
  });
}

/**
 * A guild's channels, roles and members for the pickers (the config panel's and the template
 * installer's), cached a minute: a server's channels change rarely, and the pickers still accept
 * any id or expression. One quick retry when the service or Discord stumbled; a refusal is final.
 */
export const guildDiscordQuery = (guildId: string) =>
  queryOptions<GuildDiscord, ApiError>({
    queryKey: queryKeys.guildDiscord(guildId),
    queryFn: () =>
      call(api.GET('/api/guilds/{guildId}/discord', { params: { path: { guildId } } })),
    enabled: guildId !== '',
    staleTime: 60_000,
    retry: (count, error) => count < 1 && (error.status === 0 || error.status >= 500),
    retryDelay: 500,
  });

/**
 * {@link guildDiscordQuery} in a component.
 */
export function useGuildDiscord(guildId: string): UseQueryResult<GuildDiscord, ApiError> {
  return useQuery(guildDiscordQuery(guildId));
}

/** The prebuilt templates with their graphs (for the gallery's previews). */
export function useTemplates() {
  return useQuery({
    queryKey: queryKeys.templates,
    queryFn: async () =>
      (await call(api.GET('/api/templates', { params: { query: { include: 'graph' } } })))
        .templates,
    staleTime: Infinity,
  });
}

/** Creates a graph from a document (new, duplicate, import); answers the graph resource. */
export function useCreateGraph(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (doc: ApiGraphDocument) =>
      call(api.POST('/api/guilds/{guildId}/graphs', { ...guildPath(guildId), body: doc })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.graphs(guildId) }),
  });
}

/** Copies a graph's draft into a new graph named "<name> (copy)". */
export function useDuplicateGraph(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (graphId: string) => {
      const source = await call(
        api.GET('/api/guilds/{guildId}/graphs/{graphId}', graphPath(guildId, graphId)),
      );
      const name = `${source.draft.name} (copy)`.slice(0, 100);
      return call(
        api.POST('/api/guilds/{guildId}/graphs', {
          ...guildPath(guildId),
          body: { ...source.draft, name },
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.graphs(guildId) }),
  });
}

/** Deletes a graph (its triggers stop; running runs finish). */
export function useDeleteGraph(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (graphId: string) =>
      call(api.DELETE('/api/guilds/{guildId}/graphs/{graphId}', graphPath(guildId, graphId))),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.graphs(guildId) }),
  });
}

/**
 * Turns a published graph on or off: off is `disable`; on re-enables the version that was
 * live (a rollback to it), never publishing the draft behind the user's back.
 */
export function useSetGraphEnabled(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ graph, enabled }: { graph: GraphSummary; enabled: boolean }) => {
      const path = graphPath(guildId, graph.id);
      if (!enabled) return call(api.POST('/api/guilds/{guildId}/graphs/{graphId}/disable', path));
      if (graph.publishedVersion === null)
        throw new Error('This graph was never published: open it and publish it first.');
      return call(
        api.POST('/api/guilds/{guildId}/graphs/{graphId}/rollback', {
          ...path,
          body: { version: graph.publishedVersion },
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.graphs(guildId) }),
  });
}

/** Installs a template into a guild; answers the new graph. */
export function useInstallTemplate(guildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ templateId, vars }: { templateId: string; vars: Record<string, unknown> }) =>
      call(
        api.POST('/api/guilds/{guildId}/templates/{templateId}/install', {
          params: { path: { guildId, templateId } },
          body: { vars },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.graphs(guildId) }),
  });
}
